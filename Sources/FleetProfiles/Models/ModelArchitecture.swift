/// The shape of a decoder-only transformer, as its Hugging Face `config.json` publishes it.
public struct ModelArchitecture: Codable, Sendable, Equatable {
    /// Decoder layers (`num_hidden_layers`).
    public var layers: Int
    public var hiddenSize: Int
    /// Query heads (`num_attention_heads`).
    public var attentionHeads: Int
    /// Key/value heads (`num_key_value_heads`); equal to ``attentionHeads`` without GQA.
    public var kvHeads: Int
    /// Size of one attention head.
    public var headDim: Int
    /// Dense FFN size (`intermediate_size`).
    public var intermediateSize: Int
    /// Gated MLP (SwiGLU/GeGLU: gate, up and down matrices) rather than two matrices.
    public var gatedMLP: Bool
    /// `hidden_act`.
    public var activation: String
    public var vocabulary: Int
    public var tiedEmbeddings: Bool
    /// `max_position_embeddings`.
    public var maxContext: Int
    /// Bias on the QKV projections (Qwen2).
    public var attentionBias: Bool?
    public var moe: MixtureOfExperts?
    public var mla: LatentAttention?
    public var slidingWindow: SlidingWindow?
    public var sparseAttention: SparseAttention?
    /// Multi-token-prediction layers shipped with the checkpoint.
    public var mtpLayers: Int?

    enum CodingKeys: String, CodingKey {
        case layers, hiddenSize = "hidden_size", attentionHeads = "attention_heads", kvHeads = "kv_heads"
        case headDim = "head_dim", intermediateSize = "intermediate_size", gatedMLP = "gated_mlp", activation
        case vocabulary, tiedEmbeddings = "tied_embeddings", maxContext = "max_context"
        case attentionBias = "attention_bias", moe, mla, slidingWindow = "sliding_window"
        case sparseAttention = "sparse_attention", mtpLayers = "mtp_layers"
    }
}

/// Routed (and shared) experts replacing the dense FFN in some layers.
public struct MixtureOfExperts: Codable, Sendable, Equatable {
    public var routedExperts: Int
    /// Routed experts each token activates (top-k).
    public var expertsPerToken: Int
    public var sharedExperts: Int
    /// FFN size of one routed expert.
    public var expertIntermediateSize: Int
    /// FFN size of one shared expert when it differs from a routed one.
    public var sharedExpertIntermediateSize: Int?
    /// Leading layers that keep a dense FFN (`first_k_dense_replace`).
    public var denseLayers: Int

    enum CodingKeys: String, CodingKey {
        case routedExperts = "routed_experts", expertsPerToken = "experts_per_token", sharedExperts = "shared_experts"
        case expertIntermediateSize = "expert_intermediate_size"
        case sharedExpertIntermediateSize = "shared_expert_intermediate_size", denseLayers = "dense_layers"
    }
}

/// DeepSeek multi-head latent attention: a compressed latent is cached instead of full K/V.
public struct LatentAttention: Codable, Sendable, Equatable {
    public var kvLoraRank: Int
    public var qLoraRank: Int?
    public var qkNopeHeadDim: Int
    public var qkRopeHeadDim: Int
    public var vHeadDim: Int

    /// Elements cached per token per layer: `kv_lora_rank + qk_rope_head_dim`.
    public var cachedElementsPerToken: Int { kvLoraRank + qkRopeHeadDim }

    enum CodingKeys: String, CodingKey {
        case kvLoraRank = "kv_lora_rank", qLoraRank = "q_lora_rank", qkNopeHeadDim = "qk_nope_head_dim"
        case qkRopeHeadDim = "qk_rope_head_dim", vHeadDim = "v_head_dim"
    }
}

/// Layers that attend only to the last `window` tokens.
public struct SlidingWindow: Codable, Sendable, Equatable {
    /// Which layers slide.
    public enum Layers: Sendable, Equatable, Codable {
        case all
        /// Every other layer, the first one sliding.
        case alternate
        /// This many layers.
        case count(Int)

        public init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let count = try? container.decode(Int.self) { self = .count(count); return }
            switch try container.decode(String.self) {
            case "all": self = .all
            case "alternate": self = .alternate
            case let other:
                throw DecodingError.dataCorruptedError(
                    in: container, debugDescription: "'layers' must be 'all', 'alternate' or a count, got '\(other)'")
            }
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .all: try container.encode("all")
            case .alternate: try container.encode("alternate")
            case let .count(count): try container.encode(count)
            }
        }

        /// Number of sliding layers out of `total`.
        public func slidingLayers(of total: Int) -> Int {
            switch self {
            case .all: total
            case .alternate: (total + 1) / 2
            case let .count(count): min(count, total)
            }
        }
    }

    /// Tokens a sliding layer attends to.
    public var window: Int
    public var layers: Layers
}

/// DeepSeek sparse attention (V3.2): a lightning indexer picks `index_top_k` keys per query.
public struct SparseAttention: Codable, Sendable, Equatable {
    public var indexTopK: Int
    public var indexHeads: Int
    public var indexHeadDim: Int

    enum CodingKeys: String, CodingKey {
        case indexTopK = "index_top_k", indexHeads = "index_heads", indexHeadDim = "index_head_dim"
    }
}
