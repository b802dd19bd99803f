import ArgumentParser
import FleetScenario

struct DumpScenario: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dump-scenario",
        abstract: "Validate a scenario and print it as YAML.",
        discussion: """
            With --effective, every default is filled in: the schema's defaults and each deployment's engine
            scheduling settings from its engine profile. What is printed is what a run will use, and it loads
            again as a scenario. Every problem of the file is reported at once as file:line:column: error: ...
            (exit code 2).
            Example: fleetsim dump-scenario --effective Examples/rent-vs-own.yaml
            """)

    @Flag(help: "Fill in every default (schema defaults and engine-profile scheduling settings).")
    var effective = false

    @Argument(help: "Scenario file (.yaml, .yml or .json).")
    var scenario: String

    @OptionGroup var global: GlobalOptions

    func run() throws {
        try Failure.reporting {
            let catalog = try global.loadCatalog()
            let document = try ScenarioDocument.load(path: scenario, catalog: catalog)
            print(try document.yaml(effective: effective), terminator: "")
        }
    }
}
