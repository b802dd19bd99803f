import ArgumentParser
import FleetPerformance
import FleetReport
import FleetScenario
import FleetUnits
import Foundation

struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare every option of a scenario : serving, cost, uncertainty, power : and gate CI on thresholds.",
        discussion: """
            Runs what 'capacity', 'simulate' and 'cost' run, once: each deployment's capacity within the latency
            objective sizes its fleet month by month; the month-1 fleet is simulated at the scenario's load for its
            latency; the Monte Carlo over finance.uncertainty gives P10/P50/P90 of cumulative cash, cost per million
            tokens and break-even months; the tornado shows the inputs that move each total most.
            --output DIR writes comparison.txt, options.csv, months.csv, comparison.json (schema_version 1),
            comparison.md and comparison.html (self-contained, SVG charts), each atomically.
            Thresholds come from the scenario's 'checks:' block and the --max-../--min-.. options (which override
            it). With --check, or any threshold option, the exit code is 1 when a threshold is breached (one line
            per breach on standard error) and 0 when all hold; bad input is always 2.
            Example: fleetsim compare Examples/rent-vs-own.yaml --output report/
            """)

    @Argument(help: "Scenario file (.yaml, .yml or .json).")
    var scenario: String

    @Option(name: .shortAndLong, help: ArgumentHelp("Directory for the table, CSV, JSON, Markdown and HTML reports.", valueName: "dir"))
    var output: String?

    @Flag(help: "Exit 1 when a threshold (scenario 'checks:' or options below) is breached.")
    var check = false

    @Option(name: .customLong("max-cost-per-mtok"), help: ArgumentHelp("Highest cost per million tokens, e.g. '0.80 USD'.", valueName: "money"))
    var maxCostPerMillionTokens: String?

    @Option(name: .customLong("max-total-cost"), help: ArgumentHelp("Highest total cash over the horizon, e.g. '2000000 USD'.", valueName: "money"))
    var maxTotalCost: String?

    @Option(name: .customLong("max-ttft-p99"), help: ArgumentHelp("Highest p99 time to first token of the month-1 fleet, e.g. '2 s'.", valueName: "time"))
    var maxTimeToFirstToken: String?

    @Option(name: .customLong("max-tpot-p99"), help: ArgumentHelp("Highest p99 time per output token, e.g. '100 ms'.", valueName: "time"))
    var maxTimePerOutputToken: String?

    @Option(name: .customLong("max-e2e-p99"), help: ArgumentHelp("Highest p99 end-to-end latency, e.g. '30 s'.", valueName: "time"))
    var maxEndToEnd: String?

    @Option(name: .customLong("min-throughput"),
            help: ArgumentHelp("Lowest output tokens/s per device at the capacity within the objective, e.g. '1500 tokens/s'.", valueName: "rate"))
    var minThroughput: String?

    @Option(name: .customLong("check-option"), help: ArgumentHelp("Apply the thresholds to this option only (repeatable).", valueName: "name"))
    var checkOptions: [String] = []

    @Option(help: ArgumentHelp("Write the check outcomes as JUnit XML to this file.", valueName: "file"))
    var junit: String?

    @OptionGroup var calibration: CalibrationOptions
    @OptionGroup var global: GlobalOptions

    func run() throws {
        try Failure.reporting {
            let overrides = try commandLineChecks()
            let progress = Progress()
            let (scenario, comparison) = try ScenarioRun.load(scenario, global: global, calibration: calibration) {
                scenario, catalog, efficiencies, serving throws(PerformanceError) -> ScenarioComparison in
                try ScenarioComparison.run(scenario, catalog: catalog, efficiencies: efficiencies, serving: serving) { stage in
                    progress.report("compare: \(stage)")
                }
            }
            progress.finish()
            let checks = scenario.checks.overridden(by: overrides)
            let names = scenario.options.map(\.name)
            for name in checks.options where !names.contains(name) {
                throw CLIError("--check-option: unknown option '\(name)'; the scenario has \(names.joined(separator: ", "))")
            }
            let outcomes = CheckOutcome.evaluate(checks, on: comparison)
            let colour = isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
            print(ComparisonText.terminal(comparison, colour: colour), terminator: "")
            if !outcomes.isEmpty {
                let failed = outcomes.filter { !$0.passed }
                print("\nchecks: \(outcomes.count - failed.count) of \(outcomes.count) hold")
                for outcome in outcomes { print(outcome.description) }
            }
            if let output { try write(comparison, checks: outcomes, to: output) }
            if let junit { try OutputFile.write(JUnitReport.render(outcomes, suite: scenario.name), to: junit) }
            let gating = check || !overrides.isEmpty
            let breaches = outcomes.filter { !$0.passed }
            if gating && breaches.isEmpty && outcomes.isEmpty {
                Failure.printError("warning: --check given but no threshold is set (scenario 'checks:' or --max-…/--min-… options)")
            }
            if gating && !breaches.isEmpty {
                for breach in breaches { Failure.printError("check failed: \(breach.description)") }
                throw ExitCode(1)
            }
        }
    }

    /// The thresholds given on the command line.
    func commandLineChecks() throws -> Checks {
        func money(_ text: String?, _ option: String) throws -> Double? {
            guard let text else { return nil }
            do {
                let parsed = try UnitParser.parseMoney(text)
                return parsed.amount
            } catch {
                throw CLIError("--\(option): \(error)")
            }
        }
        func quantity(_ text: String?, _ option: String, _ dimension: FleetUnits.Dimension) throws -> Double? {
            guard let text else { return nil }
            do { return try UnitParser.parse(text, as: dimension) } catch { throw CLIError("--\(option): \(error)") }
        }
        let currency = { (text: String?) in try text.map { try UnitParser.parseMoney($0).currency } }
        return Checks(
            options: checkOptions,
            maxCostPerMillionTokens: try money(maxCostPerMillionTokens, "max-cost-per-mtok").map { Price($0, try currency(maxCostPerMillionTokens)!) },
            maxTotalCost: try money(maxTotalCost, "max-total-cost").map { Money($0, try currency(maxTotalCost)!) },
            maxTimeToFirstTokenP99: try quantity(maxTimeToFirstToken, "max-ttft-p99", .time).map(Seconds.init),
            maxTimePerOutputTokenP99: try quantity(maxTimePerOutputToken, "max-tpot-p99", .time).map(Seconds.init),
            maxEndToEndP99: try quantity(maxEndToEnd, "max-e2e-p99", .time).map(Seconds.init),
            minThroughputPerDevice: try quantity(minThroughput, "min-throughput", .tokenRate).map(TokensPerSecond.init))
    }

    /// Every report format, each written atomically.
    func write(_ comparison: ScenarioComparison, checks: [CheckOutcome], to directory: String) throws {
        _ = try OutputDirectory(creating: directory)
        func path(_ name: String) -> String { (directory as NSString).appendingPathComponent(name) }
        try OutputFile.write(ComparisonText.terminal(comparison), to: path("comparison.txt"))
        try OutputFile.write(ComparisonCSV.options(comparison), to: path("options.csv"))
        try OutputFile.write(ComparisonCSV.months(comparison), to: path("months.csv"))
        let json: String
        do { json = try ComparisonJSON.render(comparison, checks: checks, toolVersion: FleetSimVersion.current) } catch {
            throw CLIError("cannot encode the JSON report: \(error)")
        }
        try OutputFile.write(json, to: path("comparison.json"))
        try OutputFile.write(ComparisonText.markdown(comparison), to: path("comparison.md"))
        try OutputFile.write(HTMLReport.render(comparison, checks: checks, toolVersion: FleetSimVersion.current), to: path("comparison.html"))
    }
}
