import Foundation
import FleetPerformance
import FleetProfiles
import FleetServing
import FleetUnits

/// Fits the compute exponent of the ``PowerCapCurve`` to its published capped/uncapped pairs: each pair is
/// rebuilt as an offline run (all requests at once, fixed lengths) on one replica with and without the cap,
/// and the exponent minimizing Σ (ln modelled ratio − ln published ratio)² is found by golden-section
/// search on [0, 1.5] (the modelled ratio falls monotonically as the exponent grows).
public enum PowerCapFit {
    /// One pair with its modelled throughput ratio.
    public struct Outcome: Sendable {
        public let pair: PowerCapCurve.Pair
        public let modelledRatio: Double
        /// (modelled − published) / published, percent.
        public var errorPercent: Double { (modelledRatio / pair.throughputRatio - 1) * 100 }
    }

    /// - Throws: ``PerformanceError`` when the catalogue has no curve, the curve lists no pair, or a pair
    ///   cannot be modelled.
    public static func fit(catalog: ProfileCatalog, efficiencies: KernelEfficiencies, requests: Int = 1000)
        throws(PerformanceError) -> (curve: PowerCapCurve, before: [Outcome], after: [Outcome]) {
        guard let curve = catalog.powerCapCurve else { throw PerformanceError("the profiles have no calibration/power-cap.yaml to fit") }
        guard !curve.fittedTo.isEmpty else { throw PerformanceError("calibration/power-cap.yaml lists no 'fitted_to' pair") }
        func outcomes(_ exponent: Double) throws(PerformanceError) -> [Outcome] {
            let trial = catalog.with(powerCapCurve: curve.with(computeExponent: exponent))
            var outcomes: [Outcome] = []
            for pair in curve.fittedTo {
                outcomes.append(Outcome(pair: pair, modelledRatio: try ratio(pair, catalog: trial, efficiencies: efficiencies, requests: requests)))
            }
            return outcomes
        }
        func loss(_ exponent: Double) throws(PerformanceError) -> Double {
            try outcomes(exponent).reduce(0) { $0 + pow(log($1.modelledRatio / $1.pair.throughputRatio), 2) }
        }
        let golden = (sqrt(5.0) - 1) / 2
        var low = 0.0, high = 1.5
        var left = high - golden * (high - low), right = low + golden * (high - low)
        var lossLeft = try loss(left), lossRight = try loss(right)
        while high - low > 1e-4 {
            if lossLeft <= lossRight {
                high = right; right = left; lossRight = lossLeft
                left = high - golden * (high - low); lossLeft = try loss(left)
            } else {
                low = left; left = right; lossLeft = lossRight
                right = low + golden * (high - low); lossRight = try loss(right)
            }
        }
        let exponent = ((low + high) / 2 * 1e4).rounded() / 1e4
        return (curve.with(computeExponent: exponent), try outcomes(curve.computeExponent), try outcomes(exponent))
    }

    /// Offline output throughput of the pair's setup with the cap over without it, under `catalog`'s curve.
    public static func ratio(_ pair: PowerCapCurve.Pair, catalog: ProfileCatalog, efficiencies: KernelEfficiencies,
                             requests: Int) throws(PerformanceError) -> Double {
        func throughput(_ cap: Watts?) throws(PerformanceError) -> Double {
            let spec = try DeploymentSpec.resolve(model: pair.model, hardware: pair.hardware, engine: pair.engine, catalog: catalog,
                                                  efficiencies: efficiencies, weights: pair.precision, activations: pair.precision,
                                                  kvCache: pair.precision, tensorParallel: pair.tensor, powerCap: cap)
            let memory = try MemoryPlan(spec: spec)
            let engine = catalog.engine(pair.engine)?.scheduling
            let limits = SchedulerLimits(maxSequences: engine?.maxSequences ?? Int.max, maxBatchedTokens: spec.maxBatchedTokens,
                                         chunkedPrefill: engine?.chunkedPrefill ?? false, kvBlockSize: engine?.kvBlockSize ?? 16,
                                         kvCapacityTokens: memory.kvCapacityTokens,
                                         reserveWholeSequence: engine?.capacityPolicy == .guaranteedNoEvict)
            let workload = WorkloadGenerator.requests(count: requests, arrivals: .offline, input: .fixed(pair.inputTokens),
                                                      output: .fixed(pair.outputTokens), seed: 1)
            return ServingSimulation(model: try StepModel(spec: spec), limits: limits, replicas: 1)
                .run(workload, arrivals: .offline).outputThroughput
        }
        return try throughput(pair.cap) / throughput(nil)
    }
}
