import Foundation
import Testing

/// `fleetsim simulate` on the capped-client example: the printed table is the checked-in one, no more than the
/// cap is in flight (Little's law: requests/s × mean E2E ≤ 16), and without the cap the same rate queues in the
/// engine (TTFT grows several-fold).
@Suite(.serialized)
struct CappedClientCommandTests {
    static func value(_ output: String, _ metric: String) throws -> Double {
        try #require(FleetSimBinary.tableValues(output, metric).last)
    }

    @Test func cappedClientExampleMatchesExpectedOutput() throws {
        let result = try FleetSimBinary.run(["simulate", "Examples/capped-client.yaml"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput == (try FleetSimBinary.expected("simulate-capped-client.txt")))
        let inFlight = try Self.value(result.standardOutput, "requests/s") * Self.value(result.standardOutput, "E2E mean (ms)") / 1000
        #expect(inFlight <= 16 * 1.001, "requests in flight by Little's law: \(inFlight)")
        #expect(inFlight > 15, "the cap binds at 40 requests/s: \(inFlight)")

        let text = try String(contentsOfFile: "Examples/capped-client.yaml", encoding: .utf8)
        let uncappedFile = FileManager.default.temporaryDirectory.appendingPathComponent("uncapped-\(UUID().uuidString).yaml")
        try text.replacingOccurrences(of: ", max_concurrency: 16", with: "").write(to: uncappedFile, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: uncappedFile) }
        let uncapped = try FleetSimBinary.run(["simulate", uncappedFile.path])
        #expect(uncapped.status == 0, "\(uncapped.standardError)")
        #expect(try Self.value(uncapped.standardOutput, "TTFT mean (ms)") > 10 * Self.value(result.standardOutput, "TTFT mean (ms)"))
    }
}
