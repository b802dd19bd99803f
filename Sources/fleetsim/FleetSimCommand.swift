import ArgumentParser
import Foundation

@main
struct FleetSimCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fleetsim",
        abstract: "What it costs to serve an LLM at a given load and latency, on given hardware: owned, rented or bought per token.",
        discussion: """
            Profiles of accelerators, models, serving engines and prices live in Profiles/ (see docs/profiles.md);
            scenarios are YAML or JSON files (see docs/scenarios.md and Examples/).
            Exit codes: 0 success, 1 a check failed, 2 bad input.
            """,
        version: FleetSimVersion.current,
        subcommands: [Profiles.self, ImportHF.self, DumpScenario.self, Predict.self, Sweep.self, Merge.self, Simulate.self, Capacity.self, Cost.self, Compare.self, Plan.self, Calibrate.self, Validate.self]
    )

    /// Parses and runs the command. Bad options are bad input like a bad file, so they exit with 2
    /// (argument-parser's own code for them is 64); help, version and every other exit are argument-parser's.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(Failure.badInput)
            }
            exit(withError: error)
        }
    }
}
