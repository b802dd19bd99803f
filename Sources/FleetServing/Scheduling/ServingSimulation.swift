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

    public init(model: StepModel, limits: SchedulerLimits, replicas: Int, router: RoutingPolicy = .roundRobin,
                speculative: SpeculativeDecoding? = nil, seed: UInt64 = 0, disaggregation: Disaggregation? = nil) {
        precondition(replicas >= 1, "replicas must be at least 1, got \(replicas)")
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

    /// Runs the workload. Round-robin simulates each lane on its share, and in closed loop each lane keeps its
    /// share of the concurrency busy; the state-aware routers advance the lanes together (see
    /// `runRouted`), and in closed loop a completion anywhere releases the next request.
    public func run(_ requests: [Request], arrivals: ArrivalProcess) -> ServingMetrics {
        if disaggregation != nil {
            if case .closedLoop = arrivals { preconditionFailure("a disaggregated deployment is simulated with open-loop arrivals") }
            return runDisaggregated(requests)
        }
        return ServingMetrics(runs: runs(requests, arrivals: arrivals), kvCapacityTokens: laneLimits.kvCapacityTokens)
    }

    /// The run of every lane that served a request.
    func runs(_ requests: [Request], arrivals: ArrivalProcess) -> [ReplicaSimulator.Run] {
        let limits = laneLimits, lanes = self.lanes
        if router != .roundRobin && lanes > 1 {
            var concurrency: Int?
            if case let .closedLoop(inFlight) = arrivals { concurrency = max(1, inFlight) }
            return runRouted(requests, closedLoopConcurrency: concurrency, limits: limits).runs.filter { !$0.records.isEmpty }
        }
        var runs: [ReplicaSimulator.Run] = []
        for lane in 0..<lanes {
            let simulator = ReplicaSimulator(model: model, limits: limits, speculative: speculative, seed: seed &+ UInt64(lane))
            let share = share(of: requests, lane: lane)
            guard !share.isEmpty else { continue }
            if case let .closedLoop(concurrency) = arrivals {
                let perLane = concurrency / lanes + (lane < concurrency % lanes ? 1 : 0)
                runs.append(simulator.run(share, closedLoopConcurrency: max(1, perLane)))
            } else {
                runs.append(simulator.run(share))
            }
        }
        return runs
    }
}
