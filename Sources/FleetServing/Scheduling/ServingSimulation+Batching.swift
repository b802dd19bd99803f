extension ServingSimulation {
    /// Open loop through a batcher (``RequestBatching``): each request reaches the engine when its batch leaves,
    /// batch `b` on lane `b mod lanes`; its latencies count from its own arrival.
    func runBatched(_ requests: [Request], batching: RequestBatching) -> [ReplicaSimulator.Run] {
        let releases = batching.releases(of: requests.map(\.arrival))
        var shares = [[Request]](repeating: [], count: lanes)
        var arrivals = [[Double]](repeating: [], count: lanes)
        for (request, release) in zip(requests, releases) {
            let lane = release.batch % lanes
            var released = request
            released.arrival = release.time
            shares[lane].append(released)
            arrivals[lane].append(request.arrival)
        }
        let limits = laneLimits
        return (0..<lanes).compactMap { lane -> ReplicaSimulator.Run? in
            guard !shares[lane].isEmpty else { return nil }
            var replica = ReplicaLane(model: model, limits: limits, requests: shares[lane], speculative: speculative,
                                      seed: seed &+ UInt64(lane), arrivesPrefilled: false)
            while !replica.isDrained, replica.iterate() {}
            let run = replica.run
            // Every request finishes, and a lane's records are in the order it received its requests.
            precondition(run.records.count == arrivals[lane].count, "a lane finished \(run.records.count) of \(arrivals[lane].count) requests")
            let records = zip(run.records, arrivals[lane]).map { record, arrival in
                ReplicaSimulator.Record(arrival: arrival, firstToken: record.firstToken, finish: record.finish,
                                        inputTokens: record.inputTokens, outputTokens: record.outputTokens)
            }
            return ReplicaSimulator.Run(records: records, steps: run.steps, preemptions: run.preemptions,
                                        kvTokenSeconds: run.kvTokenSeconds, busyTime: run.busyTime,
                                        sampledTokens: run.sampledTokens, deliveries: run.deliveries)
        }
    }
}
