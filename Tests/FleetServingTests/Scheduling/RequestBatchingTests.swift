import Testing
import FleetPerformance
@testable import FleetServing

/// A batcher in front of the lanes: a batch leaves when full or when its wait since the previous batch has run out,
/// goes whole to one lane, and its requests' latencies count the time they were held.
struct RequestBatchingTests {
    /// Batches of at most 3, 0.3 s apart while requests wait: full at 0.2 s, the rest at the wait's end (0.5 s), a
    /// request after a quiet spell at once (2.0 s), the last one at its wait's end (2.3 s).
    @Test func aBatchLeavesWhenFullOrWhenItsWaitRunsOut() {
        let releases = RequestBatching(maxRequests: 3, maxWait: 0.3).releases(of: [0, 0.1, 0.2, 0.25, 0.5, 2.0, 2.05])
        #expect(releases.map(\.batch) == [0, 0, 0, 1, 1, 2, 3])
        let expected = [0.2, 0.2, 0.2, 0.5, 0.5, 2.0, 2.3]
        #expect(zip(releases.map(\.time), expected).allSatisfy { abs($0 - $1) < 1e-12 }, "\(releases.map(\.time))")
    }

    /// On a Poisson stream: no request leaves before it arrives or waits longer than the wait, batches leave in
    /// order and hold at most `maxRequests`.
    @Test(arguments: [(8, 0.3), (96, 0.3), (1, 0.0), (5, 0.0)])
    func holdsAreBoundedByTheWait(maxRequests: Int, maxWait: Double) {
        let arrivals = WorkloadGenerator.requests(count: 2000, arrivals: .poisson(rate: 70), input: .fixed(1), output: .fixed(1), seed: 4)
            .map(\.arrival)
        let releases = RequestBatching(maxRequests: maxRequests, maxWait: maxWait).releases(of: arrivals)
        #expect(releases.count == arrivals.count)
        for (arrival, release) in zip(arrivals, releases) {
            #expect(release.time >= arrival && release.time <= arrival + maxWait + 1e-9)
        }
        #expect(zip(releases, releases.dropFirst()).allSatisfy { $0.time <= $1.time && ($1.batch == $0.batch || $1.batch == $0.batch + 1) })
        let sizes = Dictionary(grouping: releases, by: \.batch).mapValues(\.count)
        #expect(sizes.values.allSatisfy { $0 <= maxRequests })
    }

    /// One request per batch is round-robin routing: the same metrics as the lanes without a batcher.
    @Test func batchesOfOneAreRoundRobin() throws {
        let (model, memory) = try ServingFixtures.model()
        let requests = WorkloadGenerator.requests(count: 600, arrivals: .poisson(rate: 20), input: .uniform(minimum: 50, maximum: 1500),
                                                  output: .uniform(minimum: 10, maximum: 300), seed: 9)
        let direct = ServingSimulation(model: model, limits: ServingFixtures.limits(memory), replicas: 3)
        let batched = ServingSimulation(model: model, limits: ServingFixtures.limits(memory), replicas: 3,
                                        batching: RequestBatching(maxRequests: 1, maxWait: 0.5))
        let a = direct.run(requests, arrivals: .poisson(rate: 20)), b = batched.run(requests, arrivals: .poisson(rate: 20))
        #expect(a.timeToFirstToken == b.timeToFirstToken)
        #expect(a.endToEnd == b.endToEnd)
        #expect(a.duration == b.duration)
    }

    /// A batch goes whole to one lane, the next batch to the next lane: eight requests at once in batches of four put
    /// the four short ones on lane 0 and the four long ones on lane 1 (round-robin would mix them).
    @Test func aBatchGoesWholeToOneLane() throws {
        let (model, memory) = try ServingFixtures.model()
        let requests = (0..<8).map { Request(arrival: 0, inputTokens: 100, outputTokens: $0 < 4 ? 10 : 500) }
        let simulation = ServingSimulation(model: model, limits: ServingFixtures.limits(memory), replicas: 2,
                                           batching: RequestBatching(maxRequests: 4, maxWait: 0.3))
        let runs = simulation.runBatched(requests, batching: try #require(simulation.batching))
        #expect(runs.count == 2)
        #expect(runs[0].records.map(\.outputTokens) == [10, 10, 10, 10])
        #expect(runs[1].records.map(\.outputTokens) == [500, 500, 500, 500])
    }

    /// Every request finishes with its tokens; latencies count from the arrival, so each TTFT covers the time the
    /// request was held, and the batched run's TTFT exceeds the direct one's.
    @Test func latenciesCountTheTimeHeld() throws {
        let (model, memory) = try ServingFixtures.model()
        let arrivals = ArrivalProcess.poisson(rate: 30)
        let requests = WorkloadGenerator.requests(count: 1500, arrivals: arrivals, input: .fixed(300), output: .fixed(100), seed: 2)
        let batching = RequestBatching(maxRequests: 16, maxWait: 0.3)
        let simulation = ServingSimulation(model: model, limits: ServingFixtures.limits(memory), replicas: 2, batching: batching)
        let records = simulation.runBatched(requests, batching: batching).flatMap(\.records)
        #expect(records.count == requests.count)
        #expect(records.reduce(0) { $0 + $1.outputTokens } == requests.reduce(0) { $0 + $1.outputTokens })
        #expect(records.map(\.arrival).sorted() == requests.map(\.arrival).sorted())
        let held = zip(batching.releases(of: requests.map(\.arrival)), requests).map { $0.time - $1.arrival }
        let meanHeld = held.reduce(0, +) / Double(held.count)
        #expect(meanHeld > 0.05)
        let batched = simulation.run(requests, arrivals: arrivals)
        let direct = ServingSimulation(model: model, limits: ServingFixtures.limits(memory), replicas: 2).run(requests, arrivals: arrivals)
        #expect(batched.timeToFirstToken.mean >= direct.timeToFirstToken.mean + meanHeld * 0.9)
    }
}
