/// One published measurement in the canonical format of `shared/reference/README.md` (`validation.csv`):
/// the setup it was taken on and the value.
public struct PublishedMeasurement: Sendable, Equatable {
    /// `M0001` …, the raw row in `measurements.csv`.
    public let rawID: String
    /// Line of the row in its file (1 is the header).
    public let line: Int
    public let engine: String
    public let engineVersion: String?
    /// Model id; `nil` for kernel rows.
    public let model: String?
    public let hardware: String
    public let devices: Int?
    public let tensorParallel: Int?
    public let pipelineParallel: Int?
    public let expertParallel: Int?
    public let weightPrecision: Precision?
    public let activationPrecision: Precision?
    public let kvPrecision: Precision?
    public let workload: String?
    public let inputTokens: Int?
    public let outputTokens: Double?
    public let mode: Mode?
    public let load: Double?
    public let metric: Metric
    public let value: Double
    public let detail: String
    public let sourceDate: String

    public init(rawID: String, line: Int, engine: String, engineVersion: String?, model: String?, hardware: String,
                devices: Int?, tensorParallel: Int?, pipelineParallel: Int?, expertParallel: Int?,
                weightPrecision: Precision?, activationPrecision: Precision?, kvPrecision: Precision?, workload: String?,
                inputTokens: Int?, outputTokens: Double?, mode: Mode?, load: Double?, metric: Metric, value: Double,
                detail: String, sourceDate: String) {
        self.rawID = rawID
        self.line = line
        self.engine = engine
        self.engineVersion = engineVersion
        self.model = model
        self.hardware = hardware
        self.devices = devices
        self.tensorParallel = tensorParallel
        self.pipelineParallel = pipelineParallel
        self.expertParallel = expertParallel
        self.weightPrecision = weightPrecision
        self.activationPrecision = activationPrecision
        self.kvPrecision = kvPrecision
        self.workload = workload
        self.inputTokens = inputTokens
        self.outputTokens = outputTokens
        self.mode = mode
        self.load = load
        self.metric = metric
        self.value = value
        self.detail = detail
        self.sourceDate = sourceDate
    }

    /// Load pattern of the measurement.
    public enum Mode: String, Sendable, CaseIterable { case offline, concurrency, rate, batch, server, kernel }

    /// What `value` is; the unit is fixed by the metric.
    public enum Metric: String, Sendable, CaseIterable {
        case outputThroughput = "output_throughput", totalThroughput = "total_throughput"
        case inputThroughput = "input_throughput"
        case ttftMean = "ttft_mean", ttftP50 = "ttft_p50", ttftP99 = "ttft_p99"
        case itlMean = "itl_mean", itlP99 = "itl_p99", tpotMean = "tpot_mean", tpotP99 = "tpot_p99"
        case e2eMean = "e2e_mean"
        case gemmTFLOPS = "gemm_tflops", attentionTFLOPS = "attention_tflops"
        case memoryBandwidth = "memory_bandwidth", allreduceBusBandwidth = "allreduce_busbw"
        case systemPower = "system_power"

        /// The unit the format fixes for this metric.
        public var unit: String {
            switch self {
            case .outputThroughput, .totalThroughput, .inputThroughput: "tokens/s"
            case .ttftMean, .ttftP50, .ttftP99, .itlMean, .itlP99, .tpotMean, .tpotP99, .e2eMean: "ms"
            case .gemmTFLOPS, .attentionTFLOPS: "TFLOPS"
            case .memoryBandwidth: "TB/s"
            case .allreduceBusBandwidth: "GB/s"
            case .systemPower: "W"
            }
        }

        /// Microbenchmark metrics (rows with `mode=kernel`).
        public var isKernel: Bool { [.gemmTFLOPS, .attentionTFLOPS, .memoryBandwidth, .allreduceBusBandwidth].contains(self) }
    }
}
