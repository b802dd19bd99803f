import FleetPerformance

/// Requests over time on replicas of one deployment behind a round-robin router.
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
        let simulator = ReplicaSimulator(model: model, limits: limits)
        var runs: [ReplicaSimulator.Run] = []
        for replica in 0..<replicas {
            let share = stride(from: replica, to: requests.count, by: replicas).map { requests[$0] }
            guard !share.isEmpty else { continue }
            if case let .closedLoop(concurrency) = arrivals {
                let perReplica = concurrency / replicas + (replica < concurrency % replicas ? 1 : 0)
                runs.append(simulator.run(share, closedLoopConcurrency: max(1, perReplica)))
            } else {
                runs.append(simulator.run(share))
            }
        }
        return ServingMetrics(runs: runs, kvCapacityTokens: limits.kvCapacityTokens)
    }
}
