/// A batcher between the clients and the replicas: it holds arriving requests and sends them on in batches,
/// each batch to one lane, lanes in turn. MLPerf harnesses do this in front of their engine instances (AMD's
/// vLLM harness with `--enable-batcher`), as do model-serving front ends (KServe's batcher).
///
/// A batch leaves when it holds ``maxRequests`` requests, or when ``maxWait`` has passed since the previous batch
/// left (the first batch's clock starts at the first arrival); a request that arrives with no batch pending after
/// that wait has run out leaves at once. Latencies count from the request's own arrival, so the time held in the
/// batcher is part of its TTFT and E2E.
public struct RequestBatching: Sendable, Equatable {
    /// Most requests in one batch.
    public let maxRequests: Int
    /// Longest time between two batches while requests are pending, seconds.
    public let maxWait: Double

    public init(maxRequests: Int, maxWait: Double) {
        precondition(maxRequests >= 1, "a batch holds at least one request, got \(maxRequests)")
        precondition(maxWait >= 0 && maxWait.isFinite, "a batcher's wait is finite and not negative, got \(maxWait)")
        self.maxRequests = maxRequests
        self.maxWait = maxWait
    }

    /// When each request leaves the batcher and in which batch (numbered from 0 in the order they leave), for
    /// arrival times sorted in increasing order. Requests leave in the order they arrived.
    public func releases(of arrivals: [Double]) -> [(time: Double, batch: Int)] {
        var releases: [(time: Double, batch: Int)] = []
        releases.reserveCapacity(arrivals.count)
        guard let first = arrivals.first else { return releases }
        var lastDeparture = first
        var batch = 0
        var pending = 0  // requests waiting: the last `pending` arrivals seen
        func send(at time: Double) {
            for _ in 0..<pending { releases.append((time, batch)) }
            batch += 1
            pending = 0
            lastDeparture = time
        }
        for arrival in arrivals {
            let deadline = lastDeparture + maxWait
            if pending > 0, deadline < arrival { send(at: deadline) }
            pending += 1
            // Full, or alone after the wait ran out: it leaves at once.
            if pending >= maxRequests || (pending == 1 && arrival >= lastDeparture + maxWait && arrival > first) {
                send(at: arrival)
            }
        }
        if pending > 0 { send(at: lastDeparture + maxWait) }
        return releases
    }
}
