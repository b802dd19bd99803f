import Testing
import FleetPerformance
@testable import FleetServing

/// Prefix-cache hits: cached prompt tokens skip prefill compute but still take KV blocks.
struct PrefixCacheTests {
    @Test(arguments: [(0.0, 1000, 0), (0.3, 1000, 300), (0.999, 1000, 999), (0.5, 1, 0), (0.25, 7, 1)])
    func cachedTokensAreTheHitRateOfThePromptLeavingOneToCompute(hitRate: Double, input: Int, cached: Int) {
        #expect(Request(arrival: 0, inputTokens: input, outputTokens: 1).withPrefixCacheHit(hitRate).cachedTokens == cached)
    }

    /// A higher hit rate never raises TTFT: at light load (one prefill step per request) and near saturation,
    /// in the mean and at the 99th percentile.
    @Test(arguments: [ArrivalProcess.constant(rate: 0.5), .poisson(rate: 30), .gamma(rate: 40, burstiness: 2)])
    func higherHitRateNeverRaisesTTFT(arrivals: ArrivalProcess) throws {
        let (model, memory) = try ServingFixtures.model()
        let requests = WorkloadGenerator.requests(count: 600, arrivals: arrivals, input: .uniform(minimum: 500, maximum: 4000),
                                                  output: .uniform(minimum: 16, maximum: 256), seed: 8)
        var previous: ServingMetrics?
        for hitRate in [0.0, 0.2, 0.4, 0.6, 0.8, 0.95] {
            let metrics = ServingSimulation(model: model, limits: ServingFixtures.limits(memory), replicas: 1)
                .run(requests.map { $0.withPrefixCacheHit(hitRate) }, arrivals: arrivals)
            if let previous {
                #expect(metrics.timeToFirstToken.mean <= previous.timeToFirstToken.mean, "hit rate \(hitRate)")
                #expect(metrics.timeToFirstToken.p99 <= previous.timeToFirstToken.p99, "hit rate \(hitRate)")
            }
            previous = metrics
        }
    }

    /// At light load TTFT is one prefill step of the uncached tokens after the cached ones.
    @Test func lightLoadTTFTIsThePrefillOfTheUncachedTokens() throws {
        let (model, memory) = try ServingFixtures.model()
        let requests = [Request(arrival: 0, inputTokens: 2048, outputTokens: 8).withPrefixCacheHit(0.75)]
        let run = ReplicaSimulator(model: model, limits: ServingFixtures.limits(memory)).run(requests)
        let expected = model.stepTime(model.features(of: BatchState(prefill: [.init(tokens: 512, cached: 1536)])))
        #expect(abs(run.records[0].firstToken - expected) <= 1e-9 * expected)
    }

    /// Cached tokens take KV blocks: a cache that holds one whole request at a time serves two requests one
    /// after the other, hit or not.
    @Test func cachedTokensStillOccupyTheKVCache() throws {
        let (model, memory) = try ServingFixtures.model()
        let limits = ServingFixtures.limits(memory, kvTokens: 1100)
        let requests = (0..<2).map { _ in Request(arrival: 0, inputTokens: 1000, outputTokens: 50).withPrefixCacheHit(0.9) }
        let run = ReplicaSimulator(model: model, limits: limits).run(requests)
        #expect(run.records.count == 2)
        #expect(run.preemptions == 0)
        #expect(run.records[1].firstToken >= run.records[0].finish)
    }
}
