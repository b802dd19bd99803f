import Testing

/// `fleetsim simulate` on the harness-batching example: the printed table is the checked-in one, and the batcher
/// lengthens TTFT by the time queries wait for their batch and for its prompts' prefill.
@Suite(.serialized)
struct HarnessBatchingCommandTests {
    @Test func harnessBatchingExampleMatchesExpectedOutput() throws {
        let result = try FleetSimBinary.run(["simulate", "Examples/harness-batching.yaml"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput == (try FleetSimBinary.expected("simulate-harness-batching.txt")))
        let ttft = try FleetSimBinary.tableValues(result.standardOutput, "TTFT mean")
        let throughput = try FleetSimBinary.tableValues(result.standardOutput, "requests/s")
        // Both keep up with the 71.5 queries/s; the batched queries wait on average at least a third of the 0.3 s.
        #expect(ttft.count == 2 && ttft[1] > ttft[0] + 100)
        #expect(throughput.count == 2 && abs(throughput[1] - throughput[0]) < 0.02 * throughput[0])
    }
}
