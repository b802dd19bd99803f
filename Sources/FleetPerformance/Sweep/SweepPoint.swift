import FleetProfiles
import FleetUnits

/// One configuration of a sweep: a deployment and a static batch shape.
public struct SweepPoint: Sendable, Equatable {
    public var hardware: String
    public var model: String
    /// The name of the precision scheme (`fp8`, `w4a16`, …).
    public var scheme: String
    public var weights: Precision
    public var activations: Precision
    public var kvCache: Precision
    public var tensorParallel: Int
    public var batch: Int
    public var inputTokens: Int
    public var outputTokens: Int

    public init(hardware: String, model: String, scheme: String, weights: Precision, activations: Precision,
                kvCache: Precision, tensorParallel: Int, batch: Int, inputTokens: Int, outputTokens: Int) {
        self.hardware = hardware
        self.model = model
        self.scheme = scheme
        self.weights = weights
        self.activations = activations
        self.kvCache = kvCache
        self.tensorParallel = tensorParallel
        self.batch = batch
        self.inputTokens = inputTokens
        self.outputTokens = outputTokens
    }
}

/// What a sweep point yields, or why it cannot run.
public enum SweepOutcome: Sendable, Equatable {
    case feasible(SweepMetrics)
    case infeasible(reason: String)
}

/// Latency, throughput and memory of a feasible sweep point.
public struct SweepMetrics: Sendable, Equatable {
    /// Prefill of the whole batch (TTFT of the last request).
    public let timeToFirstToken: Seconds
    /// Decode step at the mean context.
    public let timePerOutputToken: Seconds
    public let endToEnd: Seconds
    public let outputThroughput: TokensPerSecond
    public let outputThroughputPerDevice: TokensPerSecond
    /// Tokens per second one user sees while decoding: 1 / TPOT.
    public let tokensPerSecondPerUser: TokensPerSecond
    public let weightsPerDevice: Bytes
    public let kvCapacityTokens: Int
}
