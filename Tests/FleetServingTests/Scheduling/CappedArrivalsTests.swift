import Testing
import FleetPerformance
@testable import FleetServing

/// A client's concurrency cap over open-loop arrivals (`vllm bench serve --max-concurrency`): requests are sent
/// at their scheduled time or, while the cap is reached, at the next completion.
struct CappedArrivalsTests {
    /// Most requests in flight at once, from the records' send and finish times.
    static func mostInFlight(_ records: [ReplicaSimulator.Record]) -> Int {
        var events: [(time: Double, change: Int)] = records.map { ($0.arrival, 1) } + records.map { ($0.finish, -1) }
        events.sort { $0.time == $1.time ? $0.change < $1.change : $0.time < $1.time }
        var inFlight = 0, most = 0
        for event in events { inFlight += event.change; most = max(most, inFlight) }
        return most
    }

    /// At 40 requests/s, far beyond what 12 requests in flight sustain, the cap binds: never more than 12 in flight,
    /// no request sent before its scheduled time, every request finished with its tokens.
    @Test(arguments: [RoutingPolicy.roundRobin, .leastOutstanding])
    func theCapBoundsTheRequestsInFlight(router: RoutingPolicy) throws {
        let (model, memory) = try ServingFixtures.model()
        let arrivals = ArrivalProcess.capped(.poisson(rate: 40), maxConcurrency: 12)
        let requests = WorkloadGenerator.requests(count: 500, arrivals: arrivals, input: .uniform(minimum: 100, maximum: 2000),
                                                  output: .uniform(minimum: 20, maximum: 300), seed: 5)
        let simulation = ServingSimulation(model: model, limits: ServingFixtures.limits(memory), replicas: 2, router: router)
        let records = simulation.runs(requests, arrivals: arrivals).flatMap(\.records)
        #expect(records.count == requests.count)
        #expect(records.reduce(0) { $0 + $1.outputTokens } == requests.reduce(0) { $0 + $1.outputTokens })
        #expect(Self.mostInFlight(records) <= 12)
        // Each lane's records keep its requests' order, so the sends sorted match the schedule sorted.
        let sends = records.map(\.arrival).sorted(), scheduled = requests.map(\.arrival).sorted()
        #expect(zip(sends, scheduled).allSatisfy { $0 >= $1 - 1e-12 })
        #expect(zip(sends, scheduled).contains { $0 > $1 + 0.1 }, "at this rate some requests must wait for the cap")
    }

    /// A cap that is never reached changes nothing: the same metrics as the uncapped schedule.
    @Test func aCapThatIsNeverReachedChangesNothing() throws {
        let (model, memory) = try ServingFixtures.model()
        let schedule = ArrivalProcess.poisson(rate: 2)
        let requests = WorkloadGenerator.requests(count: 300, arrivals: schedule, input: .fixed(512), output: .fixed(128), seed: 3)
        let simulation = ServingSimulation(model: model, limits: ServingFixtures.limits(memory), replicas: 1)
        let uncapped = simulation.run(requests, arrivals: schedule)
        let capped = simulation.run(requests, arrivals: .capped(schedule, maxConcurrency: 1000))
        #expect(capped.endToEnd == uncapped.endToEnd)
        #expect(capped.timeToFirstToken == uncapped.timeToFirstToken)
        #expect(capped.duration == uncapped.duration)
    }

    /// With every request scheduled at time zero, a capped schedule is a closed loop.
    @Test func aCappedBurstIsAClosedLoop() throws {
        let (model, memory) = try ServingFixtures.model()
        let requests = WorkloadGenerator.requests(count: 400, arrivals: .offline, input: .fixed(700), output: .uniform(minimum: 10, maximum: 200), seed: 8)
        let simulation = ServingSimulation(model: model, limits: ServingFixtures.limits(memory), replicas: 1)
        let capped = simulation.run(requests, arrivals: .capped(.offline, maxConcurrency: 16))
        let closed = simulation.run(requests, arrivals: .closedLoop(concurrency: 16))
        #expect(capped.endToEnd == closed.endToEnd)
        #expect(capped.requestThroughput == closed.requestThroughput)
    }

    /// Beyond what the cap sustains, a higher rate adds no throughput and no latency: the wait is the client's.
    @Test func aRateBeyondTheCapRaisesNeitherThroughputNorLatency() throws {
        let (model, memory) = try ServingFixtures.model()
        let simulation = ServingSimulation(model: model, limits: ServingFixtures.limits(memory), replicas: 1)
        func metrics(rate: Double) -> ServingMetrics {
            let arrivals = ArrivalProcess.capped(.poisson(rate: rate), maxConcurrency: 8)
            let requests = WorkloadGenerator.requests(count: 400, arrivals: arrivals, input: .fixed(1024), output: .fixed(256), seed: 11)
            return simulation.run(requests, arrivals: arrivals)
        }
        let fast = metrics(rate: 200), faster = metrics(rate: 400)
        #expect(abs(faster.requestThroughput / fast.requestThroughput - 1) < 0.02)
        #expect(abs(faster.endToEnd.mean / fast.endToEnd.mean - 1) < 0.02)
        let uncapped = simulation.run(WorkloadGenerator.requests(count: 400, arrivals: .poisson(rate: 200), input: .fixed(1024),
                                                                 output: .fixed(256), seed: 11), arrivals: .poisson(rate: 200))
        #expect(fast.timeToFirstToken.mean < uncapped.timeToFirstToken.mean / 10,
                "capped TTFT \(fast.timeToFirstToken.mean) s, uncapped \(uncapped.timeToFirstToken.mean) s")
    }

    @Test func measurementRowsReadTheClientsCap() {
        #expect(MeasurementSetup.maxConcurrency(in: "sglang.bench_serving random dataset range ratio 1; max concurrency 80; TPOT excludes") == 80)
        #expect(MeasurementSetup.maxConcurrency(in: "vllm bench serve; 500 requests") == nil)
        #expect(ArrivalProcess.capped(.poisson(rate: 8), maxConcurrency: 80).inFlightLimit == 80)
        #expect(ArrivalProcess.capped(.poisson(rate: 8), maxConcurrency: 80).releasesOnSchedule)
        #expect(!ArrivalProcess.closedLoop(concurrency: 4).releasesOnSchedule)
        #expect(ArrivalProcess.poisson(rate: 8).inFlightLimit == nil)
    }
}
