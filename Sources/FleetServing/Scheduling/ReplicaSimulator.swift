import FleetPerformance

/// Continuous batching on one replica, iteration by iteration, as vLLM's V1 scheduler does it: running
/// requests decode one token each, then prefill chunks fill the rest of the token budget (running
/// prefills first, then waiting requests in arrival order) while sequences and KV blocks last. When a
/// decode needs a block and none is free, the most recently admitted request is preempted: its blocks are
/// freed and, readmitted at the head of the queue, it prefills its prompt and the output generated so far in
/// one pass and goes on decoding (vLLM's recompute; the streamed output is kept, its first-token time too).
/// Each step's time comes from the performance model's single-state path.
public struct ReplicaSimulator: Sendable {
    public let model: StepModel
    public let limits: SchedulerLimits
    /// Speculative decoding, if the engine drafts; its accepted drafts are drawn from a generator seeded by `seed`.
    public let speculative: SpeculativeDecoding?
    public let seed: UInt64

    public init(model: StepModel, limits: SchedulerLimits, speculative: SpeculativeDecoding? = nil, seed: UInt64 = 0) {
        self.model = model
        self.limits = limits
        self.speculative = speculative
        self.seed = seed
    }

    /// What happened to one request.
    public struct Record: Sendable, Equatable {
        public let arrival: Double
        public let firstToken: Double
        public let finish: Double
        public let inputTokens: Int
        public let outputTokens: Int
    }

    /// The outcome of a run.
    public struct Run: Sendable {
        public let records: [Record]
        public let steps: Int
        public let preemptions: Int
        /// Σ over steps of KV tokens in use × step time (for the mean occupancy).
        public let kvTokenSeconds: Double
        public let busyTime: Double
        /// Output tokens sampled over the run, counting a token sampled again after a preemption twice.
        public let sampledTokens: Int
        /// Times output reached a client after its first token, over the finished requests: `output − 1` per
        /// request without speculative decoding, fewer with it (a step delivers the verified token and the
        /// accepted drafts together).
        public let deliveries: Int
    }

    /// Serves `requests` (sorted by arrival). In closed loop, `concurrency` requests start at time zero and
    /// each completion releases the next request; with `releasesOnSchedule`, `closedLoopConcurrency` caps the
    /// requests in flight and a released request still waits for its own arrival time.
    public func run(_ requests: [Request], closedLoopConcurrency: Int? = nil, releasesOnSchedule: Bool = false) -> Run {
        var lane = ReplicaLane(model: model, limits: limits, requests: requests, closedLoopConcurrency: closedLoopConcurrency,
                               releasesOnSchedule: releasesOnSchedule,
                               speculative: speculative, seed: seed)
        while !lane.isDrained, lane.iterate() {}
        return lane.run
    }
}
