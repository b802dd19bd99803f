import FleetPerformance
import FleetProfiles

/// Fits an engine's front-end latency (`overheads.front_end`: HTTP, tokenization, detokenization outside the
/// engine's steps) to the mean and median TTFT of online benchmark rows (request rate or concurrency). The
/// latency adds to every request's first token, so each row's residual `TTFT_measured − TTFT_simulated` (with
/// no front end) estimates it; the fit is the median residual per engine, at least 0, which rows dominated by
/// queueing (whose residual is the model's error at load, not the front end) do not move.
public enum FrontEndLatencyFit {
    /// One engine's fit with its rows' |error| before, after and leaving each source out.
    public struct Result: Sendable {
        public let engine: String
        /// Seconds.
        public let latency: Double
        public let rows: [String]
        public let sources: Int
        public let before: ErrorSummary
        public let after: ErrorSummary
        public let leaveOneSourceOut: ErrorSummary
    }

    struct Observation {
        let rawID: String
        let engine: String
        let source: String
        /// Simulated TTFT without a front end, seconds.
        let simulated: Double
        let measured: Double
    }

    /// Engines with at least `minimumRows` online TTFT rows, sorted by engine id.
    public static func fit(_ measurements: [PublishedMeasurement], catalog: ProfileCatalog, efficiencies: KernelEfficiencies,
                           minimumRows: Int = 3) -> [Result] {
        let observations = measurements.compactMap { observation($0, catalog: catalog, efficiencies: efficiencies) }
        return Dictionary(grouping: observations, by: \.engine).sorted { $0.key < $1.key }.compactMap { engine, group in
            guard group.count >= minimumRows else { return nil }
            let latency = fit(group)
            let sources = Set(group.map(\.source)).sorted()
            var held: [Double] = []
            for source in sources {
                let others = group.filter { $0.source != source }
                let heldLatency = others.isEmpty ? 0 : fit(others)
                held += group.filter { $0.source == source }.map { error($0, heldLatency) }
            }
            return Result(engine: engine, latency: latency, rows: group.map(\.rawID).sorted(), sources: sources.count,
                          before: ErrorSummary(errors: group.map { error($0, 0) }),
                          after: ErrorSummary(errors: group.map { error($0, latency) }),
                          leaveOneSourceOut: ErrorSummary(errors: held))
        }
    }

    static func fit(_ group: [Observation]) -> Double {
        let residuals = group.map { $0.measured - $0.simulated }.sorted()
        guard !residuals.isEmpty else { return 0 }
        let middle = residuals.count / 2
        let median = residuals.count % 2 == 1 ? residuals[middle] : (residuals[middle - 1] + residuals[middle]) / 2
        return max(0, median)
    }

    static func error(_ observation: Observation, _ latency: Double) -> Double {
        ((observation.simulated + latency) / observation.measured - 1) * 100
    }

    static func observation(_ row: PublishedMeasurement, catalog: ProfileCatalog, efficiencies: KernelEfficiencies) -> Observation? {
        guard [.ttftMean, .ttftP50].contains(row.metric), [.rate, .concurrency].contains(row.mode), row.value > 0,
              let setup = try? MeasurementSetup.make(row, catalog: catalog, efficiencies: efficiencies, seed: 1),
              let model = try? StepModel(spec: setup.spec) else { return nil }
        var limits = setup.limits
        limits.frontEndLatency = 0
        let metrics = ServingSimulation(model: model, limits: limits, replicas: setup.replicas).run(setup.requests, arrivals: setup.arrivals)
        let simulated = row.metric == .ttftMean ? metrics.timeToFirstToken.mean : metrics.timeToFirstToken.median
        return Observation(rawID: row.rawID, engine: setup.spec.engineID, source: "\(row.engine) \(row.engineVersion ?? "") \(row.sourceDate)",
                           simulated: simulated, measured: row.value / 1000)
    }
}
