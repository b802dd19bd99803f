import Foundation
import Testing
import FleetProfiles
import FleetServing
@testable import FleetScenario

/// `workload.trace`: a trace file beside the scenario replayed for arrivals and lengths, with located errors.
struct TraceReferenceTests {
    /// A scenario and its trace files in a fresh folder; returns the scenario's path.
    func write(workload: String, files: [String: String]) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fleetsim-trace-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("traces"), withIntermediateDirectories: true)
        for (name, text) in files { try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        let start = Fixtures.valid.range(of: "workload:\n")!, end = Fixtures.valid.range(of: "finance:\n")!
        let text = String(Fixtures.valid[..<start.lowerBound]) + workload + String(Fixtures.valid[end.lowerBound...])
        let path = folder.appendingPathComponent("plan.yaml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func errors(_ path: String) -> [String] {
        do {
            _ = try ScenarioLoader.load(path: path, catalog: Fixtures.catalog)
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    static let mooncake = """
        {"timestamp": 0, "input_length": 100, "output_length": 10, "hash_ids": [0]}
        {"timestamp": 500, "input_length": 200, "output_length": 20, "hash_ids": [1]}
        {"timestamp": 1500, "input_length": 300, "output_length": 30, "hash_ids": [2]}

        """

    @Test func traceArrivalsAndLengthsReplayTheFileRelativeToTheScenario() throws {
        let path = try write(workload: """
            workload:
              trace: {file: traces/t.jsonl}
              arrivals: {pattern: trace}
              input_tokens: trace
              output_tokens: trace
              requests: 2

            """, files: ["traces/t.jsonl": Self.mooncake])
        let scenario = try ScenarioLoader.load(path: path, catalog: Fixtures.catalog)
        let (_, requests) = ScenarioSimulation.requests(scenario)
        #expect(requests == [Request(arrival: 0, inputTokens: 100, outputTokens: 10), Request(arrival: 0.5, inputTokens: 200, outputTokens: 20)])
        #expect(ScenarioSimulation.meanRequestRate(scenario) == 2)
    }

    @Test func missingTraceFileIsLocatedAtItsName() throws {
        let path = try write(workload: """
            workload:
              trace: {file: traces/none.jsonl}
              arrivals: {pattern: trace}

            """, files: [:])
        let folder = (path as NSString).deletingLastPathComponent
        #expect(errors(path) == [
            "\(path):12:17: error: cannot read trace 'traces/none.jsonl': no such file (looked for '\(folder)/traces/none.jsonl')",
        ])
    }

    @Test func malformedTraceLineIsReportedInTheTraceFile() throws {
        let path = try write(workload: """
            workload:
              trace: {file: traces/t.jsonl}
              input_tokens: trace

            """, files: ["traces/t.jsonl": Self.mooncake + "{\"timestamp\": 9, \"input_length\": 0, \"output_length\": 1}\n"])
        let folder = (path as NSString).deletingLastPathComponent
        #expect(errors(path) == ["\(folder)/traces/t.jsonl:4:1: error: 'input_length' must be at least 1 token, got 0"])
    }

    @Test func traceArrivalsNeedATraceFile() {
        let text = Fixtures.valid.replacingOccurrences(of: "arrivals: {pattern: poisson, rate: 2}", with: "arrivals: {pattern: trace}\n  input_tokens: trace")
        do {
            _ = try ScenarioLoader.load(text: text, file: "plan.yaml", catalog: Fixtures.catalog)
            Issue.record("expected errors")
        } catch {
            #expect(error.diagnostics.map(\.description) == [
                "plan.yaml:12:13: error: 'trace' arrivals need a trace file: set 'workload.trace' (file: path relative to the scenario)",
                "plan.yaml:13:17: error: 'input_tokens: trace' needs a trace file: set 'workload.trace' (file: path relative to the scenario)",
            ])
        }
    }

    @Test func vllmResultWithoutArrivalsCannotDriveTraceArrivalsAndSaysWhy() throws {
        let result = #"{"request_rate": 4.0, "burstiness": 1.0, "input_lens": [10, 20], "output_lens": [5, 6], "errors": ["", ""]}"#
        let path = try write(workload: """
            workload:
              trace: {file: result.json}
              arrivals: {pattern: trace}
              requests: 5
              output_tokens: trace

            """, files: ["result.json": result])
        #expect(errors(path) == [
            "\(path):13:23: error: trace 'result.json' records no arrival times (the benchmark ran at request_rate 4, burstiness 1); "
                + "replay its lengths with poisson, gamma or constant arrivals",
            "\(path):14:13: error: 'requests' (5) exceeds the 2 requests of trace 'result.json'",
        ])
    }

    @Test func vllmResultLengthsReplayAtTheScenarioRate() throws {
        let result = #"{"input_lens": [10, 20, 30], "output_lens": [5, 6, 7], "errors": ["", "", ""]}"#
        let path = try write(workload: """
            workload:
              trace: {file: result.json, format: vllm-bench}
              arrivals: {pattern: poisson, rate: 3}
              input_tokens: trace
              output_tokens: trace
              requests: 3

            """, files: ["result.json": result])
        let scenario = try ScenarioLoader.load(path: path, catalog: Fixtures.catalog)
        let (_, requests) = ScenarioSimulation.requests(scenario)
        let poisson = WorkloadGenerator.requests(count: 3, arrivals: .poisson(rate: 3), input: .fixed(1), output: .fixed(1), seed: scenario.seed)
        #expect(requests.map(\.arrival) == poisson.map(\.arrival))
        #expect(requests.map(\.inputTokens) == [10, 20, 30])
    }

    @Test func traceReferenceSurvivesTheEffectiveDump() throws {
        let path = try write(workload: """
            workload:
              trace: {file: traces/t.jsonl, format: mooncake}
              arrivals: {pattern: trace}
              input_tokens: trace
              output_tokens: trace
              requests: 3

            """, files: ["traces/t.jsonl": Self.mooncake])
        let document = try ScenarioDocument.load(path: path, catalog: Fixtures.catalog)
        let printed = try document.yaml(effective: true)
        #expect(printed.contains("trace:\n    file: traces/t.jsonl\n    format: mooncake\n"))
        #expect(printed.contains("input_tokens: trace\n"))
    }
}
