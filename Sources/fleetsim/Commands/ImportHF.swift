import ArgumentParser
import FleetProfiles
import Foundation

struct ImportHF: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-hf",
        abstract: "Write a model profile from a Hugging Face config.json.",
        discussion: """
            Reads the layer, head, FFN, vocabulary, MoE, MLA, sliding-window and sparse-attention keys of the
            config and prints the profile as YAML, or writes it to --output (atomically). Cite where the config
            came from with --source and --source-date: every profile carries its source.
            Example: fleetsim import-hf config.json --id qwen2.5-7b \\
                       --source https://huggingface.co/Qwen/Qwen2.5-7B/blob/main/config.json --source-date 2024-09-19
            """)

    @Argument(help: "Path of the config.json file.")
    var config: String

    @Option(help: "Profile id (default: the last part of _name_or_path, lower-cased).")
    var id: String?

    @Option(help: "Display name (default: _name_or_path or the id).")
    var name: String?

    @Option(help: "Where the config was published (default: the file path given).")
    var source: String?

    @Option(name: .customLong("source-date"), help: "Date of the source, YYYY, YYYY-MM or YYYY-MM-DD (default: today, UTC).")
    var sourceDate: String?

    @Option(name: .shortAndLong, help: "Write the profile to this file instead of standard output.")
    var output: String?

    func validate() throws {
        if let sourceDate, !Source.isValidDate(sourceDate) {
            throw ValidationError(Source.invalidDateMessage("--source-date", sourceDate))
        }
    }

    func run() throws {
        try Failure.reporting {
            guard let data = FileManager.default.contents(atPath: config) else {
                throw Diagnostic("no such file", at: SourceLocation(file: config))
            }
            let provenance = HuggingFaceConfig.Provenance(locator: source ?? config, date: sourceDate ?? Self.today())
            let profile: ModelProfile
            do {
                profile = try HuggingFaceConfig.profile(json: data, id: id, name: name, provenance: provenance)
            } catch let error as HuggingFaceConfig.ImportError {
                throw Diagnostic(error.message, at: SourceLocation(file: config))
            }
            let yaml = try YAMLOutput.encode(profile)
            if let output {
                try OutputFile.write(yaml, to: output)
            } else {
                print(yaml, terminator: "")
            }
        }
    }

    static func today() -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: Date())
    }
}
