import FleetLinearAlgebra
import FleetPerformance
import FleetProfiles
import FleetUnits

/// Fits ``ServingCalibration`` to offline and static-batch throughput rows. In those runs the sequence of
/// steps does not depend on how long a step takes, so a run's duration is exactly linear in the two
/// parameters: `T = s · (T₀ − T_fixed) + f · T_fixed + n · o`, with `T₀` the modelled busy time without engine
/// overhead, `T_fixed` its fixed per-step latencies, `n` the engine-loop iterations of the uncalibrated simulation
/// (its steps times the pipeline stages: every rank runs the loop for every micro-batch, as ``StepModel`` charges
/// the step overhead) and `o` the engine profile's step overhead. Each row gives one equation divided by `T`
/// (weighted by relative error); ridge rows `λ·s = λ`, `λ·f = λ` keep the scales near 1 where rows are few. Solved
/// by least squares per engine and hardware family.
///
/// The step overhead is not fitted here: saturated throughput rows cannot tell a cost per step from a cost per
/// token (on the reference data a free `o` absorbed MI300X's MLPerf deficit as 86 ms per step, which would make
/// a single request's TPOT several times too long). It is fitted to rows that time one step
/// (``StepOverheadFit``) and written unchanged.
///
/// An entry is kept only when it is tested out of sample (``isValidatedOutOfSample(before:leavingSourceOut:sources:)``):
/// its rows come from at least two sources, and fitting without each source lowers both the median and the
/// p90 |error| of that source's rows against the uncalibrated model.
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
        /// The engine profile's own step overhead (seconds per engine-loop iteration), which the run paid on
        /// top of `modelledTime`: a known term of the fit.
        let engineStep: Double
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
                                 stepOverhead: Seconds(group[0].engineStep),
                                 rows: group.map(\.rawID).sorted()))
        }
        return ServingCalibration(fittedFrom: fittedFrom, regularization: regularization, entries: entries)
    }

    /// Huber-weighted least squares by iteratively reweighting (δ = ``huberThreshold`` relative error): rows the
    /// model gets structurally wrong (a setup it cannot represent) count linearly, not quadratically, so they
    /// do not drag the fit for the rows it can represent.
    static func robustFit(_ group: [Observation]) -> [Double]? {
        // Unknowns x = [s, f]: T = s·(T₀ − T_fixed) + f·T_fixed + o·n.
        let base = group.map { [($0.modelledTime - $0.fixedTime) / $0.measuredTime, $0.fixedTime / $0.measuredTime] }
        // The engine's own overhead is known: it moves to the right-hand side.
        let targets = group.map { 1 - $0.steps * $0.engineStep / $0.measuredTime }
        var weights = [Double](repeating: 1, count: base.count)
        var x: [Double] = [1, 1]
        for _ in 0..<20 {
            x = constrainedSolve(base, targets: targets, weights: weights)
            weights = zip(base, targets).map { row, target in
                let residual = abs(zip(row, x).reduce(0) { $0 + $1.0 * $1.1 } - target)
                return residual <= huberThreshold ? 1 : huberThreshold / residual
            }
        }
        return x[0] > 0 ? x : nil
    }

    /// Weighted least squares with ridge rows pulling `s` and `f` to 1; a negative `f` is fixed at 0 and `s`
    /// refitted.
    static func constrainedSolve(_ base: [[Double]], targets: [Double], weights: [Double]) -> [Double] {
        var free = [true, true]
        while true {
            let columns = free.indices.filter { free[$0] }
            var equations = zip(base, weights).map { row, weight in columns.map { row[$0] * weight.squareRoot() } }
            var rightHandSide = zip(weights, targets).map { $0.squareRoot() * $1 }
            for index in columns.indices {
                var ridge = [Double](repeating: 0, count: columns.count)
                ridge[index] = regularization
                equations.append(ridge)
                rightHandSide.append(regularization)
            }
            guard let solution = try? LeastSquares.solveMinimumNorm(Matrix(equations), rightHandSide).coefficients else { return [1, 1] }
            var x = [0.0, 0.0]
            for (index, column) in columns.enumerated() { x[column] = solution[index] }
            if free[1] && x[1] < 0 { free[1] = false; continue }
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
            let loops = Double(run.steps * setup.spec.engineLoopsPerStep)
            let engineStep = setup.spec.stepOverhead.value
            return Observation(rawID: row.rawID, source: source, engine: setup.spec.engineID, family: setup.spec.hardware.family,
                               modelledTime: run.busyTime - loops * engineStep, fixedTime: Double(run.steps) * model.fixedTimePerStep,
                               engineStep: engineStep, steps: loops, measuredTime: tokens / row.value)
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
        /// The same per engine and hardware family, with whether the entry was kept.
        public let entries: [EntryReport]
    }

    /// One engine and hardware family of the fit.
    public struct EntryReport: Sendable {
        public let engine: String
        public let family: String
        public let rows: Int
        public let sources: Int
        public let before: ErrorSummary
        public let leaveOneSourceOut: ErrorSummary
        /// Whether the entry is written (``isValidatedOutOfSample(before:leavingSourceOut:sources:)``).
        public let kept: Bool
    }

    /// The fewest sources an entry's rows must come from before it is kept.
    public static let minimumSources = 2

    /// Whether a fitted entry generalizes: rows from at least ``minimumSources`` sources, and the errors of
    /// each source's rows under the fit without that source lower than uncalibrated in median and p90.
    public static func isValidatedOutOfSample(before: ErrorSummary, leavingSourceOut: ErrorSummary, sources: Int) -> Bool {
        sources >= minimumSources && leavingSourceOut.median < before.median && leavingSourceOut.p90 < before.p90
    }

    /// Fits on all rows and on all rows but each source in turn, and keeps the entries that pass
    /// ``isValidatedOutOfSample(before:leavingSourceOut:sources:)``; errors from the linear duration model, a
    /// dropped entry's rows counting uncalibrated in every summary.
    public static func fitWithReport(_ measurements: [PublishedMeasurement], catalog: ProfileCatalog,
                                     efficiencies: KernelEfficiencies, fittedFrom: String) -> (ServingCalibration, Report) {
        fitWithReport(Self.observations(measurements, catalog: catalog, efficiencies: efficiencies), fittedFrom: fittedFrom)
    }

    static func fitWithReport(_ observations: [Observation], fittedFrom: String) -> (ServingCalibration, Report) {
        let full = fit(observations, fittedFrom: fittedFrom)
        func entry(of observation: Observation, in calibration: ServingCalibration) -> ServingCalibration.Entry? {
            calibration.entry(engine: observation.engine, family: observation.family)
        }
        func error(_ observation: Observation, _ entry: ServingCalibration.Entry?) -> Double {
            let variable = observation.modelledTime - observation.fixedTime
            let predicted = (entry?.timeScale ?? 1) * variable + (entry?.fixedLatencyScale ?? 1) * observation.fixedTime
                + observation.steps * (entry?.stepOverhead.value ?? observation.engineStep)
            return (observation.measuredTime / predicted - 1) * 100
        }
        let sources = Set(observations.map(\.source)).sorted()
        var held: [String: Double] = [:]
        for source in sources {
            let without = fit(observations.filter { $0.source != source }, fittedFrom: fittedFrom)
            for observation in observations where observation.source == source {
                held[observation.rawID] = error(observation, entry(of: observation, in: without))
            }
        }
        var entryReports: [EntryReport] = []
        var kept: [ServingCalibration.Entry] = []
        for fitted in full.entries {
            let group = observations.filter { $0.engine == fitted.engine && $0.family == fitted.family }
            let before = ErrorSummary(errors: group.map { error($0, nil) })
            let outOfSample = ErrorSummary(errors: group.map { held[$0.rawID] ?? error($0, nil) })
            let groupSources = Set(group.map(\.source)).count
            let keep = isValidatedOutOfSample(before: before, leavingSourceOut: outOfSample, sources: groupSources)
            entryReports.append(EntryReport(engine: fitted.engine, family: fitted.family, rows: group.count, sources: groupSources,
                                            before: before, leaveOneSourceOut: outOfSample, kept: keep))
            if keep { kept.append(fitted) }
        }
        let calibration = ServingCalibration(fittedFrom: fittedFrom, regularization: regularization, entries: kept)
        let report = Report(
            rows: observations.count, sources: sources.count,
            before: ErrorSummary(errors: observations.map { error($0, nil) }),
            after: ErrorSummary(errors: observations.map { error($0, entry(of: $0, in: calibration)) }),
            leaveOneSourceOut: ErrorSummary(errors: observations.map {
                entry(of: $0, in: calibration) == nil ? error($0, nil) : held[$0.rawID] ?? error($0, nil)
            }),
            entries: entryReports)
        return (calibration, report)
    }
}
