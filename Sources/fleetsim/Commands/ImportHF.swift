import ArgumentParser

struct ImportHF: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "import-hf", abstract: "placeholder")
    func run() throws {}
}
