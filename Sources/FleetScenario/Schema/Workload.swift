import FleetUnits

/// The requests a deployment serves and the latency they must meet.
public struct Workload: Codable, Sendable, Equatable {
    public var arrivals: Arrivals
    /// Prompt length of each request.
    public var inputTokens: LengthDistribution
    /// Generated length of each request.
    public var outputTokens: LengthDistribution
    /// Requests to simulate.
    public var requests: Int
    public var slo: ServiceLevelObjective
    /// A recorded trace that arrivals or lengths may replay.
    public var trace: TraceReference?
    /// Prefix-cache hits on deployments whose engine caches prefixes; none when absent.
    public var prefixCache: PrefixCache?

    enum CodingKeys: String, CodingKey {
        case arrivals, inputTokens = "input_tokens", outputTokens = "output_tokens", requests, slo, trace, prefixCache = "prefix_cache"
    }

    public init(arrivals: Arrivals, inputTokens: LengthDistribution, outputTokens: LengthDistribution, requests: Int,
                slo: ServiceLevelObjective, trace: TraceReference? = nil, prefixCache: PrefixCache? = nil) {
        self.trace = trace
        self.prefixCache = prefixCache
        self.arrivals = arrivals
        self.inputTokens = inputTokens
        self.outputTokens = outputTokens
        self.requests = requests
        self.slo = slo
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let problems = decoder.problems
        let defaults = Workload.default
        arrivals = try container.decode(Arrivals.self, forKey: .arrivals, orRecord: problems) ?? defaults.arrivals
        inputTokens = try container.decode(LengthDistribution.self, forKey: .inputTokens, orRecord: problems)
            ?? defaults.inputTokens
        outputTokens = try container.decode(LengthDistribution.self, forKey: .outputTokens, orRecord: problems)
            ?? defaults.outputTokens
        requests = try container.decode(Int.self, forKey: .requests, orRecord: problems) ?? defaults.requests
        slo = try container.decode(ServiceLevelObjective.self, forKey: .slo, orRecord: problems) ?? defaults.slo
        trace = try container.decode(TraceReference.self, forKey: .trace, orRecord: problems)
        prefixCache = try container.decode(PrefixCache.self, forKey: .prefixCache, orRecord: problems)
    }

    /// Whether arrivals or lengths come from ``trace``.
    public var readsTrace: Bool {
        arrivals.pattern == .trace || inputTokens.shape == .trace || outputTokens.shape == .trace
    }
}

/// How requests arrive.
public struct Arrivals: Codable, Sendable, Equatable {
    public enum Pattern: String, Codable, Sendable, CaseIterable {
        /// All requests queued at time zero.
        case offline
        /// Closed loop: `concurrency` requests in flight.
        case concurrency
        /// Open loop, exponential gaps at `rate`.
        case poisson
        /// Open loop, gamma gaps at `rate` with coefficient of variation `burstiness`.
        case gamma
        /// Open loop, equal gaps at `rate`.
        case constant
        /// Open loop at the arrival times recorded in `workload.trace`.
        case trace
        /// Open loop, Poisson with a rate that follows the hour of the day: `rate × hourly_profile[hour]`.
        case diurnal
    }

    public var pattern: Pattern
    /// Requests per second (open-loop patterns).
    public var rate: Double?
    /// Requests in flight (closed loop).
    public var concurrency: Int?
    /// Coefficient of variation of the gaps (gamma); 1 is Poisson.
    public var burstiness: Double?
    /// Diurnal: 24 relative multipliers of `rate`, hour 0 (midnight) first; the day's mean rate is
    /// `rate × mean(hourly_profile)`.
    public var hourlyProfile: [Double]?
    /// Open-loop patterns: the most requests the client keeps in flight (`--max-concurrency` of `vllm bench
    /// serve` and `sglang.bench_serving`). A request whose time comes while that many are outstanding is sent
    /// when one finishes; its latencies count from the send, as those clients count them.
    public var maxConcurrency: Int?

    enum CodingKeys: String, CodingKey {
        case pattern, rate, concurrency, burstiness, hourlyProfile = "hourly_profile", maxConcurrency = "max_concurrency"
    }

    public init(pattern: Pattern, rate: Double? = nil, concurrency: Int? = nil, burstiness: Double? = nil, hourlyProfile: [Double]? = nil,
                maxConcurrency: Int? = nil) {
        self.maxConcurrency = maxConcurrency
        self.hourlyProfile = hourlyProfile
        self.pattern = pattern
        self.rate = rate
        self.concurrency = concurrency
        self.burstiness = burstiness
    }
}

/// A distribution of token counts.
public struct LengthDistribution: Codable, Sendable, Equatable {
    public enum Shape: String, Codable, Sendable, CaseIterable {
        case fixed, uniform, lognormal
        /// Request by request from `workload.trace` (written as the plain value `trace`).
        case trace
    }

    public var shape: Shape
    /// `fixed`: the length; `lognormal`: the mean.
    public var mean: Int?
    /// `uniform` bounds.
    public var minimum: Int?
    public var maximum: Int?
    /// `lognormal`: standard deviation of the length.
    public var standardDeviation: Double?

    enum CodingKeys: String, CodingKey {
        case shape, mean, minimum = "min", maximum = "max", standardDeviation = "stddev"
    }

    public init(shape: Shape, mean: Int? = nil, minimum: Int? = nil, maximum: Int? = nil, standardDeviation: Double? = nil) {
        self.shape = shape
        self.mean = mean
        self.minimum = minimum
        self.maximum = maximum
        self.standardDeviation = standardDeviation
    }

    /// Every request of length `tokens`.
    public static func fixed(_ tokens: Int) -> LengthDistribution { LengthDistribution(shape: .fixed, mean: tokens) }

    /// Lengths recorded in the workload's trace.
    public static let trace = LengthDistribution(shape: .trace)

    /// A plain integer (`input_tokens: 1024`) means a fixed length, the plain value `trace` the trace's
    /// lengths; a mapping gives a distribution.
    public init(from decoder: any Decoder) throws {
        if let single = try? decoder.singleValueContainer() {
            if let tokens = try? single.decode(Int.self) {
                self = .fixed(tokens)
                return
            }
            if let word = try? single.decode(String.self) {
                guard word == Shape.trace.rawValue else {
                    throw DecodingError.dataCorruptedError(in: single, debugDescription:
                        "expected a number of tokens, 'trace' or a mapping with 'shape', got '\(word)'")
                }
                self = .trace
                return
            }
        }
        let container = try decoder.container(keyedBy: CodingKeys.self)
        shape = try container.decode(Shape.self, forKey: .shape)
        mean = try container.decodeIfPresent(Int.self, forKey: .mean)
        minimum = try container.decodeIfPresent(Int.self, forKey: .minimum)
        maximum = try container.decodeIfPresent(Int.self, forKey: .maximum)
        standardDeviation = try container.decodeIfPresent(Double.self, forKey: .standardDeviation)
    }

    public func encode(to encoder: any Encoder) throws {
        if shape == .trace {
            var single = encoder.singleValueContainer()
            try single.encode(Shape.trace.rawValue)
            return
        }
        if shape == .fixed, let mean, minimum == nil, maximum == nil, standardDeviation == nil {
            var single = encoder.singleValueContainer()
            try single.encode(mean)
            return
        }
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(shape, forKey: .shape)
        try container.encodeIfPresent(mean, forKey: .mean)
        try container.encodeIfPresent(minimum, forKey: .minimum)
        try container.encodeIfPresent(maximum, forKey: .maximum)
        try container.encodeIfPresent(standardDeviation, forKey: .standardDeviation)
    }
}

/// Latency limits a deployment must meet; unset limits do not constrain.
public struct ServiceLevelObjective: Codable, Sendable, Equatable {
    /// Percentile the limits apply to (99 = p99).
    public var percentile: Double
    public var timeToFirstToken: Seconds?
    public var timePerOutputToken: Seconds?
    public var endToEnd: Seconds?

    enum CodingKeys: String, CodingKey {
        case percentile, timeToFirstToken = "ttft", timePerOutputToken = "tpot", endToEnd = "e2e"
    }

    public init(percentile: Double, timeToFirstToken: Seconds? = nil, timePerOutputToken: Seconds? = nil, endToEnd: Seconds? = nil) {
        self.percentile = percentile
        self.timeToFirstToken = timeToFirstToken
        self.timePerOutputToken = timePerOutputToken
        self.endToEnd = endToEnd
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let problems = decoder.problems
        percentile = try container.decode(Double.self, forKey: .percentile, orRecord: problems)
            ?? ServiceLevelObjective.default.percentile
        timeToFirstToken = try container.decode(Seconds.self, forKey: .timeToFirstToken, orRecord: problems)
        timePerOutputToken = try container.decode(Seconds.self, forKey: .timePerOutputToken, orRecord: problems)
        endToEnd = try container.decode(Seconds.self, forKey: .endToEnd, orRecord: problems)
    }
}
