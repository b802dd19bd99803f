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
        let numbered = requests.enumerated().map { index, request in
            var copy = request
            copy.id = index
            copy.outputTokens = 1
            return copy
        }
        let prefillRuns = prefillPool.runs(numbered, arrivals: .offline)
        var handed: [Request] = [], finishedAtPrefill: [ReplicaSimulator.Record] = []
        handed.reserveCapacity(requests.count)
        for run in prefillRuns {
            for record in run.records {
                let original = requests[record.requestID]
                guard original.outputTokens > 1 else {
                    let delivered = record.firstToken + limits.frontEndLatency
                    finishedAtPrefill.append(.init(arrival: record.arrival, firstToken: delivered, finish: delivered,
                                                   inputTokens: original.inputTokens, outputTokens: original.outputTokens,
                                                   deliveries: 0, requestID: record.requestID))
                    continue
                }
                var request = Request(arrival: record.firstToken + disaggregation.transferTime(tokens: original.inputTokens),
                                      inputTokens: original.inputTokens, outputTokens: original.outputTokens)
                request.id = record.requestID
                request.handoff = .init(arrival: record.arrival, firstToken: record.firstToken)
                handed.append(request)
            }
        }
        handed.sort { ($0.arrival, $0.id) < ($1.arrival, $1.id) }
        var decodeRuns = decodePool.runs(handed, arrivals: .offline)
        if !finishedAtPrefill.isEmpty {
            if decodeRuns.isEmpty {
                decodeRuns = [ReplicaSimulator.Run(records: finishedAtPrefill, steps: 0, preemptions: 0, kvTokenSeconds: 0, busyTime: 0,
                                                   sampledTokens: 0)]
            } else {
                let first = decodeRuns[0]
                decodeRuns[0] = ReplicaSimulator.Run(records: first.records + finishedAtPrefill, steps: first.steps, preemptions: first.preemptions,
                                                     kvTokenSeconds: first.kvTokenSeconds, busyTime: first.busyTime,
                                                     sampledTokens: first.sampledTokens)
            }
        }
        // The prefill pool's requests are not the workload's: keep its work, drop its one-token records.
        let prefillWork = prefillRuns.map {
            ReplicaSimulator.Run(records: [], steps: $0.steps, preemptions: $0.preemptions, kvTokenSeconds: $0.kvTokenSeconds,
                                 busyTime: $0.busyTime, sampledTokens: $0.sampledTokens)
        }
        return ServingMetrics(runs: decodeRuns + prefillWork, kvCapacityTokens: laneLimits.kvCapacityTokens)
    }
}
