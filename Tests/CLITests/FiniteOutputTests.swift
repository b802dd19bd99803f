import Foundation
import Testing

/// No output of any example carries NaN or infinity: every JSON file the examples produce is parsed and
/// every number in it checked, and every text output is searched for the words a non-finite number prints as.
@Suite(.serialized)
struct FiniteOutputTests {
    /// Every number in a parsed JSON value.
    static func numbers(in value: Any) -> [Double] {
        switch value {
        case let number as NSNumber: [number.doubleValue]
        case let dictionary as [String: Any]: dictionary.values.flatMap(numbers)
        case let array as [Any]: array.flatMap(numbers)
        default: []
        }
    }

    @Test func everyExampleJSONHasOnlyFiniteNumbers() throws {
        let root = FleetSimBinary.repositoryRoot
        var files: [URL] = []
        // Checked-in outputs of the examples (compare, plan, sweep).
        let expected = root.appendingPathComponent("Examples/expected")
        for case let url as URL in FileManager.default.enumerator(at: expected, includingPropertiesForKeys: nil)! where url.pathExtension == "json" {
            files.append(url)
        }
        // The comparisons of the other examples, written now.
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fleetsim-finite-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        for example in ["ci-budget", "hybrid-peak"] {
            let output = directory.appendingPathComponent(example)
            let run = try FleetSimBinary.run(["compare", "Examples/\(example).yaml", "-o", output.path])
            #expect(run.status == 0, "\(example): \(run.standardError)")
            files.append(output.appendingPathComponent("comparison.json"))
            for name in ["comparison.txt", "options.csv", "months.csv", "comparison.md", "comparison.html"] {
                let text = try String(contentsOf: output.appendingPathComponent(name), encoding: .utf8)
                let words = Set(text.split(whereSeparator: { !$0.isLetter }).map(String.init))
                for word in ["nan", "NaN", "inf", "Infinity"] {
                    #expect(!words.contains(word), "\(example)/\(name) prints '\(word)'")
                }
            }
        }
        #expect(files.count >= 5)
        for file in files {
            let json = try JSONSerialization.jsonObject(with: try Data(contentsOf: file))
            let numbers = Self.numbers(in: json)
            #expect(!numbers.isEmpty, "\(file.lastPathComponent)")
            #expect(numbers.allSatisfy { $0.isFinite }, "\(file.path) has a non-finite number")
        }
    }
}
