import FleetPerformance

/// Requests over time on replicas of one deployment behind a router (``RoutingPolicy``).
///
/// Pipeline parallelism keeps one micro-batch per stage in flight: a replica of `pp` stages is simulated as
/// `pp` interleaved virtual replicas, each with `1/pp` of the KV cache and sequence limit, whose steps take a
/// full pass through all stages. A token still takes a full pass, while the stages work on different
/// micro-batches at once.
public struct ServingSimulation: Sendable {
    public let model: StepModel
    public let limits: SchedulerLimits
    public let replicas: Int
    /// How arriving requests are spread over the lanes.
    public let router: RoutingPolicy
    /// Speculative decoding, if the engine drafts.
    public let speculative: SpeculativeDecoding?
    /// Seeds the draws of accepted drafts (lane `i` draws from `seed + i`); unused without speculation.
    public let seed: UInt64
    /// Separate prefill and decode pools in each replica, if the deployment disaggregates them.
    public let disaggregation: Disaggregation?
    /// A batcher in front of the lanes, if the clients' requests reach the engine in batches: each batch goes to
    /// the next lane in turn (it takes the router's place).
    public let batching: RequestBatching?

    public init(model: StepModel, limits: SchedulerLimits, replicas: Int, router: RoutingPolicy = .roundRobin,
                speculative: SpeculativeDecoding? = nil, seed: UInt64 = 0, disaggregation: Disaggregation? = nil,
                batching: RequestBatching? = nil) {
        precondition(replicas >= 1, "replicas must be at least 1, got \(replicas)")
        precondition(batching == nil || disaggregation == nil, "a batcher feeds the lanes of an aggregated deployment")
        self.batching = batching
        self.disaggregation = disaggregation
        self.speculative = speculative
        self.seed = seed
        self.model = model
        self.limits = limits
        self.replicas = replicas
        self.router = router
    }

    /// Interleaved lanes simulated: replicas × pipeline stages × data-parallel attention ranks.
    public var lanes: Int { replicas * max(1, model.spec.pipelineParallel) * max(1, model.spec.dataParallelAttention) }

    /// The limits of one lane: a pipeline stage's lane holds `1/pp` of the KV cache and sequence limit;
    /// data-parallel attention ranks have their own KV cache.
    public var laneLimits: SchedulerLimits {
        let stages = max(1, model.spec.pipelineParallel)
        var limits = self.limits
        limits.kvCapacityTokens = self.limits.kvCapacityTokens / stages
        limits.maxSequences = max(1, self.limits.maxSequences / stages)
        return limits
    }

    /// The requests lane `lane` serves: round-robin over the lanes (all of them with one lane).
    public func share(of requests: [Request], lane: Int) -> [Request] {
        lanes == 1 ? requests : stride(from: lane, to: requests.count, by: lanes).map { requests[$0] }
    }

    /// Runs the workload. Round-robin simulates each lane on its share, and in closed loop (or under a client's
    /// concurrency cap, ``ArrivalProcess/capped(_:maxConcurrency:)``) each lane keeps its share of the concurrency
    /// busy; the state-aware routers advance the lanes together (see `runRouted`), and in closed loop a completion
    /// anywhere releases the next request.
    public func run(_ requests: [Request], arrivals: ArrivalProcess) -> ServingMetrics {
        if disaggregation != nil {
            precondition(arrivals.inFlightLimit == nil, "a disaggregated deployment is simulated with uncapped open-loop arrivals")
            return runDisaggregated(requests)
        }
        if let batching {
            precondition(arrivals.inFlightLimit == nil, "a batcher is simulated with uncapped open-loop arrivals")
            return ServingMetrics(runs: runBatched(requests, batching: batching), kvCapacityTokens: laneLimits.kvCapacityTokens)
        }
        return ServingMetrics(runs: runs(requests, arrivals: arrivals), kvCapacityTokens: laneLimits.kvCapacityTokens)
    }

    /// The run of every lane that served a request.
    func runs(_ requests: [Request], arrivals: ArrivalProcess) -> [ReplicaSimulator.Run] {
        guard let concurrency = arrivals.inFlightLimit else {
            return laneRuns(requests, arrivesPrefilled: false).runs.filter { !$0.records.isEmpty }
        }
        let limits = laneLimits, lanes = self.lanes, onSchedule = arrivals.releasesOnSchedule
        if router != .roundRobin && lanes > 1 {
            return runRouted(requests, closedLoopConcurrency: max(1, concurrency), releasesOnSchedule: onSchedule,
                             limits: limits).runs.filter { !$0.records.isEmpty }
        }
        var runs: [ReplicaSimulator.Run] = []
        for lane in 0..<lanes {
            let share = share(of: requests, lane: lane)
            guard !share.isEmpty else { continue }
            let perLane = concurrency / lanes + (lane < concurrency % lanes ? 1 : 0)
            runs.append(ReplicaSimulator(model: model, limits: limits, speculative: speculative, seed: seed &+ UInt64(lane))
                .run(share, closedLoopConcurrency: max(1, perLane), releasesOnSchedule: onSchedule))
        }
        return runs
    }

    /// Open loop: the run of every lane (empty ones too) and, for each request, the lane that served it (`nil`:
    /// round-robin, request `i` on lane `i mod lanes`). A lane's records are in the order its requests arrived,
    /// since every request finishes.
    func laneRuns(_ requests: [Request], arrivesPrefilled: Bool) -> (runs: [ReplicaSimulator.Run], lanes: [Int]?) {
        let limits = laneLimits, count = lanes
        if router != .roundRobin && count > 1 {
            let routed = runRouted(requests, closedLoopConcurrency: nil, limits: limits, arrivesPrefilled: arrivesPrefilled)
            return (routed.runs, routed.lanes)
        }
        let runs = (0..<count).map { lane in
            var replica = ReplicaLane(model: model, limits: limits, requests: share(of: requests, lane: lane),
                                      speculative: speculative, seed: seed &+ UInt64(lane), arrivesPrefilled: arrivesPrefilled)
            while !replica.isDrained, replica.iterate() {}
            return replica.run
        }
        return (runs, nil)
    }
}
