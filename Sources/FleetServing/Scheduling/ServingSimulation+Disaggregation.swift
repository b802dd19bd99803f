extension ServingSimulation {
    /// Runs an open-loop workload through the prefill pool, then the decode pool (see ``Disaggregation``):
    ///
    /// 1. The prefill pool (`replicas × prefillReplicas` replicas, this simulation's router) serves every
    ///    request as a one-token request, so its first token is sampled there and nothing is decoded.
    /// 2. Each request then reaches the decode pool (`replicas × decodeReplicas` replicas, same router) when its
    ///    prompt's KV has moved: its prefill time plus ``Disaggregation/transferTime(tokens:)``. A decode replica
    ///    admits it when it has a seat and KV blocks; its first token reaches the client then, its last when
    ///    decoding ends (plus the engine's front-end latency).
    ///
    /// The prefill pool does not wait for the decode pool (its KV is assumed to leave at once), and a request of
    /// one output token ends at the prefill pool. Utilization and KV occupancy average over both pools' replicas.
    func runDisaggregated(_ requests: [Request]) -> ServingMetrics {
        guard let disaggregation else { preconditionFailure("runDisaggregated needs a disaggregation") }
        var prefillLimits = limits
        prefillLimits.frontEndLatency = 0
        let prefillPool = ServingSimulation(model: model, limits: prefillLimits, replicas: replicas * disaggregation.prefillReplicas,
                                            router: router, seed: seed)
        let decodePool = ServingSimulation(model: model, limits: limits, replicas: replicas * disaggregation.decodeReplicas,
                                           router: router, speculative: speculative, seed: seed &+ 0x5EED)
        let oneToken = requests.map { request in
            var copy = request
            copy.outputTokens = 1
            return copy
        }
        let prefill = prefillPool.laneRuns(oneToken, arrivesPrefilled: false)
        let firstTokens = Self.records(of: prefill, count: requests.count).map(\.firstToken)

        // Requests reach the decode pool when their KV has moved, in that order.
        var finishedAtPrefill: [ReplicaSimulator.Record] = []
        var order: [Int] = []
        for (index, request) in requests.enumerated() {
            if request.outputTokens > 1 { order.append(index); continue }
            let delivered = firstTokens[index] + limits.frontEndLatency
            finishedAtPrefill.append(.init(arrival: request.arrival, firstToken: delivered, finish: delivered,
                                           inputTokens: request.inputTokens, outputTokens: request.outputTokens))
        }
        let ready = order.map { firstTokens[$0] + disaggregation.transferTime(tokens: requests[$0].inputTokens) }
        let sorted = order.indices.sorted { (ready[$0], order[$0]) < (ready[$1], order[$1]) }
        let handed = sorted.map { Request(arrival: ready[$0], inputTokens: requests[order[$0]].inputTokens,
                                          outputTokens: requests[order[$0]].outputTokens) }
        let decode = decodePool.laneRuns(handed, arrivesPrefilled: true)

        // A decode record's arrival is the KV's; the request arrived at the prefill pool.
        var records = Array(repeating: [ReplicaSimulator.Record](), count: decode.runs.count)
        for (position, record) in Self.records(of: decode, count: handed.count).enumerated() {
            let original = requests[order[sorted[position]]]
            records[Self.lane(of: position, in: decode)].append(.init(arrival: original.arrival, firstToken: record.firstToken, finish: record.finish,
                                                         inputTokens: record.inputTokens, outputTokens: record.outputTokens))
        }
        if !finishedAtPrefill.isEmpty { records[0] += finishedAtPrefill }
        let decodeRuns = decode.runs.enumerated().map { lane, run in
            ReplicaSimulator.Run(records: records[lane], steps: run.steps, preemptions: run.preemptions, kvTokenSeconds: run.kvTokenSeconds,
                                 busyTime: run.busyTime, sampledTokens: run.sampledTokens, deliveries: run.deliveries)
        }
        // The prefill pool's one-token requests are not the workload's: keep its work, not its records.
        let prefillWork = prefill.runs.map {
            ReplicaSimulator.Run(records: [], steps: $0.steps, preemptions: $0.preemptions, kvTokenSeconds: $0.kvTokenSeconds,
                                 busyTime: $0.busyTime, sampledTokens: $0.sampledTokens, deliveries: 0)
        }
        return ServingMetrics(runs: (decodeRuns + prefillWork).filter { $0.steps > 0 || !$0.records.isEmpty },
                              kvCapacityTokens: laneLimits.kvCapacityTokens)
    }

    /// The record of each request, in request order, from lanes' runs and the lane of each request.
    static func records(of outcome: (runs: [ReplicaSimulator.Run], lanes: [Int]?), count: Int) -> [ReplicaSimulator.Record] {
        var cursor = [Int](repeating: 0, count: outcome.runs.count)
        return (0..<count).map { index in
            let lane = Self.lane(of: index, in: outcome)
            defer { cursor[lane] += 1 }
            return outcome.runs[lane].records[cursor[lane]]
        }
    }

    /// The lane request `index` ran on.
    static func lane(of index: Int, in outcome: (runs: [ReplicaSimulator.Run], lanes: [Int]?)) -> Int {
        outcome.lanes?[index] ?? index % outcome.runs.count
    }
}
