/// Prefill/decode disaggregation: each replica of the deployment is a unit of `prefillReplicas` replicas that
/// only prefill and `decodeReplicas` that only decode, all of the deployment's shape. A request is prefilled
/// in the prefill pool (its first token sampled there), its prompt's KV moves to the decode pool over the
/// devices' links, and a decode replica takes it over when it has a seat and blocks for it.
public struct Disaggregation: Sendable, Equatable {
    public let prefillReplicas: Int
    public let decodeReplicas: Int
    /// Bytes per second each device sends its shard of the KV at (its scale-out link).
    public let transferBandwidth: Double
    /// KV bytes per prompt token held on each device.
    public let kvBytesPerToken: Double

    /// - Precondition: at least one replica in each pool and a positive bandwidth.
    public init(prefillReplicas: Int, decodeReplicas: Int, transferBandwidth: Double, kvBytesPerToken: Double) {
        precondition(prefillReplicas >= 1 && decodeReplicas >= 1, "a disaggregated deployment needs a prefill and a decode replica")
        precondition(transferBandwidth > 0 && transferBandwidth.isFinite, "the KV transfer bandwidth must be positive")
        self.prefillReplicas = prefillReplicas
        self.decodeReplicas = decodeReplicas
        self.transferBandwidth = transferBandwidth
        self.kvBytesPerToken = kvBytesPerToken
    }

    /// Seconds to move the KV of `tokens` prompt tokens, every device sending its shard at once:
    /// `tokens × KV bytes per token per device / bandwidth`. Connection set-up and the latency of the
    /// transfer engine are not modelled (no sourced figure).
    public func transferTime(tokens: Int) -> Double { Double(tokens) * kvBytesPerToken / transferBandwidth }
}
