import FleetProfiles
import FleetServing
import FleetUnits

/// One way to serve the model: hardware, device count, precisions, parallelism and engine.
public struct Deployment: Codable, Sendable, Equatable {
    /// Unique name, referenced by options.
    public var name: String
    /// Hardware profile id.
    public var hardware: String
    /// Model profile id.
    public var model: String
    /// Engine profile id.
    public var engine: String
    /// Devices of one replica (`tensor × pipeline` for dense models).
    public var devices: Int
    /// Identical replicas behind a router.
    public var replicas: Int
    public var precision: PrecisionChoice
    public var parallelism: Parallelism
    /// Engine scheduling settings that override the engine profile's defaults.
    public var scheduling: SchedulingOverrides
    /// Optional per-device power cap.
    public var powerCap: Watts?
    /// How requests are spread over the replicas; `nil` means round-robin.
    public var router: RoutingPolicy?
    /// Speculative decoding, if the engine drafts.
    public var speculative: SpeculativeSettings?
    /// Separate prefill and decode replicas; each of `replicas` is then one unit of both pools.
    public var disaggregation: DisaggregationSettings?
    /// A batcher in front of the replicas, if requests reach them in batches; it takes the router's place.
    public var batching: BatchingSettings?

    /// Devices of one replica as the fleet counts them: `devices`, times the replicas of a disaggregated unit.
    public var devicesPerReplica: Int { devices * (disaggregation?.replicasPerUnit ?? 1) }

    enum CodingKeys: String, CodingKey {
        case name, hardware, model, engine, devices, replicas, precision, parallelism, scheduling, powerCap = "power_cap", router
        case speculative, disaggregation, batching
    }

    public init(name: String, hardware: String, model: String, engine: String, devices: Int, replicas: Int,
                precision: PrecisionChoice, parallelism: Parallelism, scheduling: SchedulingOverrides, powerCap: Watts?,
                router: RoutingPolicy? = nil) {
        self.router = router
        self.name = name
        self.hardware = hardware
        self.model = model
        self.engine = engine
        self.devices = devices
        self.replicas = replicas
        self.precision = precision
        self.parallelism = parallelism
        self.scheduling = scheduling
        self.powerCap = powerCap
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let problems = decoder.problems
        let defaults = Deployment.default
        name = try container.decode(String.self, forKey: .name)
        hardware = try container.decode(String.self, forKey: .hardware)
        model = try container.decode(String.self, forKey: .model)
        engine = try container.decode(String.self, forKey: .engine, orRecord: problems) ?? defaults.engine
        devices = try container.decode(Int.self, forKey: .devices, orRecord: problems) ?? defaults.devices
        replicas = try container.decode(Int.self, forKey: .replicas, orRecord: problems) ?? defaults.replicas
        precision = try container.decode(PrecisionChoice.self, forKey: .precision, orRecord: problems) ?? defaults.precision
        parallelism = try container.decode(Parallelism.self, forKey: .parallelism, orRecord: problems) ?? defaults.parallelism
        scheduling = try container.decode(SchedulingOverrides.self, forKey: .scheduling, orRecord: problems)
            ?? defaults.scheduling
        powerCap = try container.decode(Watts.self, forKey: .powerCap, orRecord: problems)
        router = try container.decode(RoutingPolicy.self, forKey: .router, orRecord: problems)
        speculative = try container.decode(SpeculativeSettings.self, forKey: .speculative, orRecord: problems)
        disaggregation = try container.decode(DisaggregationSettings.self, forKey: .disaggregation, orRecord: problems)
        batching = try container.decode(BatchingSettings.self, forKey: .batching, orRecord: problems)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(hardware, forKey: .hardware)
        try container.encode(model, forKey: .model)
        try container.encode(engine, forKey: .engine)
        try container.encode(devices, forKey: .devices)
        try container.encode(replicas, forKey: .replicas)
        try container.encode(precision, forKey: .precision)
        try container.encode(parallelism, forKey: .parallelism)
        try container.encode(scheduling, forKey: .scheduling)
        try container.encodeIfPresent(powerCap, forKey: .powerCap)
        try container.encodeIfPresent(router, forKey: .router)
        try container.encodeIfPresent(speculative, forKey: .speculative)
        try container.encodeIfPresent(disaggregation, forKey: .disaggregation)
        try container.encodeIfPresent(batching, forKey: .batching)
    }
}

/// Weight, activation and KV-cache precisions, chosen separately.
public struct PrecisionChoice: Codable, Sendable, Equatable {
    public var weights: Precision
    public var activations: Precision
    public var kvCache: Precision

    enum CodingKeys: String, CodingKey { case weights, activations, kvCache = "kv_cache" }

    public init(weights: Precision, activations: Precision, kvCache: Precision) {
        self.weights = weights
        self.activations = activations
        self.kvCache = kvCache
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let problems = decoder.problems
        let defaults = PrecisionChoice.default
        weights = try container.decode(Precision.self, forKey: .weights, orRecord: problems) ?? defaults.weights
        activations = try container.decode(Precision.self, forKey: .activations, orRecord: problems) ?? defaults.activations
        kvCache = try container.decode(Precision.self, forKey: .kvCache, orRecord: problems) ?? defaults.kvCache
    }
}

/// Tensor, pipeline and expert parallel degrees of one replica.
public struct Parallelism: Codable, Sendable, Equatable {
    public var tensor: Int
    public var pipeline: Int
    public var expert: Int

    public init(tensor: Int, pipeline: Int, expert: Int) {
        self.tensor = tensor
        self.pipeline = pipeline
        self.expert = expert
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let problems = decoder.problems
        tensor = try container.decode(Int.self, forKey: .tensor, orRecord: problems) ?? 1
        pipeline = try container.decode(Int.self, forKey: .pipeline, orRecord: problems) ?? 1
        expert = try container.decode(Int.self, forKey: .expert, orRecord: problems) ?? 1
    }
}

/// Engine settings a deployment overrides; `nil` takes the engine profile's default.
public struct SchedulingOverrides: Codable, Sendable, Equatable {
    public var maxSequences: Int?
    public var maxBatchedTokens: Int?
    public var chunkedPrefill: Bool?
    public var prefixCaching: Bool?
    public var kvBlockSize: Int?
    public var memoryFraction: Double?

    enum CodingKeys: String, CodingKey {
        case maxSequences = "max_sequences", maxBatchedTokens = "max_batched_tokens", chunkedPrefill = "chunked_prefill"
        case prefixCaching = "prefix_caching", kvBlockSize = "kv_block_size", memoryFraction = "memory_fraction"
    }

    public init(maxSequences: Int? = nil, maxBatchedTokens: Int? = nil, chunkedPrefill: Bool? = nil,
                prefixCaching: Bool? = nil, kvBlockSize: Int? = nil, memoryFraction: Double? = nil) {
        self.maxSequences = maxSequences
        self.maxBatchedTokens = maxBatchedTokens
        self.chunkedPrefill = chunkedPrefill
        self.prefixCaching = prefixCaching
        self.kvBlockSize = kvBlockSize
        self.memoryFraction = memoryFraction
    }
}
