import FleetServing

/// A trace file the workload replays (`workload.trace`): arrivals with `arrivals: {pattern: trace}`, lengths
/// with `input_tokens: trace` and `output_tokens: trace`.
public struct TraceReference: Codable, Sendable, Equatable {
    /// Path of the trace, relative to the scenario file.
    public var file: String
    /// The file's format; recognized from the file when not given.
    public var format: RequestTrace.Format?
    /// Which benchmark of a GuideLLM report to read (index into its `benchmarks`).
    public var benchmark: Int?
    /// The requests read from ``file``; filled by the scenario loader, never written to or read from a
    /// scenario file.
    public var contents: RequestTrace?

    enum CodingKeys: String, CodingKey { case file, format, benchmark }

    public init(file: String, format: RequestTrace.Format? = nil, benchmark: Int? = nil, contents: RequestTrace? = nil) {
        self.file = file
        self.format = format
        self.benchmark = benchmark
        self.contents = contents
    }
}
