import Foundation
import FleetLinearAlgebra
import FleetProfiles
import FleetUnits

/// A deployment compiled to the coefficients of its step-time model.
///
/// For a batch state with features `φ` (``Feature``), operator class `o` does `F_o = φ·C_F[:, o]` FLOPs and
/// moves `B_o = φ·C_B[:, o]` bytes per device, and takes
/// ```
/// t_o = R(F_o / (peak_o · η_o), B_o / (bandwidth · η_memory))
/// ```
/// with `R(c, m) = (c^p + m^p)^(1/p)` the ``Roofline`` at the kernel calibration's fitted exponent `p`.
/// Communication and fixed overheads are times linear in `φ`. The step time is their sum. Many states
/// evaluate at once as `F = Φ·C_F`, `B = Φ·C_B` (one `dgemm` each) followed by the element-wise roofline
/// (``stepTimes(_:)``); one state evaluates inline (``stepTime(_:)``) with the same numbers.
public struct StepModel: Sendable {
    public let spec: DeploymentSpec
    /// Features × roofline classes.
    let flopsCoefficients: Matrix
    let bytesCoefficients: Matrix
    /// Per roofline class: achieved compute and memory rates.
    let computeRates: [Double]
    let memoryRates: [Double]
    /// `p` of the ``Roofline`` that combines each class's compute and memory times.
    let rooflineExponent: Double
    /// Seconds per unit of each feature spent communicating.
    let communicationCoefficients: [Double]
    /// Seconds per step of fixed latencies that scale with the engine (GEMM tails).
    let overhead: Double
    /// `timeScale` of the spec, and the engine's own step overhead added after scaling.
    let timeScale: Double
    let fixedLatencyScale: Double
    let engineOverhead: Double
    /// Seconds per step for each sequence that samples a token (``DeploymentSpec/sequenceOverhead``), added
    /// after scaling.
    let sequenceOverhead: Double

    /// Seconds of fixed latency in every step before calibration (GEMM tails and collective α terms).
    public var fixedTimePerStep: Double { overhead + communicationCoefficients[Feature.constant.rawValue] }

    /// Calibrated step time from its uncalibrated parts: `s · variable + f · fixed + o`.
    @inline(__always) func calibrated(_ uncalibrated: Double) -> Double {
        if timeScale == 1 && fixedLatencyScale == 1 && engineOverhead == 0 { return uncalibrated }
        let fixed = fixedTimePerStep
        return (uncalibrated - fixed) * timeScale + fixed * fixedLatencyScale + engineOverhead
    }
    /// Sliding window (or sparse-attention top-k) that caps attended keys, for features.
    public let window: Int?
    /// Where each efficiency came from, for `--explain`.
    public let efficiencyNotes: [OperatorClass: String]

    /// Rows per tile for which weight-only GEMM kernels dequantize the weights again (Marlin-class kernels
    /// work on 16–64-row tiles; 64 is an assumption, not a fitted number).
    public static let dequantizationTile = 64.0

    /// The feature vector of `state` for this model.
    public func features(of state: BatchState) -> [Double] {
        var φ = state.features(window: window, routedExperts: 0, expertsPerToken: 0)
        φ[Feature.touchedExperts.rawValue] = touchedExperts(localTokens: φ[Feature.prefillTokens.rawValue] + φ[Feature.decodeTokens.rawValue])
        return φ
    }

    /// Distinct routed experts a step touches, for uniform routing of all ranks' tokens:
    /// `E·(1 − (1 − k/E)^(T·dp))`, with `T` this rank's tokens (data-parallel ranks step together).
    public func touchedExperts(localTokens: Double) -> Double {
        guard let moe = spec.model.architecture.moe, moe.routedExperts > 0 else { return 0 }
        let experts = Double(moe.routedExperts)
        return experts * (1 - Foundation.pow(1 - Double(moe.expertsPerToken) / experts, localTokens * Double(spec.dataParallelAttention)))
    }

    /// Step time of one state, computed inline (the simulator's path).
    public func stepTime(_ features: [Double]) -> Double {
        precondition(features.count == Feature.count, "expected \(Feature.count) features, got \(features.count)")
        var total = overhead
        for column in 0..<OperatorClass.rooflineClasses.count {
            var flops = 0.0, bytes = 0.0
            for row in 0..<Feature.count {
                flops += features[row] * flopsCoefficients[row, column]
                bytes += features[row] * bytesCoefficients[row, column]
            }
            total += Roofline.time(compute: flops / computeRates[column], memory: bytes / memoryRates[column], exponent: rooflineExponent)
        }
        for row in 0..<Feature.count { total += features[row] * communicationCoefficients[row] }
        return calibrated(total) + sequenceOverhead * features[Feature.sampledTokens.rawValue]
    }

    /// Step times of many states (rows of `states`, `N × Feature.count`) with two `dgemm`s.
    public func stepTimes(_ states: Matrix) -> [Double] {
        precondition(states.columns == Feature.count, "expected \(Feature.count) feature columns, got \(states.columns)")
        let flops = BLAS.product(states, flopsCoefficients)
        let bytes = BLAS.product(states, bytesCoefficients)
        var times = BLAS.product(states, communicationCoefficients)
        let rows = states.rows, exponent = rooflineExponent
        for column in 0..<OperatorClass.rooflineClasses.count {
            let computeRate = computeRates[column], memoryRate = memoryRates[column]
            flops.storage.withUnsafeBufferPointer { f in
                bytes.storage.withUnsafeBufferPointer { b in
                    let offset = column * rows
                    for row in 0..<rows {
                        times[row] += Roofline.time(compute: f[offset + row] / computeRate, memory: b[offset + row] / memoryRate,
                                                    exponent: exponent)
                    }
                }
            }
        }
        for row in 0..<rows {
            times[row] = calibrated(times[row] + overhead) + sequenceOverhead * states[row, Feature.sampledTokens.rawValue]
        }
        return times
    }

    /// One operator class's share of a step, for `--explain`.
    public struct OperatorCost: Sendable {
        public let operatorClass: OperatorClass
        public let flops: FLOPs
        public let bytes: Bytes
        public let time: Seconds
        public let bound: Bound
        public let note: String
    }

    /// The step of `features` split by operator class.
    public func breakdown(_ features: [Double]) -> [OperatorCost] {
        var costs: [OperatorCost] = []
        for (column, operatorClass) in OperatorClass.rooflineClasses.enumerated() {
            var flops = 0.0, bytes = 0.0
            for row in 0..<Feature.count {
                flops += features[row] * flopsCoefficients[row, column]
                bytes += features[row] * bytesCoefficients[row, column]
            }
            if flops == 0 && bytes == 0 { continue }  // a class the model does not have (experts of a dense model)
            let computeTime = flops / computeRates[column], memoryTime = bytes / memoryRates[column]
            costs.append(OperatorCost(operatorClass: operatorClass, flops: FLOPs(flops), bytes: Bytes(bytes),
                                      time: Seconds(Roofline.time(compute: computeTime, memory: memoryTime, exponent: rooflineExponent) * timeScale),
                                      bound: computeTime >= memoryTime ? .compute : .memory,
                                      note: efficiencyNotes[operatorClass] ?? ""))
        }
        let communication = zip(features, communicationCoefficients).reduce(0) { $0 + $1.0 * $1.1 }
        let fixedCommunication = communicationCoefficients[Feature.constant.rawValue]
        costs.append(OperatorCost(operatorClass: .communication, flops: .zero, bytes: .zero,
                                  time: Seconds((communication - fixedCommunication) * timeScale + fixedCommunication * fixedLatencyScale),
                                  bound: .communication, note: efficiencyNotes[.communication] ?? ""))
        costs.append(OperatorCost(operatorClass: .overhead, flops: .zero, bytes: .zero, time: Seconds(overhead * fixedLatencyScale + engineOverhead
                                                + sequenceOverhead * features[Feature.sampledTokens.rawValue]),
                                  bound: .overhead, note: efficiencyNotes[.overhead] ?? ""))
        return costs
    }
}
