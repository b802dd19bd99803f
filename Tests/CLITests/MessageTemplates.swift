import Foundation

/// The user-facing message templates written in FleetSim's sources, found by reading the Swift text: the
/// string literal that starts each message, with every interpolation `\(…)` turned into the wildcard `{}`.
///
/// A message site is
/// - the first string literal argument of a call to one of ``callees`` — `fail("…")`, `fail(shard, "…")`,
///   `PerformanceError("…")`, `CLIError("…")`, `Diagnostic("…", at:)`, `dataCorruptedError(in:, debugDescription: "…")` …;
/// - `Suggestion.unknown("KIND", …)`, which is the template `unknown KIND '{}'{}`;
/// - in a `func …Message(…) -> String`, the literal alone on its first line or after `return`
///   (`SchemaVersion.unsupportedMessage`, `MemoryPlan.doesNotFitMessage`);
/// - in a file that declares an error type, a literal alone on the line after `case …:` or after
///   `var description: String {` / `var message: String {` (the `switch` of an error enum).
///
/// Literals joined with `+` are one template; a non-literal operand of `+` is a wildcard.
enum MessageTemplates {
    /// Calls whose first string literal argument is a user-facing message.
    static let callees = [
        "fail", "failure", "PerformanceError", "CLIError", "ValidationError", "Diagnostic", "diagnostic",
        "ImportError", "Unsupported", "CapError", ".init", "record", "dataCorruptedError",
    ]

    struct Site: Hashable {
        let template: String
        let file: String
        let line: Int
    }

    /// Modules whose errors never reach a user: `FleetLinearAlgebra`'s LAPACK failures are caught with
    /// `try?` by the fits that call it, which then fall back or report a fit that could not be made.
    static let internalModules = ["FleetLinearAlgebra"]

    /// Every message site under `directory` (recursively, `.swift` files), leaving out ``internalModules``.
    static func scan(directory: URL) throws -> [Site] {
        let files = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
            .filter { url in !internalModules.contains { url.path.contains("/\($0)/") } }
            .sorted { $0.path < $1.path } ?? []
        var sites: [Site] = []
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            let name = file.path.replacingOccurrences(of: directory.deletingLastPathComponent().path + "/", with: "")
            sites += scan(text: text).map { Site(template: $0.template, file: name, line: $0.line) }
        }
        return sites
    }

    /// The message templates of one file's text, with their 1-based line numbers.
    static func scan(text: String) -> [(template: String, line: Int)] {
        let characters = Array(text.unicodeScalars)
        var found: [(String, Int)] = []
        var index = 0
        while index < characters.count {
            if characters[index] == "/", index + 1 < characters.count, characters[index + 1] == "/" {
                while index < characters.count, characters[index] != "\n" { index += 1 }
                continue
            }
            if characters[index] == "\"" {
                // Skip literals that are not message sites, so that code inside them is not read as calls.
                index = StringLiteral.parse(characters, at: index)?.end ?? index + 1
                continue
            }
            if let (callee, open) = callee(in: characters, endingBefore: index), characters[index] == "(" {
                if let template = messageArgument(of: callee, in: characters, after: open) {
                    found.append((template, line(of: index, in: characters)))
                }
            }
            index += 1
        }
        found += switchCaseMessages(text, inErrorType: text.contains(": Error,") || text.contains(": Error {"))
        return found.sorted { ($0.1, $0.0) < ($1.1, $1.0) }
    }

    // MARK: - Calls

    /// The callee name (from ``callees`` or `Suggestion.unknown`) that ends right before `index`.
    private static func callee(in characters: [Unicode.Scalar], endingBefore index: Int) -> (String, Int)? {
        guard characters[index] == "(" else { return nil }
        var start = index
        while start > 0, isIdentifier(characters[start - 1]) || characters[start - 1] == "." { start -= 1 }
        let word = String(String.UnicodeScalarView(characters[start..<index]))
        if word == "Suggestion.unknown" { return (word, index) }
        let last = word.split(separator: ".").last.map(String.init) ?? word
        if word.hasSuffix(".init"), callees.contains(".init") { return (".init", index) }
        return callees.contains(last) ? (last, index) : nil
    }

    /// The template of the call whose `(` is at `open`, or nil when its message is not a literal.
    private static func messageArgument(of callee: String, in characters: [Unicode.Scalar], after open: Int) -> String? {
        var index = skipSpace(characters, open + 1)
        if callee == "Suggestion.unknown" {
            guard let kind = StringLiteral.parse(characters, at: index) else { return nil }
            let closing = matchingParenthesis(characters, open)
            return "unknown \(kind.template) '{}'{}" + continuation(characters, after: closing + 1)
        }
        if let label = labelEnd(characters, index) { index = skipSpace(characters, label) }
        if characters[index] != "\"" {
            // `fail(shard, "…")`: one plain argument before the message.
            guard let comma = topLevelComma(characters, from: index) else { return nil }
            index = skipSpace(characters, comma + 1)
            if let label = labelEnd(characters, index) { index = skipSpace(characters, label) }
        }
        guard let literal = StringLiteral.parse(characters, at: index) else { return nil }
        return literal.template + continuation(characters, after: literal.end)
    }

    /// `+ "…"` and `+ expression` after a literal, as text and wildcards.
    private static func continuation(_ characters: [Unicode.Scalar], after end: Int) -> String {
        var result = ""
        var index = skipSpace(characters, end)
        while index < characters.count, characters[index] == "+" {
            index = skipSpace(characters, index + 1)
            if let literal = StringLiteral.parse(characters, at: index) {
                result += literal.template
                index = skipSpace(characters, literal.end)
            } else {
                result += "{}"
                while index < characters.count, !",)\n".unicodeScalars.contains(characters[index]) {
                    index = characters[index] == "(" ? matchingParenthesis(characters, index) + 1 : index + 1
                }
                index = skipSpace(characters, index)
            }
        }
        return result
    }

    private static func labelEnd(_ characters: [Unicode.Scalar], _ index: Int) -> Int? {
        var end = index
        while end < characters.count, isIdentifier(characters[end]) { end += 1 }
        guard end > index, end < characters.count, characters[end] == ":" else { return nil }
        return end + 1
    }

    private static func topLevelComma(_ characters: [Unicode.Scalar], from start: Int) -> Int? {
        var index = start
        while index < characters.count {
            switch characters[index] {
            case ",": return index
            case ")", "\n": return nil
            case "(": index = matchingParenthesis(characters, index) + 1
            case "\"": index = StringLiteral.parse(characters, at: index)?.end ?? index + 1
            default: index += 1
            }
        }
        return nil
    }

    static func matchingParenthesis(_ characters: [Unicode.Scalar], _ open: Int) -> Int {
        var depth = 0, index = open
        while index < characters.count {
            switch characters[index] {
            case "(": depth += 1; index += 1
            case ")":
                depth -= 1
                if depth == 0 { return index }
                index += 1
            case "\"": index = StringLiteral.parse(characters, at: index)?.end ?? index + 1
            default: index += 1
            }
        }
        return characters.count - 1
    }

    private static func skipSpace(_ characters: [Unicode.Scalar], _ start: Int) -> Int {
        var index = start
        while index < characters.count, characters[index] == " " || characters[index] == "\n" { index += 1 }
        return index
    }

    private static func isIdentifier(_ scalar: Unicode.Scalar) -> Bool {
        CharacterSet.alphanumerics.contains(scalar) || scalar == "_"
    }

    private static func line(of index: Int, in characters: [Unicode.Scalar]) -> Int {
        characters[..<index].reduce(1) { $0 + ($1 == "\n" ? 1 : 0) }
    }

    // MARK: - Error enums

    /// Literals alone on the line after `func …Message(…) -> String {`, and in a file declaring an error type
    /// after `case …:`, `var description: String {` or `var message: String {`.
    private static func switchCaseMessages(_ text: String, inErrorType: Bool) -> [(String, Int)] {
        let lines = text.components(separatedBy: "\n")
        var found: [(String, Int)] = []
        for (number, line) in lines.enumerated() where number > 0 {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            let previous = lines[number - 1].trimmingCharacters(in: .whitespaces)
            let inSwitch = (previous.hasPrefix("case ") && previous.hasSuffix(":"))
                || previous.hasSuffix("var description: String {") || previous.hasSuffix("var message: String {")
            let inMessageFunction = previous.contains("func ") && previous.contains("Message(") && previous.hasSuffix("-> String {")
            let opensMessage = (inErrorType && inSwitch) || inMessageFunction
            let returnsMessage = trimmed.hasPrefix("return \"") && lines[max(0, number - 20)..<number].last { $0.contains("func ") }
                .map { $0.contains("Message(") && $0.hasSuffix("-> String {") } == true
            guard (opensMessage && trimmed.hasPrefix("\"")) || returnsMessage else { continue }
            let statement = lines[number...].joined(separator: "\n").drop { $0 != "\"" }
            let characters = Array(statement.unicodeScalars)
            if let literal = StringLiteral.parse(characters, at: 0) {
                found.append((literal.template + continuation(characters, after: literal.end), number + 1))
            }
        }
        return found
    }
}

/// A single-line Swift string literal read as a template: escapes resolved, interpolations as `{}`.
enum StringLiteral {
    static func parse(_ characters: [Unicode.Scalar], at start: Int) -> (template: String, end: Int)? {
        guard start < characters.count, characters[start] == "\"" else { return nil }
        if start + 2 < characters.count, characters[start + 1] == "\"", characters[start + 2] == "\"" { return nil }
        var template = "", index = start + 1
        while index < characters.count {
            let scalar = characters[index]
            switch scalar {
            case "\"": return (template, index + 1)
            case "\n": return nil
            case "\\":
                guard index + 1 < characters.count else { return nil }
                let next = characters[index + 1]
                if next == "(" {
                    template += "{}"
                    index = MessageTemplates.matchingParenthesis(characters, index + 1) + 1
                    continue
                }
                switch next {
                case "n": template += "\n"
                case "t": template += "\t"
                default: template.unicodeScalars.append(next)
                }
                index += 2
            default:
                template.unicodeScalars.append(scalar)
                index += 1
            }
        }
        return nil
    }
}
