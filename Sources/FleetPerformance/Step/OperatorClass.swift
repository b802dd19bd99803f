/// The operator classes of a forward step, each timed by its own roofline.
public enum OperatorClass: String, CaseIterable, Sendable {
    /// Q, K, V and output projections (MLA: the low-rank projections).
    case attentionProjections = "attention projections"
    /// Attention itself: prefill query-key work, decode reads of the KV cache.
    case attention
    /// Dense feed-forward layers.
    case mlp
    /// Routed and shared experts and the router of MoE layers.
    case experts
    /// The vocabulary projection, once per sampled token.
    case lmHead = "lm head"
    /// Norms, residual adds, activation functions, rotary embeddings, embedding gather: memory traffic.
    case elementwise
    /// Tensor-parallel all-reduces, expert-parallel all-to-alls and pipeline transfers.
    case communication
    /// Engine step overhead and the fixed latency of every GEMM kernel.
    case overhead

    /// Classes timed by the compute/memory roofline (the others are times already).
    static let rooflineClasses: [OperatorClass] = [.attentionProjections, .attention, .mlp, .experts, .lmHead, .elementwise]
}

/// What limits an operator class in a step.
public enum Bound: String, Sendable {
    case compute, memory, communication, overhead
}
