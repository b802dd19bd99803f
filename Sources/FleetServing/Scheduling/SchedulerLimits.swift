/// The engine limits continuous batching works within.
public struct SchedulerLimits: Sendable, Equatable {
    /// Most sequences in a step.
    public var maxSequences: Int
    /// Most tokens (decode tokens + prefill chunk tokens) in a step.
    public var maxBatchedTokens: Int
    /// Split long prompts across steps; without it a prompt is prefilled whole (and may exceed the budget alone).
    public var chunkedPrefill: Bool
    /// Tokens per KV block.
    public var kvBlockSize: Int
    /// Tokens the KV cache holds.
    public var kvCapacityTokens: Int
    /// Reserve blocks for the whole output at admission (no preemption) rather than as tokens arrive.
    public var reserveWholeSequence: Bool
    /// Seconds a request spends in the server's front end outside the engine's steps (the engine profile's
    /// `overheads.front_end`), added to its first token and its completion; 0 for an in-process benchmark.
    public var frontEndLatency: Double

    public init(maxSequences: Int, maxBatchedTokens: Int, chunkedPrefill: Bool, kvBlockSize: Int, kvCapacityTokens: Int,
                reserveWholeSequence: Bool = false, frontEndLatency: Double = 0) {
        self.frontEndLatency = frontEndLatency
        self.reserveWholeSequence = reserveWholeSequence
        self.maxSequences = maxSequences
        self.maxBatchedTokens = maxBatchedTokens
        self.chunkedPrefill = chunkedPrefill
        self.kvBlockSize = kvBlockSize
        self.kvCapacityTokens = kvCapacityTokens
    }

    /// Blocks of the KV cache.
    public var kvBlocks: Int { kvCapacityTokens / max(1, kvBlockSize) }
}
