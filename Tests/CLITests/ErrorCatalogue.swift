import Foundation

/// `docs/errors.md` read as data: the message templates it lists and its runnable examples.
///
/// Conventions of the page:
/// - A template is the first cell of a table row, in backticks; `{name}` stands for a value filled in at
///   run time, `\|` for a `|` inside the table.
/// - An input file is a fenced block whose info string names it: ```` ```yaml file=bad-version.yaml ````.
/// - A runnable example is a ```` ```console ```` block: `$ fleetsim ARGUMENTS` (split at spaces), the
///   exact standard output then standard error, and `[exit N]` last. It runs in an empty directory that
///   holds every input file of the page, with the bundled profiles.
struct ErrorCatalogue {
    struct Example {
        let arguments: [String]
        let expectedOutput: String
        let expectedStatus: Int32
        let line: Int
    }

    /// Templates as written (with `{name}` placeholders), and where.
    let templates: [(template: String, line: Int)]
    /// Input files by name.
    let files: [String: String]
    let examples: [Example]

    static let path = FleetSimBinary.repositoryRoot.appendingPathComponent("docs/errors.md")

    static func load() throws -> ErrorCatalogue {
        try ErrorCatalogue(text: String(contentsOf: path, encoding: .utf8))
    }

    init(text: String) {
        var templates: [(String, Int)] = [], files: [String: String] = [:], examples: [Example] = []
        let lines = text.components(separatedBy: "\n")
        var index = 0
        while index < lines.count {
            let line = lines[index]
            if line.hasPrefix("```") {
                let info = line.dropFirst(3).split(separator: " ")
                var body: [String] = []
                let start = index
                index += 1
                while index < lines.count, !lines[index].hasPrefix("```") { body.append(lines[index]); index += 1 }
                if let file = info.first(where: { $0.hasPrefix("file=") }) {
                    files[String(file.dropFirst(5))] = body.joined(separator: "\n") + "\n"
                } else if info.first == "console", let command = body.first, command.hasPrefix("$ fleetsim "),
                          let last = body.last, last.hasPrefix("[exit "), let status = Int32(last.dropFirst(6).dropLast()) {
                    let output = body.dropFirst().dropLast()
                    examples.append(Example(
                        arguments: command.dropFirst("$ fleetsim ".count).split(separator: " ").map(String.init),
                        expectedOutput: output.isEmpty ? "" : output.joined(separator: "\n") + "\n",
                        expectedStatus: status, line: start + 1))
                }
            } else if line.hasPrefix("| `"), let template = Self.firstCellCode(line) {
                templates.append((template, index + 1))
            }
            index += 1
        }
        self.templates = templates
        self.files = files
        self.examples = examples
    }

    /// The backticked text of a table row's first cell, with `\|` read as `|`.
    private static func firstCellCode(_ row: String) -> String? {
        var cell = "", previous: Character = " "
        for character in row.dropFirst(2) {
            if character == "|" && previous != "\\" { break }
            cell.append(character)
            previous = character
        }
        let trimmed = cell.trimmingCharacters(in: .whitespaces)
        guard trimmed.count >= 2, trimmed.hasPrefix("`"), trimmed.hasSuffix("`") else { return nil }
        return String(trimmed.dropFirst().dropLast()).replacingOccurrences(of: "\\|", with: "|")
    }

    /// A template with every `{name}` written as `{}`, as ``MessageTemplates`` writes interpolations.
    static func canonical(_ template: String) -> String {
        template.replacingOccurrences(of: #"\{[^{}]*\}"#, with: "{}", options: .regularExpression)
    }
}
