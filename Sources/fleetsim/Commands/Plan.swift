import ArgumentParser
import FleetPerformance
import FleetReport
import FleetScenario
import Foundation

struct Plan: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Find the fleets that fit a facility power budget and the frontier of served load against cost.",
        discussion: """
            The scenario's 'plan:' lists the hardware, precisions, tensor-parallel degrees and power caps to try
            for one model; 'budget:' gives the facility power (IT x PUE) and optionally capex and racks. Each
            candidate's replica capacity within workload.slo comes from the capacity search; the budget sizes the
            fleet (the tightest of power, capex and racks); owning it at the load it serves gives the cost per
            million tokens over finance.horizon_months. Prints every candidate with tokens/s per provisioned MW
            and joules per output token; 'frontier' marks those no other beats on served tokens and cost.
            --output DIR writes plan.txt and plan.json (schema_version 1), atomically.
            Example: fleetsim plan Examples/power-budget.yaml
            """)

    @Argument(help: "Scenario file with 'plan:' and 'budget:'.")
    var scenario: String

    @Option(name: .shortAndLong, help: ArgumentHelp("Directory for plan.txt and plan.json.", valueName: "dir"))
    var output: String?

    @OptionGroup var calibration: CalibrationOptions
    @OptionGroup var global: GlobalOptions

    func run() throws {
        try Failure.reporting {
            let progress = Progress()
            let (scenario, candidates) = try ScenarioRun.load(scenario, global: global, calibration: calibration) {
                scenario, catalog, efficiencies, serving throws(PerformanceError) -> [PowerPlan.Candidate] in
                try PowerPlan.run(scenario, catalog: catalog, efficiencies: efficiencies, serving: serving) { done, total, name in
                    progress.report("plan: candidate \(done + 1) of \(total): \(name)")
                }
            }
            progress.finish()
            let table = PlanReport.table(candidates, scenario: scenario)
            print(table, terminator: "")
            if let output {
                _ = try OutputDirectory(creating: output)
                try OutputFile.write(table, to: (output as NSString).appendingPathComponent("plan.txt"))
                let json: String
                do { json = try PlanReport.json(candidates, scenario: scenario, toolVersion: FleetSimVersion.current) } catch {
                    throw CLIError("cannot encode the JSON plan: \(error)")
                }
                try OutputFile.write(json, to: (output as NSString).appendingPathComponent("plan.json"))
            }
        }
    }
}
