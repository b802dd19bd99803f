import FleetScenario
import FleetUnits
import Plot

/// The comparison as one self-contained HTML page (no scripts, no external files) with inline SVG charts:
/// cumulative cash per option with its P10–P90 band, cost per million tokens with P10–P90 whiskers,
/// latency percentiles against load, throughput per device against tokens/s per user with the Pareto
/// front, and the tornado of the inputs that move each option's cost per million tokens. Built with Plot's HTML DSL.
public enum HTMLReport {
    public static func render(_ comparison: ScenarioComparison, checks: [CheckOutcome], toolVersion: String) -> String {
        let scenario = comparison.scenario
        let metrics = ComparisonMetric.all(comparison)
        let names = comparison.options.map(\.name)
        let currency = scenario.currency.code
        let page = HTML(
            .head(
                .meta(.charset(.utf8)),
                .title("FleetSim — \(scenario.name)"),
                .style(style)
            ),
            .body(
                .h1("FleetSim comparison: \(scenario.name)"),
                .p(.text(ComparisonText.headline(comparison) + ". fleetsim \(toolVersion)."))
                ,
                .h2("Options"),
                table(header: ["metric"] + names, rows: metrics.map { metric in [metric.heading] + names.indices.map { metric.formatted($0) } }),
                .if(!checks.isEmpty, .group(
                    .h2("Checks"),
                    table(header: ["option", "check", "value", "limit", "result"], rows: checks.map { outcome in
                        [outcome.option, outcome.check, "\(UnitFormatter.number(outcome.value)) \(outcome.unit)",
                         "\(outcome.check.hasPrefix("min_") ? "≥" : "≤") \(UnitFormatter.number(outcome.limit)) \(outcome.unit)",
                         outcome.passed ? "pass" : "FAIL"]
                    })
                )),
                .h2("Cumulative cash over the horizon"),
                figure(cumulativeCash(comparison), caption: "Cumulative cash per option (\(currency)): the median of the Monte Carlo samples, "
                       + "with the P10–P90 band shaded."),
                .h2("Cost per million tokens"),
                figure(costPerMillionTokens(comparison), caption: "Economic cost (capex annualized) per million input and output tokens "
                       + "(\(currency)/Mtok): deterministic value, with the P10–P90 whisker."),
                .group(latencyFigures(comparison)),
                .group(tornadoFigures(comparison)),
                .h2("Probability of being cheaper"),
                .p(.text(ComparisonText.uncertaintyLine(comparison))),
                table(header: [""] + names, rows: ComparisonText.probabilityRows(comparison)),
                .h2("Break-even"),
                .p(.text("Month from which the row option's cumulative cash is at most the column option's: deterministic "
                         + "[P10–P90 over samples]; 'never': not within the horizon.")),
                table(header: [""] + names, rows: ComparisonText.breakEvenRows(comparison))
            )
        )
        return page.render(indentedBy: .spaces(1)) + "\n"
    }

    static let style = """
        body { font-family: -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; margin: 2em auto; max-width: 1100px; color: #222; }
        table { border-collapse: collapse; margin: 0.5em 0 1.5em; font-size: 13px; }
        th, td { border: 1px solid #ccc; padding: 3px 8px; text-align: right; }
        th:first-child, td:first-child { text-align: left; }
        thead th { background: #f2f2f2; }
        figure { margin: 0.5em 0 1.5em; }
        figcaption { font-size: 13px; color: #555; max-width: 720px; }
        svg { font-family: inherit; background: #fff; }
        """

    static func table(header: [String], rows: [[String]]) -> Node<HTML.BodyContext> {
        .table(
            .thead(.tr(.forEach(header) { .th(.text($0)) })),
            .tbody(.forEach(rows) { row in .tr(.forEach(row) { .td(.text($0)) }) })
        )
    }

    static func figure(_ chart: Node<HTML.BodyContext>, caption: String) -> Node<HTML.BodyContext> {
        .element(named: "figure", nodes: [chart, .element(named: "figcaption", nodes: [.text(caption)])])
    }

    static func cumulativeCash(_ comparison: ScenarioComparison) -> Node<HTML.BodyContext> {
        let chart = SVGChart(title: "Cumulative cash", xLabel: "month", yLabel: "cumulative cash (\(comparison.scenario.currency.code))")
        return chart.lines(comparison.options.map { option in
            let band = option.cost.uncertainty.cumulativeCash
            return SVGChart.Series(name: option.name,
                                   points: option.cost.months.indices.map { (Double($0 + 1), band[$0].p50) },
                                   band: option.cost.months.indices.map { (Double($0 + 1), band[$0].p10, band[$0].p90) })
        }, xFromZero: true)
    }

    static func costPerMillionTokens(_ comparison: ScenarioComparison) -> Node<HTML.BodyContext> {
        var chart = SVGChart(title: "Cost per million tokens", xLabel: "\(comparison.scenario.currency.code) per million tokens", yLabel: "")
        chart.left = 180
        chart.height = max(140, 60 + 40 * Double(comparison.options.count))
        return chart.bars(comparison.options.map { option in
            let band = option.cost.uncertainty.costPerMillionTokens
            return SVGChart.Bar(label: option.name, value: option.cost.costPerMillionTokens, low: band.p10, high: band.p90)
        })
    }

    /// Latency against load and throughput against interactivity, one series per deployment.
    static func latencyFigures(_ comparison: ScenarioComparison) -> [Node<HTML.BodyContext>] {
        var seen: Set<String> = []
        let curves = comparison.options.compactMap { option -> (name: String, devices: Int, curve: CapacitySearch.Result)? in
            guard let name = option.cost.deployment, let curve = option.cost.capacityCurve, let devices = option.cost.devicesPerReplica,
                  seen.insert(name).inserted else { return nil }
            return (name, devices, curve)
        }
        guard !curves.isEmpty else { return [] }
        let percentile = "p99"
        func latency(_ title: String, _ pick: @escaping (CapacitySearch.Point) -> Double) -> Node<HTML.BodyContext> {
            let chart = SVGChart(title: title, xLabel: "request rate per replica (requests/s)", yLabel: "\(title) (ms)")
            return chart.lines(curves.map { entry in
                SVGChart.Series(name: entry.name, points: entry.curve.curve.map { ($0.rate, pick($0) * 1000) }, markers: true)
            }, xFromZero: true)
        }
        let interactivity = SVGChart(title: "Throughput against interactivity", xLabel: "output tokens/s per user (1 / median TPOT)",
                                     yLabel: "output tokens/s per device")
        let points = curves.map { entry in
            entry.curve.curve.compactMap { point -> (x: Double, y: Double)? in
                let tpot = point.metrics.timePerOutputToken.median
                return tpot > 0 ? (1 / tpot, point.metrics.outputThroughput / Double(entry.devices)) : nil
            }.sorted { $0.x < $1.x }
        }
        var series = zip(curves, points).map { entry, points in SVGChart.Series(name: entry.name, points: points, markers: true) }
        let front = ParetoFront.upperRight(points.flatMap { $0 })
        if front.count > 1 { series.append(SVGChart.Series(name: "Pareto front", points: front, dashed: true)) }
        return [
            .h2("Latency against load"),
            figure(latency("TTFT \(percentile)") { $0.metrics.timeToFirstToken.p99 },
                   caption: "99th-percentile time to first token of one replica against its Poisson request rate; the points are the loads "
                   + "probed around the capacity within the latency objective."),
            figure(latency("TPOT \(percentile)") { $0.metrics.timePerOutputToken.p99 },
                   caption: "99th-percentile time per output token (first token excluded) of one replica against its request rate."),
            .h2("Throughput against interactivity"),
            figure(interactivity.lines(series, xFromZero: true),
                   caption: "Each probed load as output tokens/s per device against output tokens/s each user sees; the dashed line joins "
                   + "the points no other point beats on both axes."),
        ]
    }

    static func tornadoFigures(_ comparison: ScenarioComparison) -> [Node<HTML.BodyContext>] {
        let currency = comparison.scenario.currency.code
        let figures = comparison.options.enumerated().compactMap { index, option -> Node<HTML.BodyContext>? in
            let bars = comparison.cost.tornado[index]
            guard !bars.isEmpty else { return nil }
            var chart = SVGChart(title: "Tornado: \(option.name)", xLabel: "cost per million tokens (\(currency)/Mtok)", yLabel: "")
            chart.left = 180
            chart.top = 36
            chart.height = max(150, 90 + 36 * Double(bars.count))
            return figure(chart.tornado(bars.map { ($0.input, $0.costAtLow, $0.costAtHigh) }, baseline: option.cost.costPerMillionTokens),
                          caption: "\(option.name): cost per million tokens with one uncertain input at its P10 (blue) and P90 (red), the others "
                          + "at their deterministic values; the vertical line is the deterministic cost.")
        }
        return figures.isEmpty ? [] : [.h2("What moves the answer")] + figures
    }
}
