import Testing
import FleetPerformance
@testable import FleetServing

/// Prefill/decode disaggregation: a prefill pool, the KV moved over the link, a decode pool.
struct DisaggregationTests {
    static func simulation(bandwidth: Double = 50e9, prefill: Int = 1, decode: Int = 1, replicas: Int = 1) throws -> ServingSimulation {
        let (model, memory) = try ServingFixtures.model()
        let split = Disaggregation(prefillReplicas: prefill, decodeReplicas: decode, transferBandwidth: bandwidth,
                                   kvBytesPerToken: memory.kvBytesPerToken.value)
        return ServingSimulation(model: model, limits: ServingFixtures.limits(memory), replicas: replicas, disaggregation: split)
    }

    static let longPrompts = WorkloadGenerator.requests(count: 300, arrivals: .poisson(rate: 6), input: .uniform(minimum: 3000, maximum: 8000),
                                                        output: .lognormal(mean: 200, standardDeviation: 100), seed: 4)

    @Test func everyRequestIsServedWithTheTokensItAskedFor() throws {
        for (prefill, decode, replicas) in [(1, 1, 1), (1, 3, 1), (2, 1, 2)] {
            let metrics = try Self.simulation(prefill: prefill, decode: decode, replicas: replicas).run(Self.longPrompts, arrivals: .poisson(rate: 6))
            #expect(metrics.requests == Self.longPrompts.count)
            let requested = Self.longPrompts.reduce(0) { $0 + $1.outputTokens }
            #expect(abs(metrics.outputThroughput * metrics.duration - Double(requested)) < 1e-6 * Double(requested))
        }
    }

    /// Decode replicas never run a prefill, so long prompts arriving do not stretch their steps: TPOT is lower
    /// than on the same two replicas serving both phases, at the same load.
    @Test func separatingPrefillsKeepsDecodeStepsShort() throws {
        let (model, memory) = try ServingFixtures.model()
        let colocated = ServingSimulation(model: model, limits: ServingFixtures.limits(memory), replicas: 2)
            .run(Self.longPrompts, arrivals: .poisson(rate: 6))
        let disaggregated = try Self.simulation().run(Self.longPrompts, arrivals: .poisson(rate: 6))
        #expect(disaggregated.timePerOutputToken.p99 < colocated.timePerOutputToken.p99)
    }

    /// The first token reaches the client once the KV has moved: a slower link adds `input × KV bytes / bandwidth`
    /// to TTFT (here at a light load, where no queue forms in either pool).
    @Test func kvTransferTimeAddsToTheFirstToken() throws {
        let (_, memory) = try ServingFixtures.model()
        let requests = WorkloadGenerator.requests(count: 40, arrivals: .poisson(rate: 0.2), input: .fixed(4000), output: .fixed(50), seed: 2)
        let fast = try Self.simulation(bandwidth: 1e15).run(requests, arrivals: .poisson(rate: 0.2))
        let slow = try Self.simulation(bandwidth: 1e9).run(requests, arrivals: .poisson(rate: 0.2))
        let transfer = 4000 * memory.kvBytesPerToken.value / 1e9
        #expect(abs((slow.timeToFirstToken.mean - fast.timeToFirstToken.mean) - transfer) < 0.05 * transfer)
    }

    /// A one-token answer ends at the prefill pool.
    @Test func oneTokenAnswersEndAtThePrefillPool() throws {
        let requests = WorkloadGenerator.requests(count: 20, arrivals: .poisson(rate: 1), input: .fixed(1000), output: .fixed(1), seed: 3)
        let metrics = try Self.simulation(bandwidth: 1e6).run(requests, arrivals: .poisson(rate: 1))
        #expect(metrics.requests == 20)
        // A 1 MB/s link would add seconds per request had they gone on to the decode pool.
        #expect(metrics.endToEnd.p99 < 1)
    }
}
