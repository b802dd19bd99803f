import FleetScenario
import FleetUnits

/// One line of a comparison: a metric with its unit and each option's value. The terminal table, CSV,
/// Markdown, HTML and JSON are all rendered from the same list (``ComparisonMetric/all(_:)``), so they
/// cannot disagree.
public struct ComparisonMetric: Sendable {
    /// A value of one option.
    public enum Value: Sendable, Equatable {
        case number(Double)
        case text(String)
        /// Not defined for this option (an API has no devices).
        case missing
    }

    /// Stable machine name (`total_cash_p50`), used as the CSV column and the JSON key.
    public let key: String
    /// Human label (`total cash P50`).
    public let label: String
    /// Unit of the numbers (`USD`, `ms`, `tokens/s`); empty for text and counts.
    public let unit: String
    /// Decimals shown in text formats (JSON keeps full precision).
    public let decimals: Int
    /// One value per option, in the scenario's option order.
    public let values: [Value]

    /// `label (unit)`.
    public var heading: String { unit.isEmpty ? label : "\(label) (\(unit))" }

    /// The value as printed in tables: fixed decimals, `-` when missing.
    public func formatted(_ index: Int) -> String {
        switch values[index] {
        case let .number(number): Self.format(number, decimals: decimals)
        case let .text(text): text
        case .missing: "-"
        }
    }

    static func format(_ number: Double, decimals: Int) -> String {
        guard number.isFinite else { return "-" }
        let text = String(format: "%.\(decimals)f", number)
        return text == "-0" || text.hasPrefix("-0.") && Double(text) == 0 ? String(text.dropFirst()) : text
    }

    /// Every metric of `comparison`, in report order.
    public static func all(_ comparison: ScenarioComparison) -> [ComparisonMetric] {
        let options = comparison.options
        let currency = comparison.scenario.currency.code
        let percentile = UnitFormatter.number(comparison.scenario.workload.slo.percentile)
        func metric(_ key: String, _ label: String, _ unit: String, _ decimals: Int, _ value: (ScenarioComparison.Option) -> Double?) -> ComparisonMetric {
            ComparisonMetric(key: key, label: label, unit: unit, decimals: decimals, values: options.map { value($0).map(Value.number) ?? .missing })
        }
        func text(_ key: String, _ label: String, _ value: (ScenarioComparison.Option) -> String?) -> ComparisonMetric {
            ComparisonMetric(key: key, label: label, unit: "", decimals: 0, values: options.map { value($0).map(Value.text) ?? .missing })
        }
        return [
            text("acquisition", "acquisition") { $0.cost.acquisition },
            text("hardware", "hardware") { $0.cost.hardware?.id },
            metric("devices_per_replica", "devices per replica", "", 0) { $0.cost.devicesPerReplica.map(Double.init) },
            metric("devices_first_month", "devices, month 1", "", 0) { $0.cost.hardware == nil ? nil : Double($0.cost.months.first?.devices ?? 0) },
            metric("devices_last_month", "devices, last month", "", 0) { $0.cost.hardware == nil ? nil : Double($0.cost.months.last?.devices ?? 0) },
            metric("capacity_per_replica", "capacity per replica within SLO", "requests/s", 2) { $0.cost.capacityPerReplica },
            metric("throughput_per_device", "output throughput per device at capacity", "tokens/s", 0) { $0.outputThroughputPerDevice },
            metric("ttft_p99", "TTFT p99, month-1 fleet", "ms", 1, { $0.serving.map { $0.metrics.timeToFirstToken.p99 * 1000 } }),
            metric("tpot_p99", "TPOT p99, month-1 fleet", "ms", 1, { $0.serving.map { $0.metrics.timePerOutputToken.p99 * 1000 } }),
            metric("e2e_p99", "E2E p99, month-1 fleet", "ms", 0, { $0.serving.map { $0.metrics.endToEnd.p99 * 1000 } }),
            text("meets_slo", "meets SLO at p\(percentile)") { option in
                option.serving.map { serving in
                    serving.objectives.isEmpty ? "-" : serving.meetsObjectives ? "yes"
                        : "no (" + serving.objectives.filter { $0.value > $0.limit }.map(\.name).joined(separator: ", ") + ")"
                }
            },
            metric("cost_per_mtok", "cost per million tokens", "\(currency)/Mtok", 3) { $0.cost.costPerMillionTokens },
            metric("cost_per_mtok_p10", "cost per million tokens P10", "\(currency)/Mtok", 3) { $0.cost.uncertainty.costPerMillionTokens.p10 },
            metric("cost_per_mtok_p90", "cost per million tokens P90", "\(currency)/Mtok", 3) { $0.cost.uncertainty.costPerMillionTokens.p90 },
            metric("month_1_cash", "cash, month 1", currency, 0) { $0.cost.months.first?.cash.amount },
            metric("total_cash", "total cash", currency, 0) { $0.cost.totalCash },
            metric("total_cash_p10", "total cash P10", currency, 0) { $0.cost.uncertainty.totalCash.p10 },
            metric("total_cash_p50", "total cash P50", currency, 0) { $0.cost.uncertainty.totalCash.p50 },
            metric("total_cash_p90", "total cash P90", currency, 0) { $0.cost.uncertainty.totalCash.p90 },
            metric("energy_month_1", "facility energy, month 1", "MWh", 1) { option in
                option.cost.months.first.flatMap { $0.energy.value > 0 ? $0.energy.kilowattHours / 1000 : nil }
            },
            metric("electricity_month_1", "electricity, month 1", currency, 0) { option in
                option.cost.months.first.flatMap { $0.energy.value > 0 ? $0.energyCost : nil }
            },
            metric("provisioned_power_per_replica", "provisioned facility power per replica", "kW", 2) { $0.power.map { $0.provisioned.value / 1000 } },
            metric("tokens_per_provisioned_megawatt", "output tokens/s per provisioned MW", "tokens/s/MW", 0) {
                $0.power?.outputTokensPerSecondPerProvisionedMegawatt
            },
            metric("joules_per_output_token", "facility energy per output token", "J/token", 3) { $0.power?.joulesPerOutputToken },
            text("average_power_basis", "average power taken at") { option in
                option.power.map { $0.averageIsUpperBound ? "provisioned (upper bound)" : "activity" }
            },
        ]
    }
}
