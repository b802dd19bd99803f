import ArgumentParser

struct DumpScenario: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "dump-scenario", abstract: "placeholder")
    func run() throws {}
}
