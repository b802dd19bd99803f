import ArgumentParser
import FleetPerformance
import FleetProfiles
import FleetScenario
import FleetServing
import FleetUnits

struct Simulate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Simulate a scenario's workload on each of its deployments and print the serving metrics.",
        discussion: """
            Requests arrive as the scenario's workload says (offline, closed-loop concurrency, Poisson, gamma,
            constant) with seeded lengths; each replica batches continuously within its engine's limits (chunked
            prefill, paged KV with preemption); step times come from the performance model. Metrics follow
            vllm bench serve: TTFT, TPOT (first token excluded), ITL, E2E in mean / median / p90 / p99, throughput,
            preemptions, utilization and KV occupancy; the latency objective is checked at its percentile.
            Example: fleetsim simulate Examples/rent-vs-own.yaml
            """)

    @Argument(help: "Scenario file (.yaml, .yml or .json).")
    var scenario: String

    @OptionGroup var calibration: CalibrationOptions
    @OptionGroup var global: GlobalOptions

    func run() throws {
        try Failure.reporting {
            let (scenario, results) = try ScenarioRun.load(scenario, global: global, calibration: calibration) {
                scenario, catalog, efficiencies, serving throws(PerformanceError) -> [ScenarioSimulation.Result] in
                try ScenarioSimulation.run(scenario, catalog: catalog, efficiencies: efficiencies, serving: serving)
            }
            let workload = scenario.workload
            print("\(workload.requests) requests, seed \(scenario.seed)")
            print(SimulationTable.render(results), terminator: "")
        }
    }
}

enum SimulationTable {
    static func render(_ results: [ScenarioSimulation.Result]) -> String {
        func milliseconds(_ seconds: Double) -> String { String(format: "%.1f", seconds * 1000) }
        func distribution(_ name: String, _ pick: (ServingMetrics) -> ServingMetrics.Distribution) -> [[String]] {
            [("mean", { $0.mean }), ("median", { $0.median }), ("p90", { $0.p90 }), ("p99", { $0.p99 })].map { label, statistic in
                ["\(name) \(label) (ms)"] + results.map { milliseconds(statistic(pick($0.metrics))) }
            }
        }
        var rows: [[String]] = []
        rows.append(["devices"] + results.map { "\($0.devices)" })
        rows.append(["duration (s)"] + results.map { String(format: "%.1f", $0.metrics.duration) })
        rows.append(["requests/s"] + results.map { String(format: "%.2f", $0.metrics.requestThroughput) })
        rows.append(["output tokens/s"] + results.map { String(format: "%.0f", $0.metrics.outputThroughput) })
        rows.append(["output tokens/s per device"] + results.map { String(format: "%.0f", $0.outputThroughputPerDevice) })
        rows.append(["total tokens/s"] + results.map { String(format: "%.0f", $0.metrics.totalThroughput) })
        rows += distribution("TTFT", \.timeToFirstToken)
        rows += distribution("TPOT", \.timePerOutputToken)
        rows.append(["ITL mean (ms)"] + results.map { milliseconds($0.metrics.interTokenLatencyMean) })
        rows += distribution("E2E", \.endToEnd)
        rows.append(["preemptions"] + results.map { "\($0.metrics.preemptions)" })
        rows.append(["busy (% of time stepping)"] + results.map { String(format: "%.1f", $0.metrics.utilization * 100) })
        rows.append(["KV occupancy (% mean)"] + results.map { String(format: "%.2f", $0.metrics.kvOccupancy * 100) })
        rows.append(["KV capacity (tokens/replica)"] + results.map { "\($0.kvCapacityTokens)" })
        rows.append(["meets SLO"] + results.map { result in
            result.objectives.isEmpty ? "-" : (result.meetsObjectives ? "yes" : "no (" + result.objectives.filter { $0.value > $0.limit }.map(\.name).joined(separator: ", ") + ")")
        })
        return TextTable(header: ["metric"] + results.map(\.deployment), rows: rows).render()
    }
}
