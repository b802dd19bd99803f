import FleetServing
import FleetUnits

/// A batcher in front of a deployment's replicas (`deployments[].batching`): requests are held until
/// `max_requests` have gathered or `max_wait` has passed since the previous batch left, and each batch goes to
/// the next replica in turn (``RequestBatching``). MLPerf harnesses batch this way before their engine
/// instances; latencies count the time a request is held.
public struct BatchingSettings: Codable, Sendable, Equatable {
    /// Most requests in one batch.
    public var maxRequests: Int
    /// Longest time between two batches while requests wait.
    public var maxWait: Seconds

    enum CodingKeys: String, CodingKey { case maxRequests = "max_requests", maxWait = "max_wait" }

    public init(maxRequests: Int, maxWait: Seconds) {
        self.maxRequests = maxRequests
        self.maxWait = maxWait
    }

    /// The simulator's batcher; `nil` while the settings are invalid (the validator reports them).
    public var batching: RequestBatching? {
        guard maxRequests >= 1, maxWait.value >= 0, maxWait.value.isFinite else { return nil }
        return RequestBatching(maxRequests: maxRequests, maxWait: maxWait.value)
    }
}
