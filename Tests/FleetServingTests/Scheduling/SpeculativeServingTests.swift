import Testing
import FleetPerformance
@testable import FleetServing

/// Speculative decoding in continuous batching: tokens per step vary per sequence with the accepted drafts.
struct SpeculativeServingTests {
    static func speculative(_ model: StepModel, _ acceptance: [Double]) throws -> SpeculativeDecoding {
        try SpeculativeDecoding.make(method: .multiTokenPrediction, draftTokens: acceptance.count, acceptance: acceptance,
                                     target: model.spec)
    }

    static let requests = WorkloadGenerator.requests(count: 200, arrivals: .poisson(rate: 4), input: .uniform(minimum: 100, maximum: 2000),
                                                     output: .lognormal(mean: 300, standardDeviation: 200), seed: 3)

    /// Every request gets exactly the tokens it asked for, however many drafts were accepted, also when the KV
    /// cache is short and sequences are preempted mid-speculation.
    @Test func tokensOutEqualTokensRequested() throws {
        let (model, memory) = try ServingFixtures.model()
        let speculative = try Self.speculative(model, [0.9, 0.7, 0.5])
        for kvTokens in [memory.kvCapacityTokens, 12 * 1024] {
            let run = ReplicaSimulator(model: model, limits: ServingFixtures.limits(memory, kvTokens: kvTokens), speculative: speculative, seed: 5)
                .run(Self.requests)
            #expect(run.records.count == Self.requests.count)
            let requested = Self.requests.reduce(0) { $0 + $1.outputTokens }
            #expect(run.records.reduce(0) { $0 + $1.outputTokens } == requested)
            #expect(run.sampledTokens == requested)
        }
    }

    /// With every draft accepted a sequence gains k + 1 tokens a step, so a request of n tokens needs
    /// ⌈(n − 1) / (k + 1)⌉ decode steps after its first token; with none accepted it needs n − 1.
    @Test func deliveriesFollowTheAcceptedDrafts() throws {
        let (model, memory) = try ServingFixtures.model()
        let request = [Request(arrival: 0, inputTokens: 500, outputTokens: 101)]
        let all = ReplicaSimulator(model: model, limits: ServingFixtures.limits(memory), speculative: try Self.speculative(model, [1, 1, 1]))
            .run(request)
        #expect(all.deliveries == 25)
        let none = ReplicaSimulator(model: model, limits: ServingFixtures.limits(memory), speculative: try Self.speculative(model, [0, 0, 0]))
            .run(request)
        #expect(none.deliveries == 100)
        // Nothing accepted: the same number of steps as plain decoding, each longer by the drafts' cost.
        let plain = ReplicaSimulator(model: model, limits: ServingFixtures.limits(memory)).run(request)
        #expect(plain.deliveries == 100)
        #expect(none.records[0].finish > plain.records[0].finish)
        #expect(all.records[0].finish < plain.records[0].finish)
    }

    /// The mean tokens per delivery approaches the acceptance chain's expectation `1 + Σᵢ Πⱼ≤ᵢ aⱼ`.
    @Test func tokensPerDeliveryMatchTheAcceptanceChain() throws {
        let (model, memory) = try ServingFixtures.model()
        let speculative = try Self.speculative(model, [0.8, 0.6])
        let requests = WorkloadGenerator.requests(count: 400, arrivals: .poisson(rate: 8), input: .fixed(200), output: .fixed(2001), seed: 9)
        let run = ReplicaSimulator(model: model, limits: ServingFixtures.limits(memory), speculative: speculative, seed: 1).run(requests)
        let deliveries = run.deliveries
        let perDelivery = Double(400 * 2000) / Double(deliveries)
        // Only the last step of a request caps its drafts, so the mean is within 1 % of 1 + 0.8 + 0.48.
        #expect(abs(perDelivery - speculative.expectedTokensPerStep) < 0.01 * speculative.expectedTokensPerStep)
    }

    /// Same seed, same run; another seed draws other acceptances.
    @Test func acceptedDraftsAreSeeded() throws {
        let (model, memory) = try ServingFixtures.model()
        let speculative = try Self.speculative(model, [0.7])
        func metrics(seed: UInt64) -> ServingMetrics {
            ServingSimulation(model: model, limits: ServingFixtures.limits(memory), replicas: 2, router: .leastOutstanding,
                              speculative: speculative, seed: seed)
                .run(Self.requests, arrivals: .poisson(rate: 4))
        }
        #expect(metrics(seed: 1) == metrics(seed: 1))
        #expect(metrics(seed: 1).timePerOutputToken != metrics(seed: 2).timePerOutputToken)
    }
}
