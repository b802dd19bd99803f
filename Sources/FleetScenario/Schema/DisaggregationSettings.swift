import FleetUnits

/// Prefill/decode disaggregation of a deployment (`deployments[].disaggregation`): each of the deployment's
/// replicas becomes `prefill_replicas` replicas that only prefill and `decode_replicas` that only decode, all
/// with the deployment's devices, precisions and parallelism.
public struct DisaggregationSettings: Codable, Sendable, Equatable {
    public var prefillReplicas: Int
    public var decodeReplicas: Int
    /// Bandwidth each device sends its KV shard at; default: the hardware profile's scale-out link.
    public var kvTransferBandwidth: BytesPerSecond?

    enum CodingKeys: String, CodingKey {
        case prefillReplicas = "prefill_replicas", decodeReplicas = "decode_replicas", kvTransferBandwidth = "kv_transfer_bandwidth"
    }

    public init(prefillReplicas: Int, decodeReplicas: Int, kvTransferBandwidth: BytesPerSecond? = nil) {
        self.prefillReplicas = prefillReplicas
        self.decodeReplicas = decodeReplicas
        self.kvTransferBandwidth = kvTransferBandwidth
    }

    /// The error when neither the scenario nor the hardware profile gives a bandwidth to move KV at.
    public static func noTransferBandwidthMessage(_ hardware: String) -> String {
        "'\(hardware)' has no sourced scale-out bandwidth to move KV between replicas; set 'kv_transfer_bandwidth'"
    }

    /// Replicas of the deployment's shape in one disaggregated unit.
    public var replicasPerUnit: Int { prefillReplicas + decodeReplicas }
}
