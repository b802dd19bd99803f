import Foundation
import Testing

/// `fleetsim simulate` replaying the bundled trace, and a broken trace reported with its file and line.
@Suite(.serialized)
struct TraceReplayCommandTests {
    @Test func traceReplayMatchesExpectedOutputAndIsDeterministic() throws {
        let first = try FleetSimBinary.run(["simulate", "Examples/trace-replay.yaml"])
        #expect(first.status == 0, "\(first.standardError)")
        #expect(first.standardOutput == (try FleetSimBinary.expected("simulate-trace-replay.txt")))
        #expect(try FleetSimBinary.run(["simulate", "Examples/trace-replay.yaml"]).standardOutput == first.standardOutput)
    }

    @Test func malformedTraceLinesExitTwoWithTheirLocations() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fleetsim-cli-trace-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("traces"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = try String(contentsOf: FleetSimBinary.repositoryRoot.appendingPathComponent("Examples/trace-replay.yaml"), encoding: .utf8)
        try scenario.write(to: folder.appendingPathComponent("plan.yaml"), atomically: true, encoding: .utf8)
        let trace = """
            {"timestamp": 0, "input_length": 100, "output_length": 10}
            {"timestamp": 10, "input_length": 100, "output_length": 0}
            {"timestamp": 20, "input_length": 100, "output_length": 10
            """
        try trace.write(to: folder.appendingPathComponent("traces/bursty-chat.jsonl"), atomically: true, encoding: .utf8)
        let result = try FleetSimBinary.run(["simulate", folder.appendingPathComponent("plan.yaml").path])
        #expect(result.status == 2)
        #expect(result.standardOutput == "")
        let tracePath = folder.appendingPathComponent("traces/bursty-chat.jsonl").path
        #expect(result.standardError == """
            \(tracePath):2:1: error: 'output_length' must be at least 1 token, got 0
            \(tracePath):3:1: error: malformed JSON: unexpected end of file during JSON parse

            """)
    }

    @Test func missingTraceExitsTwo() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fleetsim-cli-trace-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = try String(contentsOf: FleetSimBinary.repositoryRoot.appendingPathComponent("Examples/trace-replay.yaml"), encoding: .utf8)
        let path = folder.appendingPathComponent("plan.yaml").path
        try scenario.write(toFile: path, atomically: true, encoding: .utf8)
        let result = try FleetSimBinary.run(["simulate", path])
        #expect(result.status == 2)
        #expect(result.standardError.hasPrefix("\(path):20:17: error: cannot read trace 'traces/bursty-chat.jsonl': no such file"))
    }
}
