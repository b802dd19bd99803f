import FleetPerformance
import FleetProfiles

/// What the per-engine latency fits share (``FrontEndLatencyFit``, ``StepOverheadFit``): a latency that adds
/// once to each observed figure is estimated, per engine, as the median of the rows' residuals
/// `measured − simulated` (simulated without it), at least 0. Rows whose residual is the model's error at load
/// rather than the latency (queueing, a wrong per-token cost) sit in the tails and do not move the median.
public enum MedianResidualFit {
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

    /// One row: the figure measured and simulated without the latency, seconds.
    struct Observation {
        let rawID: String
        let engine: String
        /// The publication the row comes from (engine, version and date), the unit left out by the
        /// leave-one-source-out check.
        let source: String
        let simulated: Double
        let measured: Double
    }

    /// The fit of every engine with at least `minimumRows` observations, sorted by engine id.
    static func results(_ observations: [Observation], minimumRows: Int) -> [Result] {
        Dictionary(grouping: observations, by: \.engine).sorted { $0.key < $1.key }.compactMap { engine, group in
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

    /// The median residual of `group`, at least 0 (seconds).
    static func fit(_ group: [Observation]) -> Double {
        max(0, ServingMetrics.Distribution.percentile(group.map { $0.measured - $0.simulated }.sorted(), 50))
    }

    /// The publication `row` comes from, for the leave-one-source-out check.
    static func source(of row: PublishedMeasurement) -> String {
        "\(row.engine) \(row.engineVersion ?? "") \(row.sourceDate)"
    }

    /// The row's error in percent with `latency` added to its simulated figure.
    static func error(_ observation: Observation, _ latency: Double) -> Double {
        ((observation.simulated + latency) / observation.measured - 1) * 100
    }
}
