import Foundation
import Testing

/// `fleetsim compare`: the README's main command, its report files, its determinism, and the CI gate's exit
/// codes and JUnit file, end to end on the built binary.
@Suite(.serialized)
struct CompareCommandTests {
    static func temporaryDirectory() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("fleetsim-compare-\(UUID().uuidString)")
    }

    @Test func reportsMatchExpectedFilesAndAreByteIdenticalAcrossRuns() throws {
        let first = Self.temporaryDirectory(), second = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: first); try? FileManager.default.removeItem(at: second) }
        let run = try FleetSimBinary.run(["compare", "Examples/rent-vs-own.yaml", "--output", first.path])
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardOutput == (try FleetSimBinary.expected("compare-rent-vs-own.txt")))
        for name in ["comparison.txt", "options.csv", "months.csv", "comparison.json"] {
            let written = try String(contentsOf: first.appendingPathComponent(name), encoding: .utf8)
            #expect(written == (try FleetSimBinary.expected("compare-rent-vs-own/\(name)")), "\(name) differs from Examples/expected")
        }
        let again = try FleetSimBinary.run(["compare", "Examples/rent-vs-own.yaml", "--output", second.path])
        #expect(again.status == 0)
        let names = ["comparison.txt", "options.csv", "months.csv", "comparison.json", "comparison.md", "comparison.html"]
        for name in names {
            let a = try Data(contentsOf: first.appendingPathComponent(name)), b = try Data(contentsOf: second.appendingPathComponent(name))
            #expect(a == b, "\(name) differs between two runs with the same seed")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: first.path).sorted() == names.sorted())

        let html = try String(contentsOf: first.appendingPathComponent("comparison.html"), encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.components(separatedBy: "<svg").count - 1 >= 6, "charts: cumulative cash, cost per Mtok, TTFT, TPOT, interactivity, tornado")
        #expect(!html.contains("<script"), "the report is static")
        for chart in ["Cumulative cash over the horizon", "Cost per million tokens", "Latency against load", "Throughput against interactivity",
                      "What moves the answer"] {
            #expect(html.contains(chart))
        }
        let markdown = try String(contentsOf: first.appendingPathComponent("comparison.md"), encoding: .utf8)
        #expect(markdown.hasPrefix("# rent-vs-own\n"))
        #expect(markdown.contains("| metric | own-hgx-h100 | own-atlas-800 | rent-h100-on-demand | rent-h100-reserved-3y | api |"))
    }

    @Test func jsonCarriesSchemaUnitsAndOnlyFiniteNumbers() throws {
        let text = try FleetSimBinary.expected("compare-rent-vs-own/comparison.json")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(json["schema_version"] as? Int == 1)
        #expect(json["seed"] as? Int == 42)
        #expect((json["scenario"] as? [String: Any])?["name"] as? String == "rent-vs-own")
        let options = try #require(json["options"] as? [[String: Any]])
        #expect(options.map { $0["name"] as? String } == ["own-hgx-h100", "own-atlas-800", "rent-h100-on-demand", "rent-h100-reserved-3y", "api"])
        let own = try #require(options.first?["metrics"] as? [String: [String: Any]])
        #expect(own["cost_per_mtok"]?["unit"] as? String == "USD/Mtok")
        #expect(own["tokens_per_provisioned_megawatt"]?["unit"] as? String == "tokens/s/MW")
        #expect(own["joules_per_output_token"]?["unit"] as? String == "J/token")
        var numbers = 0
        func walk(_ value: Any) {
            switch value {
            case let number as NSNumber:
                numbers += 1
                #expect(number.doubleValue.isFinite)
            case let dictionary as [String: Any]: dictionary.values.forEach(walk)
            case let array as [Any]: array.forEach(walk)
            default: break
            }
        }
        walk(json)
        #expect(numbers > 1000)
        #expect(!text.contains(": nan") && !text.contains(": NaN") && !text.contains("Infinity") && !text.contains(": inf"))
    }

    @Test func checksExitZeroWhenTheyHoldAndOneWithALinePerBreach() throws {
        let directory = Self.temporaryDirectory()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let junit = directory.appendingPathComponent("checks.xml")

        let holding = try FleetSimBinary.run(["compare", "Examples/ci-budget.yaml", "--check", "--junit", junit.path])
        #expect(holding.status == 0, "\(holding.standardError)")
        #expect(holding.standardOutput.contains("checks: 5 of 5 hold"))
        let passed = try String(contentsOf: junit, encoding: .utf8)
        #expect(passed.contains("<testsuite name=\"ci-budget\" tests=\"5\" failures=\"0\""))
        #expect(passed.contains("<testcase classname=\"ci-budget\" name=\"rent-h100.max_ttft_p99\"/>"))

        let breached = try FleetSimBinary.run(["compare", "Examples/ci-budget.yaml", "--max-cost-per-mtok", "0.30USD", "--max-ttft-p99", "50ms",
                                               "--junit", junit.path])
        #expect(breached.status == 1)
        let breaches = breached.standardError.split(separator: "\n")
        #expect(breaches.count == 2, "\(breached.standardError)")
        #expect(breaches.contains { $0.hasPrefix("check failed: FAIL: rent-h100 max_ttft_p99 = ") && $0.hasSuffix("s (limit ≤ 0.05 s)") })
        #expect(breaches.contains("check failed: FAIL: api max_cost_per_mtok = 0.4 USD/Mtok (limit ≤ 0.3 USD/Mtok)"))
        let failed = try String(contentsOf: junit, encoding: .utf8)
        #expect(failed.contains("tests=\"5\" failures=\"2\""))
        #expect(failed.contains("<failure message=\"FAIL: api max_cost_per_mtok = 0.4 USD/Mtok (limit ≤ 0.3 USD/Mtok)\" type=\"threshold\">"))

        let onlyApi = try FleetSimBinary.run(["compare", "Examples/ci-budget.yaml", "--check", "--check-option", "api"])
        #expect(onlyApi.status == 0)
        #expect(onlyApi.standardOutput.contains("checks: 1 of 1 hold"))
    }

    @Test func badThresholdsExitTwoWithAMessage() throws {
        let unit = try FleetSimBinary.run(["compare", "Examples/ci-budget.yaml", "--max-ttft-p99", "2 tokens"])
        #expect(unit.status == 2)
        #expect(unit.standardError.hasPrefix("error: --max-ttft-p99: "))
        let option = try FleetSimBinary.run(["compare", "Examples/ci-budget.yaml", "--check-option", "ap"])
        #expect(option.status == 2)
        #expect(option.standardError == "error: --check-option: unknown option 'ap'; the scenario has rent-h100, api\n")
        let path = Self.temporaryDirectory().appendingPathExtension("yaml")
        defer { try? FileManager.default.removeItem(at: path) }
        let scenario = try String(contentsOfFile: FleetSimBinary.repositoryRoot.appendingPathComponent("Examples/ci-budget.yaml").path, encoding: .utf8)
            .replacingOccurrences(of: "  max_ttft_p99: 2 s", with: "  max_ttft_p99: -2 s\n  options: [rent]")
        try scenario.write(to: path, atomically: true, encoding: .utf8)
        let bad = try FleetSimBinary.run(["compare", path.path])
        #expect(bad.status == 2)
        #expect(bad.standardError.contains(":53:3: error: unknown option 'rent'; did you mean 'rent-h100'?") || bad.standardError.contains("unknown option 'rent'"))
        #expect(bad.standardError.contains("error: 'max_ttft_p99' must be positive, got '-2 s'"))
    }

    @Test func hybridExampleMatchesExpectedOutput() throws {
        let run = try FleetSimBinary.run(["compare", "Examples/hybrid-peak.yaml"])
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardOutput == (try FleetSimBinary.expected("compare-hybrid-peak.txt")))
        #expect(run.standardOutput.contains("own-hybrid"))
    }

    /// Progress goes to standard error only when it is a terminal: `script` gives the command a pseudo-terminal.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
    func progressShowsOnATerminalOnly() throws {
        let log = Self.temporaryDirectory().appendingPathExtension("log")
        defer { try? FileManager.default.removeItem(at: log) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qc", "'\(FleetSimBinary.executable.path)' compare Examples/ci-budget.yaml > /dev/null", log.path]
        process.currentDirectoryURL = FleetSimBinary.repositoryRoot
        process.standardOutput = Pipe()
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(try String(contentsOf: log, encoding: .utf8).contains("compare: simulating the month-1 fleets"))
        let piped = try FleetSimBinary.run(["compare", "Examples/ci-budget.yaml"])
        #expect(piped.status == 0 && piped.standardError.isEmpty)
    }
}
