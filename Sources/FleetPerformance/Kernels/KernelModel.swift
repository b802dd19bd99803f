import FleetProfiles
import FleetUnits

/// Predicts what a kernel microbenchmark measures, from a hardware profile and its family's fitted
/// efficiencies: the same roofline the step model uses, applied to one kernel.
public enum KernelModel {
    /// Why a row cannot be predicted.
    public struct Unsupported: Error, Equatable, CustomStringConvertible {
        public let reason: String
        public var description: String { reason }
    }

    /// The predicted value of `measurement`, in its metric's unit.
    /// - Throws: ``Unsupported`` with the reason when the profile or the fit lacks what the row needs.
    public static func predict(_ measurement: PublishedMeasurement, hardware: HardwareProfile, efficiencies: KernelEfficiencies)
        throws(Unsupported) -> Double
    {
        guard let shape = KernelShape.of(measurement) else { throw Unsupported(reason: "not a kernel metric") }
        guard let (family, _) = efficiencies.resolve(family: hardware.family) else {
            throw Unsupported(reason: "no kernel efficiencies for family '\(hardware.family)' and no prior")
        }
        switch shape {
        case let .gemm(m, n, k, statedPrecision):
            guard let precision = statedPrecision ?? measurement.activationPrecision else {
                throw Unsupported(reason: "GEMM precision not stated")
            }
            guard let peak = hardware.compute.dense[precision] else {
                throw Unsupported(reason: "'\(hardware.id)' has no \(precision.rawValue) peak in its profile")
            }
            guard let gemm = family.gemm(for: precision) else { throw Unsupported(reason: "no GEMM fit for the family") }
            guard let m, let n, let k else { return peak.value * gemm.peakEfficiency / 1e12 }
            let time = gemmTime(m: m, n: n, k: k, precision: precision, peak: peak, gemm: gemm,
                                bandwidth: try achievedBandwidth(hardware, family), rooflineExponent: family.rooflineExponent)
            return 2 * m * n * k / time.value / 1e12
        case let .memory(elementwise):
            let bandwidth = try achievedBandwidth(hardware, family)
            return bandwidth.value * (elementwise ? efficiencies.elementwiseFactor.value : 1) / 1e12
        case .attention, .servingAttention:
            guard let peak = hardware.compute.dense[.bf16] ?? hardware.compute.dense[.fp16] else {
                throw Unsupported(reason: "'\(hardware.id)' has no bf16/fp16 peak in its profile")
            }
            // A portable-kernel row is predicted from the portable fit, an architecture-specific one from the
            // fit the step model uses, at the row's query length.
            if case let .servingAttention(sequence) = shape {
                guard let attention = family.engineAttention else { throw Unsupported(reason: "no attention fit for the family") }
                return peak.value * attention.efficiency(sequence: sequence) / 1e12
            }
            guard let attention = family.attention else { throw Unsupported(reason: "no attention fit for the family") }
            return peak.value * attention.value / 1e12
        case let .allReduce(message, devices):
            guard let allreduce = family.allreduce else { throw Unsupported(reason: "no all-reduce fit for the family") }
            guard let link = hardware.interconnect?.scaleUp, let busBandwidth = allreduce.busBandwidth(devices: devices ?? 8, link: link)
            else { throw Unsupported(reason: "'\(hardware.id)' has no scale-up link bandwidth in its profile") }
            let count = devices ?? 8
            guard let message, let time = allreduce.time(message: message, devices: count, link: link) else {
                return busBandwidth.value / 1e9
            }
            let busBytes = message * (2 * Double(count - 1) / Double(count))
            return (busBytes / time).value / 1e9
        }
    }

    /// `t = R(2mnk / (peak · η), bytes / bandwidth) + t₀`, with `R` the ``Roofline`` at `rooflineExponent`,
    /// inputs at `precision` and a 16-bit output (32-bit for fp32/tf32 GEMMs).
    public static func gemmTime(m: Double, n: Double, k: Double, precision: Precision, peak: FLOPSRate,
                                gemm: GemmEfficiency, bandwidth: BytesPerSecond, rooflineExponent: Double) -> Seconds {
        let (compute, memory) = gemmTimes(m: m, n: n, k: k, precision: precision, peak: peak,
                                          efficiency: gemm.peakEfficiency, bandwidth: bandwidth)
        return Seconds(Roofline.time(compute: compute.value, memory: memory.value, exponent: rooflineExponent)) + gemm.fixedLatency
    }

    /// The compute time `2mnk / (peak · η)` and the memory time `bytes / bandwidth` of a GEMM.
    static func gemmTimes(m: Double, n: Double, k: Double, precision: Precision, peak: FLOPSRate, efficiency: Double,
                          bandwidth: BytesPerSecond) -> (compute: Seconds, memory: Seconds) {
        let work = FLOPs(2 * m * n * k)
        let outputBytes = precision.bits >= 32 ? 4.0 : 2.0
        let traffic = Bytes((m * k + k * n) * precision.bytes + m * n * outputBytes)
        return (work / (peak * efficiency), traffic / bandwidth)
    }

    static func achievedBandwidth(_ hardware: HardwareProfile, _ family: FamilyEfficiency) throws(Unsupported) -> BytesPerSecond {
        guard let peak = hardware.memory.bandwidth else {
            throw Unsupported(reason: "'\(hardware.id)' has no memory bandwidth in its profile")
        }
        guard let memory = family.memory else { throw Unsupported(reason: "no memory-bandwidth fit for the family") }
        return peak * memory.value
    }
}
