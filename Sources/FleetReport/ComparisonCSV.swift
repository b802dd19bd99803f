import FleetScenario

/// The comparison as CSV (RFC 4180): one row per option, and one row per option and month.
public enum ComparisonCSV {
    /// `options.csv`: the option name, then every metric of ``ComparisonMetric/all(_:)``; headers are
    /// `key (unit)`, numbers at full precision, missing values empty.
    public static func options(_ comparison: ScenarioComparison) -> String {
        let metrics = ComparisonMetric.all(comparison)
        var rows = [["option"] + metrics.map { $0.unit.isEmpty ? $0.key : "\($0.key) (\($0.unit))" }]
        for (index, option) in comparison.options.enumerated() {
            rows.append([option.name] + metrics.map { metric in
                switch metric.values[index] {
                case let .number(value): number(value)
                case let .text(text): text
                case .missing: ""
                }
            })
        }
        return render(rows)
    }

    /// `months.csv`: per option and month the load, fleet, cash (with the Monte Carlo band of the
    /// cumulative cash), economic cost, energy and tokens.
    public static func months(_ comparison: ScenarioComparison) -> String {
        let currency = comparison.scenario.currency.code
        var rows = [["option", "month", "request_rate (requests/s)", "devices", "cash (\(currency))", "cumulative_cash (\(currency))",
                     "cumulative_cash_p10 (\(currency))", "cumulative_cash_p50 (\(currency))", "cumulative_cash_p90 (\(currency))",
                     "economic_cost (\(currency))", "facility_energy (kWh)", "electricity (\(currency))", "tokens"]]
        for option in comparison.options {
            let cumulative = option.cost.cumulativeCash
            for (index, month) in option.cost.months.enumerated() {
                let band = option.cost.uncertainty.cumulativeCash[index]
                rows.append([option.name, "\(month.index)", number(month.requestRate), "\(month.devices)", number(month.cash.amount),
                             number(cumulative[index]), number(band.p10), number(band.p50), number(band.p90),
                             number(month.economicCost.amount), number(month.energy.kilowattHours), number(month.energyCost), number(month.tokens)])
            }
        }
        return render(rows)
    }

    /// A number at full precision that reads back to the same value; finite values only ("" otherwise).
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "" }
        return value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : "\(value)"
    }

    /// Quotes fields holding a comma, quote or line break; doubles quotes inside them.
    static func render(_ rows: [[String]]) -> String {
        rows.map { row in
            row.map { field in
                field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                    ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
            }.joined(separator: ",")
        }.joined(separator: "\n") + "\n"
    }
}
