import Foundation

/// A seeded pseudo-random generator (SplitMix64): every random stream of a run derives from the scenario's
/// seed, so the same seed gives the same requests on every machine.
public struct RandomSource: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in (0, 1).
    public mutating func unit() -> Double { (Double(next() >> 11) + 0.5) / Double(1 << 53) }

    /// Exponential with mean `mean`.
    public mutating func exponential(mean: Double) -> Double { -mean * log(unit()) }

    /// Standard normal (Box–Muller).
    public mutating func normal() -> Double { sqrt(-2 * log(unit())) * cos(2 * Double.pi * unit()) }

    /// Gamma with `shape` and `scale` (Marsaglia–Tsang; shape < 1 by the boost `U^(1/shape)`).
    public mutating func gamma(shape: Double, scale: Double) -> Double {
        if shape < 1 { return gamma(shape: shape + 1, scale: scale) * pow(unit(), 1 / shape) }
        let d = shape - 1.0 / 3, c = 1 / sqrt(9 * d)
        while true {
            var x: Double, v: Double
            repeat { x = normal(); v = 1 + c * x } while v <= 0
            v = v * v * v
            let u = unit()
            if u < 1 - 0.0331 * x * x * x * x || log(u) < 0.5 * x * x + d * (1 - v + log(v)) { return d * v * scale }
        }
    }
}
