import Foundation

/// Builds a ``ModelProfile`` from a Hugging Face `config.json`, reading the keys the common decoder
/// families use (Llama, Mistral/Mixtral, Qwen2/Qwen3/Qwen3-MoE, DeepSeek V2/V3/V3.2, gpt-oss, GLM).
public enum HuggingFaceConfig {
    /// Why a config could not be imported.
    public struct ImportError: Error, Equatable, CustomStringConvertible {
        public let message: String
        public var description: String { message }
    }

    /// Where the profile's numbers came from.
    public struct Provenance: Sendable {
        public let locator: String
        public let date: String
        public init(locator: String, date: String) {
            self.locator = locator
            self.date = date
        }
    }

    /// Model types whose MLP is a plain two-matrix MLP rather than a gated one.
    static let plainMLPModelTypes: Set<String> = ["gpt2", "gpt_neox", "gptj", "opt", "bloom", "falcon", "phi", "starcoder2"]
    /// Model types whose attention has QKV bias without saying so in the config.
    static let implicitQKVBiasModelTypes: Set<String> = ["qwen2", "qwen2_moe"]

    /// The profile described by `json`.
    /// - Parameters:
    ///   - id: profile id; by default derived from `_name_or_path` or `model_type`.
    /// - Throws: ``ImportError`` naming a missing or malformed key.
    public static func profile(json: Data, id: String?, name: String?, provenance: Provenance) throws -> ModelProfile {
        let object: Any
        do { object = try JSONSerialization.jsonObject(with: json) } catch {
            throw ImportError(message: "the file is not valid JSON")
        }
        guard let config = object as? [String: Any] else { throw ImportError(message: "the top level must be a JSON object") }
        // Multimodal wrappers keep the language model under text_config.
        let text = (config["text_config"] as? [String: Any]).map { config.merging($0) { _, inner in inner } } ?? config
        let reader = Reader(values: text)

        let modelType = reader.string("model_type") ?? "unknown"
        let layers = try reader.requiredInt("num_hidden_layers")
        let hidden = try reader.requiredInt("hidden_size")
        let heads = try reader.requiredInt("num_attention_heads")
        let architecture = ModelArchitecture(
            layers: layers,
            hiddenSize: hidden,
            attentionHeads: heads,
            kvHeads: reader.int("num_key_value_heads") ?? heads,
            headDim: reader.int("head_dim") ?? hidden / heads,
            intermediateSize: try reader.requiredInt("intermediate_size"),
            gatedMLP: !plainMLPModelTypes.contains(modelType),
            activation: reader.string("hidden_act") ?? reader.string("activation_function") ?? "silu",
            vocabulary: try reader.requiredInt("vocab_size"),
            tiedEmbeddings: reader.bool("tie_word_embeddings") ?? false,
            maxContext: reader.int("max_position_embeddings") ?? reader.int("seq_length") ?? 0,
            attentionBias: reader.bool("attention_bias") ?? (implicitQKVBiasModelTypes.contains(modelType) ? true : nil),
            moe: try mixtureOfExperts(reader, intermediate: reader.int("intermediate_size") ?? 0),
            mla: latentAttention(reader),
            slidingWindow: slidingWindow(reader, layers: layers),
            sparseAttention: sparseAttention(reader),
            mtpLayers: reader.int("num_nextn_predict_layers").flatMap { $0 > 0 ? $0 : nil })
        guard architecture.maxContext > 0 else { throw ImportError(message: "missing 'max_position_embeddings'") }

        let repository = reader.string("_name_or_path")
        let profileID = id ?? (repository.map { $0.split(separator: "/").last.map(String.init) ?? $0 } ?? modelType)
            .lowercased().replacingOccurrences(of: "_", with: "-")
        return ModelProfile(
            id: profileID, name: name ?? repository ?? profileID,
            family: family(of: modelType), huggingface: repository, parameters: nil,
            checkpointPrecision: checkpointPrecision(reader), architecture: architecture,
            sources: [Source(locator: provenance.locator, date: provenance.date)],
            note: "imported by fleetsim import-hf from config.json (model_type '\(modelType)')")
    }

    static func family(of modelType: String) -> String {
        switch modelType {
        case "qwen3_moe": "qwen3-moe"
        case "deepseek_v2", "deepseek_v3", "deepseek_v32": "deepseek"
        case "glm4", "glm4_moe", "chatglm": "glm"
        default: modelType.replacingOccurrences(of: "_", with: "-")
        }
    }

    static func mixtureOfExperts(_ reader: Reader, intermediate: Int) throws -> MixtureOfExperts? {
        guard let experts = reader.int("n_routed_experts") ?? reader.int("num_local_experts") ?? reader.int("num_experts"),
              experts > 1 else { return nil }
        guard let perToken = reader.int("num_experts_per_tok") ?? reader.int("experts_per_token") else {
            throw ImportError(message: "a mixture-of-experts config needs 'num_experts_per_tok'")
        }
        var sharedExperts = reader.int("n_shared_experts") ?? 0
        var sharedSize: Int?
        if let size = reader.int("shared_expert_intermediate_size"), size > 0 {  // Qwen2-MoE style: one shared expert
            sharedExperts = max(sharedExperts, 1)
            sharedSize = size
        }
        let expertSize = reader.int("moe_intermediate_size") ?? intermediate
        return MixtureOfExperts(
            routedExperts: experts, expertsPerToken: perToken, sharedExperts: sharedExperts,
            expertIntermediateSize: expertSize, sharedExpertIntermediateSize: sharedSize == expertSize ? nil : sharedSize,
            denseLayers: reader.int("first_k_dense_replace") ?? 0)
    }

    static func latentAttention(_ reader: Reader) -> LatentAttention? {
        guard let rank = reader.int("kv_lora_rank"), let nope = reader.int("qk_nope_head_dim"),
              let rope = reader.int("qk_rope_head_dim"), let value = reader.int("v_head_dim") else { return nil }
        return LatentAttention(kvLoraRank: rank, qLoraRank: reader.int("q_lora_rank"), qkNopeHeadDim: nope,
                               qkRopeHeadDim: rope, vHeadDim: value)
    }

    static func slidingWindow(_ reader: Reader, layers: Int) -> SlidingWindow? {
        guard let window = reader.int("sliding_window"), window > 0, reader.bool("use_sliding_window") ?? true else { return nil }
        guard let types = reader.values["layer_types"] as? [String] else { return SlidingWindow(window: window, layers: .all) }
        let sliding = types.map { $0 == "sliding_attention" }
        guard sliding.contains(true) else { return nil }
        if sliding.allSatisfy({ $0 }) { return SlidingWindow(window: window, layers: .all) }
        if sliding.enumerated().allSatisfy({ $0.element == ($0.offset % 2 == 0) }) {
            return SlidingWindow(window: window, layers: .alternate)
        }
        return SlidingWindow(window: window, layers: .count(sliding.filter { $0 }.count))
    }

    static func sparseAttention(_ reader: Reader) -> SparseAttention? {
        guard let topK = reader.int("index_topk"), let heads = reader.int("index_n_heads"),
              let dim = reader.int("index_head_dim") else { return nil }
        return SparseAttention(indexTopK: topK, indexHeads: heads, indexHeadDim: dim)
    }

    static func checkpointPrecision(_ reader: Reader) -> Precision? {
        if let quantization = reader.values["quantization_config"] as? [String: Any],
           let method = quantization["quant_method"] as? String {
            switch method {
            case "fp8": return .fp8
            case "mxfp4": return .mxfp4
            default: break
            }
        }
        switch reader.string("torch_dtype") ?? reader.string("dtype") {
        case "bfloat16": return .bf16
        case "float16": return .fp16
        case "float32": return .fp32
        default: return nil
        }
    }

    /// Typed access to config values (JSON numbers arrive as `NSNumber`, booleans too).
    struct Reader {
        let values: [String: Any]

        func int(_ key: String) -> Int? {
            guard let number = values[key] as? NSNumber
            else { return nil }
            let double = number.doubleValue
            return double == double.rounded() && abs(double) < 1e15 ? Int(double) : nil
        }

        func requiredInt(_ key: String) throws -> Int {
            guard let value = int(key) else { throw ImportError(message: "missing or non-integer '\(key)'") }
            guard value > 0 else { throw ImportError(message: "'\(key)' must be positive, got \(value)") }
            return value
        }

        func string(_ key: String) -> String? { values[key] as? String }

        func bool(_ key: String) -> Bool? {
            guard let number = values[key] as? NSNumber else { return nil }
            return number.boolValue
        }
    }
}
