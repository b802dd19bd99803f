import Foundation
import Testing
import FleetUnits
@testable import FleetPerformance

/// Shards store outcomes as JSON; a merge is byte-identical to an unsharded run only if every double comes
/// back with the same bits.
struct SweepOutcomeCodableTests {
    static func metrics(_ value: Double) -> SweepMetrics {
        SweepMetrics(timeToFirstToken: Seconds(value), timePerOutputToken: Seconds(value.nextUp), endToEnd: Seconds(value.nextDown),
                     outputThroughput: TokensPerSecond(value / 3), outputThroughputPerDevice: TokensPerSecond(value.squareRoot()),
                     tokensPerSecondPerUser: TokensPerSecond(value / 7), weightsPerDevice: Bytes(value * 0.9),
                     kvCapacityTokens: 402_112)
    }

    @Test(arguments: [0.1, 1.0 / 3, .pi, 17.132_812_345_678_9, 1e-300, .leastNonzeroMagnitude, .greatestFiniteMagnitude / 8, 123_456_789.123_456_78])
    func outcomesRoundTripBitForBit(value: Double) throws {
        let outcomes: [SweepOutcome] = [.feasible(Self.metrics(value)), .infeasible(reason: "KV cache holds 3 tokens, the batch needs \"4\"")]
        let decoded = try JSONDecoder().decode([SweepOutcome].self, from: JSONEncoder().encode(outcomes))
        #expect(decoded == outcomes)
    }

    @Test func encodingNamesEachQuantityWithItsUnit() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let text = String(decoding: try encoder.encode(SweepOutcome.feasible(Self.metrics(2))), as: UTF8.self)
        #expect(text.hasPrefix("{\"feasible\":{\"e2e_s\":1.9999999999999998,\"kv_capacity_tokens\":402112,"))
        #expect(text.contains("\"ttft_s\":2,"))
        #expect(text.hasSuffix("\"weights_per_device_bytes\":1.8}}"))
        #expect(String(decoding: try encoder.encode(SweepOutcome.infeasible(reason: "no")), as: UTF8.self) == "{\"infeasible\":\"no\"}")
    }

    @Test func outcomeWithNeitherCaseIsRefused() {
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(SweepOutcome.self, from: Data("{}".utf8)) }
    }
}
