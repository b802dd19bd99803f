import FleetUnits

/// One threshold of ``Checks`` evaluated on one option.
public struct CheckOutcome: Sendable, Equatable {
    public let option: String
    /// The metric's name as written in `checks:` (`max_cost_per_mtok` …).
    public let check: String
    /// The option's value, in ``unit``.
    public let value: Double
    public let limit: Double
    public let unit: String
    public let passed: Bool

    /// Every threshold of `checks` on every option it applies to. Latency and throughput thresholds skip
    /// options without a deployment.
    public static func evaluate(_ checks: Checks, on comparison: ScenarioComparison) -> [CheckOutcome] {
        let currency = comparison.scenario.currency.code
        var outcomes: [CheckOutcome] = []
        for option in comparison.options where checks.options.isEmpty || checks.options.contains(option.name) {
            func atMost(_ check: String, _ value: Double?, _ limit: Double?, _ unit: String) {
                guard let value, let limit else { return }
                outcomes.append(CheckOutcome(option: option.name, check: check, value: value, limit: limit, unit: unit, passed: value <= limit))
            }
            atMost("max_cost_per_mtok", option.cost.costPerMillionTokens, checks.maxCostPerMillionTokens?.amount, "\(currency)/Mtok")
            atMost("max_total_cost", option.cost.totalCash, checks.maxTotalCost?.amount, currency)
            let metrics = option.serving?.metrics
            atMost("max_ttft_p99", metrics?.timeToFirstToken.p99, checks.maxTimeToFirstTokenP99?.value, "s")
            atMost("max_tpot_p99", metrics?.timePerOutputToken.p99, checks.maxTimePerOutputTokenP99?.value, "s")
            atMost("max_e2e_p99", metrics?.endToEnd.p99, checks.maxEndToEndP99?.value, "s")
            if let value = option.outputThroughputPerDevice, let limit = checks.minThroughputPerDevice?.value {
                outcomes.append(CheckOutcome(option: option.name, check: "min_throughput_per_device", value: value, limit: limit,
                                             unit: "tokens/s", passed: value >= limit))
            }
        }
        return outcomes
    }

    /// One line naming the option, metric, value and limit.
    public var description: String {
        let comparison = check.hasPrefix("min_") ? "≥" : "≤"
        return "\(passed ? "pass" : "FAIL"): \(option) \(check) = \(UnitFormatter.number(value)) \(unit) (limit \(comparison) \(UnitFormatter.number(limit)) \(unit))"
    }
}
