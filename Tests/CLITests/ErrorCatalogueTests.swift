import Foundation
import Testing

/// `docs/errors.md` stays true: every message template written in `Sources/` is listed there, every
/// template listed there is still written in `Sources/`, and its runnable examples print what the page
/// says, with the exit code it says.
struct ErrorCatalogueTests {
    static let sourceTemplates: [MessageTemplates.Site] = {
        (try? MessageTemplates.scan(directory: FleetSimBinary.repositoryRoot.appendingPathComponent("Sources"))) ?? []
    }()

    @Test func scannerFindsTheMessagesOfEveryKindOfSite() {
        let templates = Set(Self.sourceTemplates.map(\.template))
        for expected in [
            "unsupported version {}; this fleetsim reads version {}",     // SchemaVersion
            "unknown hardware '{}'{}",                                    // Suggestion.unknown("hardware", …)
            "'{}' is not a finite number",                                // UnitError's switch
            "--check-option: unknown option '{}'; the scenario has {}",   // CLIError("…")
            "malformed YAML: {}",                                         // Diagnostic("…", at:)
            "{} is of another sweep than '{}': '{}' (sha256 {}…, {} points) against '{}' (sha256 {}…, {} points)",
        ] {
            #expect(templates.contains(expected), "\(expected)")
        }
        #expect(templates.count > 200)
    }

    @Test func scannerReadsInterpolationsConcatenationAndEscapes() {
        let text = #"""
            fail("'\(name)' must be \(x.isEmpty ? "a \"b\"" : x), got \(value)", at: path)
            throw PerformanceError("a \(b) "
                + "c \(d)")
            // fail("in a comment")
            fail(Suggestion.unknown("engine", id, in: ids) + "; expected \(list)", at: path)
            """#
        #expect(MessageTemplates.scan(text: text).map(\.template) == [
            "'{}' must be {}, got {}", "a {} c {}", "unknown engine '{}'{}; expected {}",
        ])
    }

    @Test func everyMessageInTheSourcesIsCatalogued() throws {
        let catalogued = Set(try ErrorCatalogue.load().templates.map { ErrorCatalogue.canonical($0.template) })
        let missing = Self.sourceTemplates.filter { !catalogued.contains($0.template) }
        #expect(missing.isEmpty, """
            \(missing.count) messages are not in docs/errors.md (as the first cell of a table row, `{…}` for a value):
            \(missing.map { "\($0.file):\($0.line): `\($0.template)`" }.joined(separator: "\n"))
            """)
    }

    /// Argument-parser's own messages (`Error: …`) are catalogued too but are not written in `Sources/`.
    @Test func everyCataloguedMessageIsStillInTheSources() throws {
        let written = Set(Self.sourceTemplates.map(\.template))
        let stale = try ErrorCatalogue.load().templates
            .filter { !$0.template.hasPrefix("Error: ") && !written.contains(ErrorCatalogue.canonical($0.template)) }
        #expect(stale.isEmpty, """
            docs/errors.md lists messages no source writes:
            \(stale.map { "docs/errors.md:\($0.line): `\($0.template)`" }.joined(separator: "\n"))
            """)
    }

    @Test func everyExampleInTheCataloguePrintsWhatItShows() throws {
        let catalogue = try ErrorCatalogue.load()
        #expect(catalogue.examples.count >= 30)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fleetsim-errors-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        for (name, contents) in catalogue.files {
            let url = directory.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try contents.write(to: url, atomically: true, encoding: .utf8)
        }
        let results = RunResults(count: catalogue.examples.count)
        DispatchQueue.concurrentPerform(iterations: catalogue.examples.count) { index in
            results.set(index, try? FleetSimBinary.run(catalogue.examples[index].arguments, in: directory))
        }
        for (index, example) in catalogue.examples.enumerated() {
            guard let result = results.get(index) else {
                Issue.record("docs/errors.md:\(example.line): fleetsim did not run")
                continue
            }
            #expect(result.standardOutput + result.standardError == example.expectedOutput, "docs/errors.md:\(example.line)")
            #expect(result.status == example.expectedStatus, "docs/errors.md:\(example.line)")
        }
    }
}

/// Results written by concurrent runs.
private final class RunResults: @unchecked Sendable {
    private var results: [FleetSimBinary.Result?]
    private let lock = NSLock()
    init(count: Int) { results = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ result: FleetSimBinary.Result?) { lock.lock(); results[index] = result; lock.unlock() }
    func get(_ index: Int) -> FleetSimBinary.Result? { lock.lock(); defer { lock.unlock() }; return results[index] }
}
