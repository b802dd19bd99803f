extension ServingSimulation {
    /// Runs the lanes together in time order behind a state-aware router (``RoutingPolicy/leastOutstanding``,
    /// ``RoutingPolicy/leastKVCache``): the lane whose next step starts earliest steps next, and each request
    /// is routed at its arrival, once every busy lane has reached it, from the lanes' state at that instant.
    /// Ties go to the first lane after the one chosen last. In closed loop, `concurrency` requests arrive at
    /// time zero and each completion, on any lane, releases the next request at its finish time; with
    /// `releasesOnSchedule`, at its finish time or its own arrival time, whichever is later (a capped open loop).
    ///
    /// - Complexity: O(lanes) per step and per arrival, on top of the lanes' own iterations.
    /// - Returns: the run of every lane, empty ones included, and for each request the lane it was routed to.
    func runRouted(_ requests: [Request], closedLoopConcurrency: Int?, releasesOnSchedule: Bool = false,
                   limits: SchedulerLimits, arrivesPrefilled: Bool = false) -> (runs: [ReplicaSimulator.Run], lanes: [Int]) {
        var lanes = (0..<self.lanes).map { lane in
            ReplicaLane(model: model, limits: limits, requests: [], speculative: speculative, seed: seed &+ UInt64(lane),
                        arrivesPrefilled: arrivesPrefilled)
        }
        var assignment: [Int] = []
        assignment.reserveCapacity(requests.count)
        var routedCount = 0, lastChosen = lanes.count - 1
        // Closed loop: release times of requests not yet routed, ascending (completions of different lanes are
        // found out of time order, so each is inserted in place).
        var releases: [Double] = []
        if let concurrency = closedLoopConcurrency { releases = Array(repeating: 0, count: min(concurrency, requests.count)) }
        func nextArrival() -> Double? {
            guard routedCount < requests.count else { return nil }
            if closedLoopConcurrency == nil { return requests[routedCount].arrival }
            guard let release = releases.first else { return nil }
            return releasesOnSchedule ? max(release, requests[routedCount].arrival) : release
        }
        while true {
            // The busy lane whose next step starts earliest.
            var earliest: Int?
            for index in lanes.indices where !lanes[index].isDrained {
                if earliest == nil || lanes[index].time < lanes[earliest!].time { earliest = index }
            }
            let arrival = nextArrival()
            if let arrival, earliest == nil || arrival <= lanes[earliest!].time {
                let chosen = choose(among: lanes, at: arrival, after: lastChosen)
                var request = requests[routedCount]
                request.arrival = arrival
                lanes[chosen].receive(request)
                assignment.append(chosen)
                lastChosen = chosen
                routedCount += 1
                if closedLoopConcurrency != nil { releases.removeFirst() }
                continue
            }
            guard let earliest else { break }
            let before = lanes[earliest].completed
            lanes[earliest].iterate()
            if closedLoopConcurrency != nil {
                let finishedNow = lanes[earliest].completed - before
                let releasable = requests.count - routedCount - releases.count
                for _ in 0..<min(finishedNow, releasable) {
                    let time = lanes[earliest].time
                    let slot = releases.firstIndex { $0 > time } ?? releases.count
                    releases.insert(time, at: slot)
                }
            }
        }
        return (lanes.map(\.run), assignment)
    }

    /// The lane the policy picks at `instant`, scanning from the lane after `last` so that ties rotate.
    private func choose(among lanes: [ReplicaLane], at instant: Double, after last: Int) -> Int {
        var best = -1, bestLoad = Int.max
        for offset in 1...lanes.count {
            let index = (last + offset) % lanes.count
            let load: Int
            switch router {
            case .leastOutstanding: load = lanes[index].outstanding(at: instant)
            case .leastKVCache: load = lanes[index].kvDemand(at: instant)
            case .roundRobin: return index
            }
            if load < bestLoad { best = index; bestLoad = load }
        }
        return best
    }
}
