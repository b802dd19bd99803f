import Testing

/// `fleetsim simulate` on the speculative-decoding example: the printed table is the checked-in one, and
/// the MTP deployment streams tokens faster than the plain one at the same load.
@Suite(.serialized)
struct SpeculativeDecodingCommandTests {
    @Test func speculativeExampleMatchesExpectedOutput() throws {
        let result = try FleetSimBinary.run(["simulate", "Examples/speculative-decoding.yaml"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput == (try FleetSimBinary.expected("simulate-speculative-decoding.txt")))
        let tpot = try #require(result.standardOutput.split(separator: "\n").first { $0.hasPrefix("TPOT mean") })
        let values = tpot.split(separator: " ").compactMap { Double($0) }
        #expect(values.count == 2 && values[1] < values[0])
    }
}
