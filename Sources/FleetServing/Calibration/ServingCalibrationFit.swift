import FleetLinearAlgebra
import FleetPerformance
import FleetProfiles
import FleetUnits

/// Fits ``ServingCalibration`` to offline and static-batch throughput rows. In those runs the sequence of
/// steps does not depend on how long a step takes, so a run's duration is exactly linear in the two
/// parameters: `T = s · T₀ + n · o`, with `T₀` the modelled busy time and `n` the engine-loop iterations of the
/// uncalibrated simulation (its steps times the pipeline stages: every rank runs the loop for every micro-batch,
/// as ``StepModel`` charges the step overhead). Each row gives `s · T₀/T + o · n/T = 1` (weighted by relative error); a ridge row `λ·s = λ`
/// keeps `s` near 1 where rows are few. Solved by least squares per engine and hardware family.
public enum ServingCalibrationFit {
    /// The data of one row: modelled busy time, steps and the measured duration.
    struct Observation {
        let rawID: String
        let source: String
        let engine: String
        let family: String
        let modelledTime: Double
        /// The part of `modelledTime` that is fixed per-step latency.
        let fixedTime: Double
        /// Engine-loop iterations that each pay the step overhead: steps × pipeline stages.
        let steps: Double
        let measuredTime: Double
    }

    public static let regularization = 1.0

    public static func fit(_ measurements: [PublishedMeasurement], catalog: ProfileCatalog, efficiencies: KernelEfficiencies,
                           fittedFrom: String, excludingSource: String? = nil) -> ServingCalibration {
        let observations = Self.observations(measurements, catalog: catalog, efficiencies: efficiencies)
            .filter { $0.source != excludingSource }
        return fit(observations, fittedFrom: fittedFrom)
    }

    static func fit(_ observations: [Observation], fittedFrom: String) -> ServingCalibration {
        var entries: [ServingCalibration.Entry] = []
        let groups = Dictionary(grouping: observations) { "\($0.engine)|\($0.family)" }
        for key in groups.keys.sorted() {
            let group = groups[key]!
            guard let x = robustFit(group) else { continue }
            entries.append(.init(engine: group[0].engine, family: group[0].family, timeScale: x[0], fixedLatencyScale: x[1],
                                 stepOverhead: Seconds(x[2]),
                                 rows: group.map(\.rawID).sorted()))
        }
        return ServingCalibration(fittedFrom: fittedFrom, regularization: regularization, entries: entries)
    }

    /// Huber-weighted least squares by iteratively reweighting (δ = ``huberThreshold`` relative error): rows the
    /// model gets structurally wrong (a setup it cannot represent) count linearly, not quadratically, so they
    /// do not drag the fit for the rows it can represent.
    static func robustFit(_ group: [Observation]) -> [Double]? {
        // Unknowns x = [s, f, o]: T = s·(T₀ − T_fixed) + f·T_fixed + o·n.
        let base = group.map { [($0.modelledTime - $0.fixedTime) / $0.measuredTime, $0.fixedTime / $0.measuredTime, $0.steps / $0.measuredTime] }
        var weights = [Double](repeating: 1, count: base.count)
        var x: [Double] = [1, 1, 0]
        for _ in 0..<20 {
            x = constrainedSolve(base, weights: weights)
            weights = base.map { row in
                let residual = abs(zip(row, x).reduce(0) { $0 + $1.0 * $1.1 } - 1)
                return residual <= huberThreshold ? 1 : huberThreshold / residual
            }
        }
        return x[0] > 0 ? x : nil
    }

    /// Weighted least squares with ridge rows pulling `s` and `f` to 1; a negative `f` or `o` is fixed at 0
    /// and the rest refitted.
    static func constrainedSolve(_ base: [[Double]], weights: [Double]) -> [Double] {
        var free = [true, true, true]
        while true {
            let columns = free.indices.filter { free[$0] }
            var equations = zip(base, weights).map { row, weight in columns.map { row[$0] * weight.squareRoot() } }
            var rightHandSide = weights.map { $0.squareRoot() }
            for (index, column) in columns.enumerated() where column < 2 {
                var ridge = [Double](repeating: 0, count: columns.count)
                ridge[index] = regularization
                equations.append(ridge)
                rightHandSide.append(regularization)
            }
            guard let solution = try? LeastSquares.solveMinimumNorm(Matrix(equations), rightHandSide).coefficients else { return [1, 1, 0] }
            var x = [0.0, 0.0, 0.0]
            for (index, column) in columns.enumerated() { x[column] = solution[index] }
            if let negative = [1, 2].first(where: { free[$0] && x[$0] < 0 }) { free[negative] = false; continue }
            return x
        }
    }

    /// Relative error beyond which a row's weight falls (Huber's δ).
    public static let huberThreshold = 0.15

    /// Offline and batch throughput rows simulated uncalibrated.
    static func observations(_ measurements: [PublishedMeasurement], catalog: ProfileCatalog,
                             efficiencies: KernelEfficiencies) -> [Observation] {
        measurements.compactMap { row -> Observation? in
            guard row.mode == .offline || row.mode == .batch,
                  [.outputThroughput, .totalThroughput, .inputThroughput].contains(row.metric),
                  let setup = try? MeasurementSetup.make(row, catalog: catalog, efficiencies: efficiencies, seed: 1),
                  let model = try? StepModel(spec: setup.spec) else { return nil }
            // Lanes split offline work evenly: one lane's run is the system's.
            let simulation = ServingSimulation(model: model, limits: setup.limits, replicas: setup.replicas)
            let run = ReplicaSimulator(model: model, limits: simulation.laneLimits).run(simulation.share(of: setup.requests, lane: 0))
            let output = Double(setup.requests.reduce(0) { $0 + $1.outputTokens })
            let input = Double(setup.requests.reduce(0) { $0 + $1.inputTokens })
            let tokens = switch row.metric {
            case .outputThroughput: output
            case .inputThroughput: input
            default: input + output
            }
            let source = "\(row.engine) \(row.engineVersion ?? "") \(row.sourceDate)"
            return Observation(rawID: row.rawID, source: source, engine: setup.spec.engineID, family: setup.spec.hardware.family,
                               modelledTime: run.busyTime, fixedTime: Double(run.steps) * model.fixedTimePerStep,
                               steps: Double(run.steps * setup.spec.engineLoopsPerStep), measuredTime: tokens / row.value)
        }
    }

}

extension ServingCalibrationFit {
    /// |error| of the fitted rows before calibration, after it, and leaving each source out of the fit.
    public struct Report: Sendable {
        public let rows: Int
        public let sources: Int
        public let before: ErrorSummary
        public let after: ErrorSummary
        public let leaveOneSourceOut: ErrorSummary
    }

    /// Fits on all rows and on all rows but each source in turn; errors from the linear duration model.
    public static func fitWithReport(_ measurements: [PublishedMeasurement], catalog: ProfileCatalog,
                                     efficiencies: KernelEfficiencies, fittedFrom: String) -> (ServingCalibration, Report) {
        let observations = Self.observations(measurements, catalog: catalog, efficiencies: efficiencies)
        let calibration = fit(observations, fittedFrom: fittedFrom)
        func error(_ observation: Observation, _ calibration: ServingCalibration) -> Double {
            let entry = calibration.entries.first { $0.engine == observation.engine && $0.family == observation.family }
            let predicted = (entry?.timeScale ?? 1) * (observation.modelledTime - observation.fixedTime)
                + (entry?.fixedLatencyScale ?? 1) * observation.fixedTime + observation.steps * (entry?.stepOverhead.value ?? 0)
            return (observation.measuredTime / predicted - 1) * 100
        }
        let sources = Set(observations.map(\.source)).sorted()
        var held: [Double] = []
        for source in sources {
            let without = fit(observations.filter { $0.source != source }, fittedFrom: fittedFrom)
            held += observations.filter { $0.source == source }.map { error($0, without) }
        }
        let report = Report(
            rows: observations.count, sources: sources.count,
            before: ErrorSummary(errors: observations.map { ($0.measuredTime / $0.modelledTime - 1) * 100 }),
            after: ErrorSummary(errors: observations.map { error($0, calibration) }),
            leaveOneSourceOut: ErrorSummary(errors: held))
        return (calibration, report)
    }
}
