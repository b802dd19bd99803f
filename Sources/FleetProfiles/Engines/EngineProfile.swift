import FleetUnits

/// A serving engine's scheduling defaults and the overhead slots the performance model fits. Loaded from
/// `Profiles/engines/<id>.yaml`.
public struct EngineProfile: Codable, Sendable, Identifiable {
    public let id: String
    public let name: String
    /// The engine version whose defaults are recorded.
    public let version: String
    public let hardwareVendors: [Vendor]
    public let scheduling: SchedulingDefaults
    public let overheads: EngineOverheads?
    public let note: String?

    enum CodingKeys: String, CodingKey {
        case id, name, version, hardwareVendors = "hardware_vendors", scheduling, overheads, note
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        name = try container.decode(String.self, forKey: .name)
        version = try container.decode(LenientText.self, forKey: .version).text
        hardwareVendors = try container.decode([Vendor].self, forKey: .hardwareVendors)
        scheduling = try container.decode(SchedulingDefaults.self, forKey: .scheduling)
        overheads = try container.decodeIfPresent(EngineOverheads.self, forKey: .overheads)
        note = try container.decodeIfPresent(String.self, forKey: .note)
    }
}

/// The batching limits and memory settings an engine uses unless told otherwise.
public struct SchedulingDefaults: Codable, Sendable, Sourced {
    /// Most sequences in one batch (`max_num_seqs`, `max_batch_size`).
    public let maxSequences: Int?
    /// Most tokens in one step (`max_num_batched_tokens`, `max_num_tokens`).
    public let maxBatchedTokens: Int?
    public let chunkedPrefill: Bool?
    public let prefixCaching: Bool?
    /// Tokens per KV-cache block.
    public let kvBlockSize: Int?
    /// Fraction of device memory the engine may use (weights + KV + workspace).
    public let memoryFraction: Double?
    /// What ``memoryFraction`` is a fraction of; `nil` means `total`.
    public let memoryBasis: MemoryBasis?
    /// How the scheduler admits requests against the KV cache; `nil` means `on-demand`.
    public let capacityPolicy: CapacityPolicy?
    /// KV precision when the scenario does not set one (`auto` = the checkpoint's).
    public let defaultKVPrecision: String?
    public let sources: [Source]
    public let note: String?

    enum CodingKeys: String, CodingKey {
        case maxSequences = "max_sequences", maxBatchedTokens = "max_batched_tokens", chunkedPrefill = "chunked_prefill"
        case prefixCaching = "prefix_caching", kvBlockSize = "kv_block_size", memoryFraction = "memory_fraction"
        case memoryBasis = "memory_basis", capacityPolicy = "capacity_policy", defaultKVPrecision = "default_kv_precision", sources, note
    }
}

/// How an engine admits requests against its KV cache.
public enum CapacityPolicy: String, Codable, Sendable, CaseIterable {
    /// Blocks are taken as tokens arrive; when a decode finds none free, a request is preempted (vLLM).
    case onDemand = "on-demand"
    /// A request is admitted only when blocks for its prompt and its whole output are free, so nothing is
    /// ever evicted (TensorRT-LLM `GUARANTEED_NO_EVICT`).
    case guaranteedNoEvict = "guaranteed-no-evict"
}

/// How an engine sizes its KV cache.
public enum MemoryBasis: String, Codable, Sendable, CaseIterable {
    /// vLLM `gpu_memory_utilization`: weights, activations and KV together within `fraction × capacity`.
    case total
    /// TensorRT-LLM `kv_cache_free_gpu_mem_fraction`: the KV cache takes `fraction` of the memory still free
    /// after weights and buffers.
    case free
    /// SGLang `--mem-fraction-static` left to its default: capacity minus a reserve computed from the
    /// chunked-prefill size, CUDA-graph batch size and parallelism (server_args.py, PR 10975).
    case sglangReserve = "sglang-reserve"
}

/// Per-step overheads fitted to measurements (issue 4); absent until fitted.
public struct EngineOverheads: Codable, Sendable, Sourced {
    /// Fixed time per scheduler step (CPU scheduling, kernel launches).
    public let step: Seconds?
    /// Extra time per step for each sequence that samples a token in it (sampling, detokenization, streaming,
    /// request bookkeeping); added to the step time after calibration.
    public let perSequence: Seconds?
    /// Time a request of an online server spends outside the engine's steps (HTTP, tokenization,
    /// detokenization, streaming), added to its first token and its completion.
    public let frontEnd: Seconds?
    public let sources: [Source]
    public let note: String?

    enum CodingKeys: String, CodingKey { case step, perSequence = "per_sequence", frontEnd = "front_end", sources, note }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        step = try container.decodeIfPresent(Seconds.self, forKey: .step)
        perSequence = try container.decodeIfPresent(Seconds.self, forKey: .perSequence)
        frontEnd = try container.decodeIfPresent(Seconds.self, forKey: .frontEnd)
        sources = try container.decodeIfPresent([Source].self, forKey: .sources) ?? []
        note = try container.decodeIfPresent(String.self, forKey: .note)
    }
}
