import Foundation

/// How a kernel's compute time and memory time combine into its duration.
///
/// A kernel that must do `c` seconds of math and `m` seconds of memory traffic takes
/// ```
/// t = (c^p + m^p)^(1/p)
/// ```
/// The hard roofline `max(c, m)` is the limit `p → ∞`: it assumes the two overlap perfectly. Measured GEMMs
/// do not reach it where `c` and `m` are close (tiles that start before their operands arrive, a last wave
/// that streams weights with idle tensor cores): at `c = m` they take about `√2 · max(c, m)`, not `max(c, m)`.
/// `p` is fitted by `fleetsim calibrate --kernels` to GEMMs timed across that crossover
/// (``KernelEfficiencies/rooflineExponent``).
public enum Roofline {
    /// `(c^p + m^p)^(1/p)` in seconds, computed as `L · (1 + (S/L)^p)^(1/p)` with `L` the larger and `S` the
    /// smaller time so that it cannot overflow; `p = ∞` is `max(c, m)`.
    @inline(__always)
    public static func time(compute: Double, memory: Double, exponent: Double) -> Double {
        let larger = max(compute, memory), smaller = min(compute, memory)
        if smaller <= 0 || exponent == .infinity { return larger }
        if exponent == 2 { return (compute * compute + memory * memory).squareRoot() }
        let share = power(smaller / larger, exponent)
        // (1 + x)^(1/p) = 1 + x/p + O(x²): below 1e-9 the first term is exact to double precision.
        return larger * (share < 1e-9 ? 1 + share / exponent : Foundation.pow(1 + share, 1 / exponent))
    }

    /// `base^exponent`; a half-integer exponent (the fit's grid includes 2.5) by products and one square
    /// root, which the simulator's step loop evaluates several times per step far faster than `pow`.
    @inline(__always)
    static func power(_ base: Double, _ exponent: Double) -> Double {
        let twice = exponent * 2
        guard twice == twice.rounded(.down), twice >= 0, twice <= 32 else { return Foundation.pow(base, exponent) }
        var result = Int(twice) % 2 == 1 ? base.squareRoot() : 1
        for _ in 0..<Int(twice) / 2 { result *= base }
        return result
    }

    /// `∂t/∂c = (c / t)^(p−1)`: how the duration moves with the compute time (for fitting).
    @inline(__always)
    public static func computeSensitivity(compute: Double, memory: Double, exponent: Double) -> Double {
        guard compute > 0 else { return 0 }
        if exponent == .infinity { return compute >= memory ? 1 : 0 }
        let total = time(compute: compute, memory: memory, exponent: exponent)
        return Foundation.pow(compute / total, exponent - 1)
    }
}
