import ArgumentParser
import FleetPerformance
import FleetProfiles
import FleetScenario
import FleetUnits

struct Capacity: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Find the highest request rate each deployment serves within the scenario's latency objective.",
        discussion: """
            Poisson arrivals with the scenario's seeded request lengths; the saturated (offline) throughput bounds
            the search, bisection narrows it to 1 %. Prints the capacity and the latency-against-load curve.
            Example: fleetsim capacity Examples/rent-vs-own.yaml
            """)

    @Argument(help: "Scenario file with a latency objective under workload.slo.")
    var scenario: String

    @OptionGroup var calibration: CalibrationOptions
    @OptionGroup var global: GlobalOptions

    func run() throws {
        try Failure.reporting {
            let (scenario, results) = try ScenarioRun.load(scenario, global: global, calibration: calibration) {
                scenario, catalog, efficiencies, serving throws(PerformanceError) -> [CapacitySearch.Result] in
                try CapacitySearch.run(scenario, catalog: catalog, efficiencies: efficiencies, serving: serving)
            }
            let slo = scenario.workload.slo
            let limits = [("TTFT", slo.timeToFirstToken), ("TPOT", slo.timePerOutputToken), ("E2E", slo.endToEnd)]
                .compactMap { name, limit in limit.map { "\(name) ≤ \($0)" } }.joined(separator: ", ")
            print("objective: p\(UnitFormatter.number(slo.percentile)) \(limits); \(scenario.workload.requests) requests per probe")
            for result in results {
                print("\n\(result.deployment): capacity \(String(format: "%.2f", result.capacity)) requests/s "
                      + "(saturated throughput \(String(format: "%.2f", result.saturation)) requests/s)")
                let percentile = slo.percentile
                print(TextTable(header: ["requests/s", "output tokens/s", "TTFT p\(UnitFormatter.number(percentile)) (ms)",
                                         "TPOT p\(UnitFormatter.number(percentile)) (ms)", "E2E p\(UnitFormatter.number(percentile)) (ms)", "meets"],
                                rows: result.curve.map { point in
                                    [String(format: "%.2f", point.rate), String(format: "%.0f", point.metrics.outputThroughput),
                                     String(format: "%.1f", point.metrics.timeToFirstToken.value(atPercentile: percentile) * 1000),
                                     String(format: "%.1f", point.metrics.timePerOutputToken.value(atPercentile: percentile) * 1000),
                                     String(format: "%.1f", point.metrics.endToEnd.value(atPercentile: percentile) * 1000),
                                     point.meetsObjectives ? "yes" : "no"]
                                }).render(), terminator: "")
            }
        }
    }
}
