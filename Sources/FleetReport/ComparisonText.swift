import FleetProfiles
import FleetScenario
import FleetUnits

/// The comparison as text: the terminal table (`fleetsim compare`) and Markdown.
public enum ComparisonText {
    /// Metrics as rows and options as columns, followed by P(cheaper) and the break-even months.
    /// With `colour`, the option with the lowest P50 total cash is shown in bold green (ANSI).
    public static func terminal(_ comparison: ScenarioComparison, colour: Bool = false) -> String {
        let metrics = ComparisonMetric.all(comparison)
        let names = comparison.options.map(\.name)
        let cheapest = cheapestIndex(comparison)
        var text = headline(comparison) + "\n"
        let header = ["metric"] + names
        text += TextTable(header: header, rows: metrics.map { metric in [metric.heading] + names.indices.map { metric.formatted($0) } }).render()
        if colour, let cheapest {
            // Colour after alignment so escape codes do not count toward column widths.
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            text = lines.enumerated().map { index, line in
                index == 1 ? String(line).replacingFirst(names[cheapest], with: "\u{1B}[1;32m\(names[cheapest])\u{1B}[0m") : String(line)
            }.joined(separator: "\n")
        }
        text += "\n" + uncertaintyLine(comparison) + "\n"
        text += TextTable(header: [""] + names, rows: probabilityRows(comparison)).render()
        text += "\nbreak-even: month from which the row option's cumulative cash is at most the column option's; "
            + "deterministic [P10–P90 over samples]; 'never': not within the horizon\n"
        text += TextTable(header: [""] + names, rows: breakEvenRows(comparison)).render()
        return text
    }

    /// The same content as GitHub-flavoured Markdown.
    public static func markdown(_ comparison: ScenarioComparison) -> String {
        let metrics = ComparisonMetric.all(comparison)
        let names = comparison.options.map(\.name)
        var text = "# \(comparison.scenario.name)\n\n\(headline(comparison))\n\n"
        text += table(header: ["metric"] + names, rows: metrics.map { metric in [metric.heading] + names.indices.map { metric.formatted($0) } })
        text += "\n## Uncertainty\n\n\(uncertaintyLine(comparison))\n\n"
        text += table(header: [""] + names, rows: probabilityRows(comparison))
        text += "\n## Break-even\n\nMonth from which the row option's cumulative cash is at most the column option's: deterministic "
            + "[P10–P90 over samples]; 'never': not within the horizon.\n\n"
        text += table(header: [""] + names, rows: breakEvenRows(comparison))
        let bars = comparison.cost.tornado.enumerated().flatMap { index, bars in bars.map { (names[index], $0) } }
        if !bars.isEmpty {
            text += "\n## Tornado\n\nCost per million tokens with one input at its P10 and at its P90, the others at their deterministic values.\n\n"
            text += table(header: ["option", "input", "input P10", "input P90", "cost/Mtok at P10", "cost/Mtok at P90", "swing"],
                          rows: bars.map { option, bar in
                              [option, bar.input, UnitFormatter.number(bar.inputLow), UnitFormatter.number(bar.inputHigh),
                               ComparisonMetric.format(bar.costAtLow, decimals: 4), ComparisonMetric.format(bar.costAtHigh, decimals: 4),
                               ComparisonMetric.format(bar.swing, decimals: 4)]
                          })
        }
        return text
    }

    /// One sentence on the horizon, load and currency.
    static func headline(_ comparison: ScenarioComparison) -> String {
        let scenario = comparison.scenario
        return "\(scenario.finance.horizonMonths) months, \(UnitFormatter.number(scenario.workload.arrivals.rate ?? 0)) requests/s at month 1, "
            + "growing \(UnitFormatter.number(scenario.finance.monthlyDemandGrowth.value * 100)) % a month; amounts in \(scenario.currency.code); "
            + "seed \(scenario.seed)"
    }

    static func uncertaintyLine(_ comparison: ScenarioComparison) -> String {
        let report = comparison.cost
        return "Monte Carlo: \(report.samples) samples over "
            + (report.uncertainInputs.isEmpty ? "no uncertain input (P10 = P50 = P90)" : report.uncertainInputs.joined(separator: ", "))
            + "; P(row option's total cash < column option's):"
    }

    static func probabilityRows(_ comparison: ScenarioComparison) -> [[String]] {
        let names = comparison.options.map(\.name)
        return names.indices.map { row in
            [names[row]] + names.indices.map { column in
                row == column ? "" : ComparisonMetric.format(comparison.cost.probabilityCheaper[row][column], decimals: 2)
            }
        }
    }

    static func breakEvenRows(_ comparison: ScenarioComparison) -> [[String]] {
        let names = comparison.options.map(\.name)
        func month(_ value: Int?) -> String { value.map(String.init) ?? "never" }
        return names.indices.map { row in
            [names[row]] + names.indices.map { column in
                guard row != column else { return "" }
                let breakEven = comparison.cost.breakEven[row][column]
                if breakEven.p10 == breakEven.month && breakEven.p90 == breakEven.month { return month(breakEven.month) }
                return "\(month(breakEven.month)) [\(month(breakEven.p10))–\(month(breakEven.p90))]"
            }
        }
    }

    /// The option with the lowest P50 total cash.
    static func cheapestIndex(_ comparison: ScenarioComparison) -> Int? {
        comparison.options.indices.min { comparison.options[$0].cost.uncertainty.totalCash.p50 < comparison.options[$1].cost.uncertainty.totalCash.p50 }
    }

    static func table(header: [String], rows: [[String]]) -> String {
        func line(_ cells: [String]) -> String { "| " + cells.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |\n" }
        return line(header) + "|" + String(repeating: " --- |", count: header.count) + "\n" + rows.map(line).joined()
    }
}

extension String {
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}
