import Testing

/// `fleetsim simulate` on the disaggregation example: the printed table is the checked-in one, and the
/// disaggregated deployment trades a longer TTFT for a shorter TPOT against colocated replicas on the same devices.
@Suite(.serialized)
struct DisaggregationCommandTests {
    @Test func disaggregationExampleMatchesExpectedOutput() throws {
        let result = try FleetSimBinary.run(["simulate", "Examples/disaggregation.yaml"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput == (try FleetSimBinary.expected("simulate-disaggregation.txt")))
        let tpot = try FleetSimBinary.tableValues(result.standardOutput, "TPOT p99")
        let ttft = try FleetSimBinary.tableValues(result.standardOutput, "TTFT p99")
        #expect(tpot.count == 2 && tpot[1] < tpot[0])
        #expect(ttft.count == 2 && ttft[1] > ttft[0])
    }
}
