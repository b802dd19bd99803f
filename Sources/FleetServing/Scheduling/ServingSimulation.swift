import FleetPerformance

/// Requests over time on replicas of one deployment behind a round-robin router.
///
/// Pipeline parallelism keeps one micro-batch per stage in flight: a replica of `pp` stages is simulated as
/// `pp` interleaved virtual replicas, each with `1/pp` of the KV cache and sequence limit, whose steps take a
/// full pass through all stages. A token still takes a full pass, while the stages work on different
/// micro-batches at once.
public struct ServingSimulation: Sendable {
    public let model: StepModel
    public let limits: SchedulerLimits
    public let replicas: Int

    public init(model: StepModel, limits: SchedulerLimits, replicas: Int) {
        precondition(replicas >= 1, "replicas must be at least 1, got \(replicas)")
        self.model = model
        self.limits = limits
        self.replicas = replicas
    }

    /// Runs the workload; in closed loop each replica keeps its share of the concurrency busy.
    public func run(_ requests: [Request], arrivals: ArrivalProcess) -> ServingMetrics {
        let stages = max(1, model.spec.pipelineParallel)
        var stageLimits = limits
        stageLimits.kvCapacityTokens = limits.kvCapacityTokens / stages
        stageLimits.maxSequences = max(1, limits.maxSequences / stages)
        let simulator = ReplicaSimulator(model: model, limits: stageLimits)
        // Data-parallel attention ranks each serve their own sequences with their own KV cache.
        let lanes = replicas * stages * max(1, model.spec.dataParallelAttention)
        var runs: [ReplicaSimulator.Run] = []
        for replica in 0..<lanes {
            // One lane serves the requests as they are; several split them round-robin.
            let share = lanes == 1 ? requests : stride(from: replica, to: requests.count, by: lanes).map { requests[$0] }
            guard !share.isEmpty else { continue }
            if case let .closedLoop(concurrency) = arrivals {
                let perReplica = concurrency / lanes + (replica < concurrency % lanes ? 1 : 0)
                runs.append(simulator.run(share, closedLoopConcurrency: max(1, perReplica)))
            } else {
                runs.append(simulator.run(share))
            }
        }
        return ServingMetrics(runs: runs, kvCapacityTokens: stageLimits.kvCapacityTokens)
    }
}
