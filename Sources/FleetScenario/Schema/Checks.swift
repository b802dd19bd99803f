import FleetUnits

/// Thresholds a comparison must meet (`checks:` in a scenario, or `--max-…`/`--min-…` on the command line):
/// `fleetsim compare --check` exits 1 when any of them is breached. Each applies to every option named in
/// ``options`` (all options when empty); latency and throughput limits apply only to options that run a
/// deployment (an API's latency is not modelled).
public struct Checks: Codable, Sendable, Equatable {
    /// Options the checks apply to; empty means all.
    public var options: [String]
    /// Highest economic cost per million tokens (deterministic value), in the scenario currency.
    public var maxCostPerMillionTokens: Price<PerMillionTokens>?
    /// Highest total cash over the horizon (deterministic value).
    public var maxTotalCost: Money?
    /// Highest 99th-percentile time to first token of the month-1 fleet at the scenario's load.
    public var maxTimeToFirstTokenP99: Seconds?
    /// Highest 99th-percentile time per output token of the month-1 fleet at the scenario's load.
    public var maxTimePerOutputTokenP99: Seconds?
    /// Highest 99th-percentile end-to-end latency of the month-1 fleet at the scenario's load.
    public var maxEndToEndP99: Seconds?
    /// Lowest output tokens/s per device at the capacity within the latency objective.
    public var minThroughputPerDevice: TokensPerSecond?

    public static let none = Checks()

    enum CodingKeys: String, CodingKey {
        case options, maxCostPerMillionTokens = "max_cost_per_mtok", maxTotalCost = "max_total_cost"
        case maxTimeToFirstTokenP99 = "max_ttft_p99", maxTimePerOutputTokenP99 = "max_tpot_p99", maxEndToEndP99 = "max_e2e_p99"
        case minThroughputPerDevice = "min_throughput_per_device"
    }

    public init(options: [String] = [], maxCostPerMillionTokens: Price<PerMillionTokens>? = nil, maxTotalCost: Money? = nil,
                maxTimeToFirstTokenP99: Seconds? = nil, maxTimePerOutputTokenP99: Seconds? = nil, maxEndToEndP99: Seconds? = nil,
                minThroughputPerDevice: TokensPerSecond? = nil) {
        self.options = options
        self.maxCostPerMillionTokens = maxCostPerMillionTokens
        self.maxTotalCost = maxTotalCost
        self.maxTimeToFirstTokenP99 = maxTimeToFirstTokenP99
        self.maxTimePerOutputTokenP99 = maxTimePerOutputTokenP99
        self.maxEndToEndP99 = maxEndToEndP99
        self.minThroughputPerDevice = minThroughputPerDevice
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let problems = decoder.problems
        options = try container.decode([String].self, forKey: .options, orRecord: problems) ?? []
        maxCostPerMillionTokens = try container.decode(Price<PerMillionTokens>.self, forKey: .maxCostPerMillionTokens, orRecord: problems)
        maxTotalCost = try container.decode(Money.self, forKey: .maxTotalCost, orRecord: problems)
        maxTimeToFirstTokenP99 = try container.decode(Seconds.self, forKey: .maxTimeToFirstTokenP99, orRecord: problems)
        maxTimePerOutputTokenP99 = try container.decode(Seconds.self, forKey: .maxTimePerOutputTokenP99, orRecord: problems)
        maxEndToEndP99 = try container.decode(Seconds.self, forKey: .maxEndToEndP99, orRecord: problems)
        minThroughputPerDevice = try container.decode(TokensPerSecond.self, forKey: .minThroughputPerDevice, orRecord: problems)
    }

    /// Whether any threshold is set.
    public var isEmpty: Bool {
        maxCostPerMillionTokens == nil && maxTotalCost == nil && maxTimeToFirstTokenP99 == nil && maxTimePerOutputTokenP99 == nil
            && maxEndToEndP99 == nil && minThroughputPerDevice == nil
    }

    /// These checks with every threshold that `other` sets taken from `other` (command line over file).
    public func overridden(by other: Checks) -> Checks {
        Checks(options: other.options.isEmpty ? options : other.options,
               maxCostPerMillionTokens: other.maxCostPerMillionTokens ?? maxCostPerMillionTokens,
               maxTotalCost: other.maxTotalCost ?? maxTotalCost,
               maxTimeToFirstTokenP99: other.maxTimeToFirstTokenP99 ?? maxTimeToFirstTokenP99,
               maxTimePerOutputTokenP99: other.maxTimePerOutputTokenP99 ?? maxTimePerOutputTokenP99,
               maxEndToEndP99: other.maxEndToEndP99 ?? maxEndToEndP99,
               minThroughputPerDevice: other.minThroughputPerDevice ?? minThroughputPerDevice)
    }
}
