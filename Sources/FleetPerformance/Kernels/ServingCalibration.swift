import FleetUnits

/// Engine behaviour fitted to published end-to-end throughput (`Profiles/calibration/serving.yaml`, written
/// by `fleetsim calibrate`): per engine and hardware family, a scale on the modelled variable step time and
/// one on its fixed latencies, the engine's step overhead, and the rows each came from.
public struct ServingCalibration: Codable, Sendable, Equatable {
    public struct Entry: Codable, Sendable, Equatable {
        public var engine: String
        public var family: String
        /// Modelled variable step times are multiplied by this (below 1: the engine beats the kernel roofline).
        public var timeScale: Double
        /// Fixed per-step latencies (GEMM tails, collective α) are multiplied by this.
        public var fixedLatencyScale: Double
        /// Host time per engine-loop iteration: the engine profile's own value, which the fit keeps.
        public var stepOverhead: Seconds
        public var rows: [String]

        enum CodingKeys: String, CodingKey { case engine, family, timeScale = "time_scale", fixedLatencyScale = "fixed_latency_scale"
            case stepOverhead = "step_overhead", rows
        }

        public init(engine: String, family: String, timeScale: Double, fixedLatencyScale: Double, stepOverhead: Seconds, rows: [String]) {
            self.engine = engine
            self.family = family
            self.timeScale = timeScale
            self.fixedLatencyScale = fixedLatencyScale
            self.stepOverhead = stepOverhead
            self.rows = rows
        }
    }

    public var fittedFrom: String
    /// Ridge weight pulling the time scale towards 1 (in units of one measurement row).
    public var regularization: Double
    public var entries: [Entry]

    enum CodingKeys: String, CodingKey { case fittedFrom = "fitted_from", regularization, entries }

    public init(fittedFrom: String, regularization: Double, entries: [Entry]) {
        self.fittedFrom = fittedFrom
        self.regularization = regularization
        self.entries = entries.sorted { ($0.engine, $0.family) < ($1.engine, $1.family) }
    }

    /// The entry for `engine` on `family`. A family without one runs uncalibrated: it does not borrow another
    /// family's entry, because an entry ships only where its own rows validated it out of sample, and families
    /// whose rows rejected a fit (Ada and Blackwell Ultra on the reference data) would otherwise get their
    /// neighbour's.
    public func entry(engine: String, family: String) -> Entry? {
        entries.first { $0.engine == engine && $0.family == family }
    }
}
