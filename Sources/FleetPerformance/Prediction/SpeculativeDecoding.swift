import FleetProfiles
import FleetUnits

/// Speculative decoding: in every decode step a drafter proposes `k` tokens per sequence, one pass after
/// another, and the target verifies the `k + 1` positions in one step. A sequence gains the verified token
/// plus the longest accepted prefix of its drafts.
///
/// The drafter is a step model of its own: one decoder layer of the target with an LM head for
/// multi-token-prediction modules (DeepSeek MTP) and EAGLE heads, or a separate small model.
public struct SpeculativeDecoding: Sendable {
    /// Where the drafts come from.
    public enum Method: String, Sendable, Codable, CaseIterable {
        /// A multi-token-prediction module of the target (one decoder layer on the target's last hidden state).
        case multiTokenPrediction = "mtp"
        /// An EAGLE draft head (one decoder layer and an LM head on the target's hidden states).
        case eagle
        /// A separate, smaller model of the same tokenizer.
        case draftModel = "draft-model"

        /// Decodes a method name; an unknown one is an error that lists the methods and suggests the closest.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            let name = try container.decode(String.self)
            guard let method = Method(rawValue: name) else {
                let names = Self.allCases.map(\.rawValue)
                throw DecodingError.dataCorruptedError(in: container, debugDescription:
                    Suggestion.unknown("speculative method", name, in: names) + "; expected one of \(names.joined(separator: ", "))")
            }
            self = method
        }
    }

    public let method: Method
    /// Draft tokens per step (`k`).
    public let draftTokens: Int
    /// Acceptance rate of each draft position, given the earlier ones were accepted.
    public let acceptance: [Double]
    /// The drafter as a step model on the target's devices.
    public let drafter: StepModel
    /// Memory the drafter adds on each device: its weights (a drafting layer of the target shares the target's
    /// embedding and LM head, so only the layer counts), and its KV cache per token of context.
    public let drafterWeights: Bytes
    public let drafterKVBytesPerToken: Bytes

    /// - Precondition: `draftTokens ≥ 1` and one acceptance rate in [0, 1] per draft position.
    public init(method: Method, draftTokens: Int, acceptance: [Double], drafter: StepModel, drafterWeights: Bytes,
                drafterKVBytesPerToken: Bytes) {
        precondition(draftTokens >= 1 && acceptance.count == draftTokens && acceptance.allSatisfy { (0...1).contains($0) },
                     "speculative decoding needs one acceptance rate in [0, 1] per draft token")
        self.method = method
        self.draftTokens = draftTokens
        self.acceptance = acceptance
        self.drafter = drafter
        self.drafterWeights = drafterWeights
        self.drafterKVBytesPerToken = drafterKVBytesPerToken
    }

    /// Speculative decoding for the target deployment `target`: the drafter is one decoder layer of the target
    /// (MTP, EAGLE) or `draftModel` (required for ``Method/draftModel``), on the same devices and precisions.
    /// - Throws: ``PerformanceError`` when the draft model cannot run with the target's tensor parallelism.
    public static func make(method: Method, draftTokens: Int, acceptance: [Double], target: DeploymentSpec,
                            draftModel: ModelProfile? = nil) throws(PerformanceError) -> SpeculativeDecoding {
        var drafterProfile: ModelProfile
        switch method {
        case .multiTokenPrediction, .eagle:
            drafterProfile = target.model
            drafterProfile.architecture.layers = 1
            drafterProfile.architecture.slidingWindow = nil
            drafterProfile.architecture.moe?.denseLayers = 0
        case .draftModel:
            guard let draftModel else { throw PerformanceError("speculative decoding with a draft model needs the draft model's id") }
            guard draftModel.architecture.attentionHeads % target.tensorParallel == 0 else {
                throw PerformanceError("tensor parallelism \(target.tensorParallel) must divide the attention heads of the draft model "
                    + "'\(draftModel.id)' (\(draftModel.architecture.attentionHeads))")
            }
            drafterProfile = draftModel
        }
        let spec = DeploymentSpec(
            model: drafterProfile, hardware: target.hardware, engineID: target.engineID, weights: target.weights,
            activations: target.activations, kvCache: target.kvCache, tensorParallel: target.tensorParallel, pipelineParallel: 1,
            expertParallel: drafterProfile.architecture.moe == nil ? 1 : target.expertParallel,
            dataParallelAttention: drafterProfile.architecture.moe == nil ? 1 : target.dataParallelAttention,
            memoryFraction: target.memoryFraction, memoryBasis: target.memoryBasis, maxBatchedTokens: target.maxBatchedTokens,
            stepOverhead: target.stepOverhead, sequenceOverhead: target.sequenceOverhead, timeScale: target.timeScale, fixedLatencyScale: target.fixedLatencyScale,
            efficiencies: target.efficiencies, efficiencyProvenance: target.efficiencyProvenance)
        let memory = try MemoryPlan(spec: spec)
        // A drafting layer of the target shares its embedding and LM head; a draft model brings its own.
        let geometry = Geometry(spec: spec)
        let shared = method == .draftModel ? 0 : geometry.embeddingParameters * geometry.headBytes
        return SpeculativeDecoding(method: method, draftTokens: draftTokens, acceptance: acceptance, drafter: try StepModel(spec: spec),
                                   drafterWeights: Bytes(memory.weights.value - shared), drafterKVBytesPerToken: memory.kvBytesPerToken)
    }

    /// Tokens a sequence gains per step on average: `1 + Σᵢ Πⱼ≤ᵢ aⱼ` (the verified token plus the accepted prefix).
    public var expectedTokensPerStep: Double {
        var expected = 1.0, chain = 1.0
        for rate in acceptance {
            chain *= rate
            expected += chain
        }
        return expected
    }

    /// Tokens of KV cache that `memory` holds once the drafter's weights and its own KV per token are counted:
    /// `(KV space − drafter weights) / (target KV per token + drafter KV per token)`, at least 0.
    public func kvCapacityTokens(alongside memory: MemoryPlan) -> Int {
        let space = memory.kvCache.value - drafterWeights.value
        return max(0, Int(space / (memory.kvBytesPerToken.value + drafterKVBytesPerToken.value)))
    }

    /// Adds to `features` the target's verification of one sequence whose KV holds `context` tokens: `drafts + 1`
    /// query tokens through every layer, which read the sequence's KV once (the decode traffic of one token)
    /// and attend to `context + 1 + j` keys each (`j = 0…drafts`; the pairs beyond the first query count as
    /// prefill-like query-key pairs), and `drafts + 1` positions sampled by the LM head.
    public static func addVerification(to features: inout [Double], context: Int, drafts: Int, window: Int?) {
        let queries = Double(drafts + 1), keys = Double(context + 1)
        features[Feature.decodeTokens.rawValue] += queries
        features[Feature.decodeContext.rawValue] += keys
        features[Feature.decodeContextWindowed.rawValue] += Double(min(context + 1, window ?? Int.max))
        features[Feature.sampledTokens.rawValue] += queries
        guard drafts > 0 else { return }
        let extra = Double(drafts)
        features[Feature.prefillPairs.rawValue] += extra * keys + extra * (extra + 1) / 2
        features[Feature.prefillPairsWindowed.rawValue] += BatchState.windowedPairs(tokens: drafts, cached: context + 1, window: window)
    }

    /// Time of the drafter's `k` passes for decoding sequences whose contexts sum to `contextSum`
    /// (`sequences` of them): each pass drafts one token per sequence.
    public func draftTime(sequences: Int, contextSum: Double, features: inout [Double]) -> Double {
        guard sequences > 0 else { return 0 }
        for index in features.indices { features[index] = 0 }
        let count = Double(sequences)
        features[Feature.constant.rawValue] = 1
        features[Feature.decodeTokens.rawValue] = count
        features[Feature.decodeContext.rawValue] = contextSum + count
        features[Feature.decodeContextWindowed.rawValue] = contextSum + count
        features[Feature.sampledTokens.rawValue] = count
        features[Feature.touchedExperts.rawValue] = drafter.touchedExperts(localTokens: count)
        return Double(draftTokens) * drafter.stepTime(features)
    }

    /// Time of one speculative decode step for `batch` sequences at `context`: the target verifying `k + 1`
    /// tokens per sequence plus the drafter's `k` passes.
    public func stepTime(model: StepModel, batch: Int, context: Int) -> Double {
        var features = [Double](repeating: 0, count: Feature.count)
        features[Feature.constant.rawValue] = 1
        for _ in 0..<batch { Self.addVerification(to: &features, context: context, drafts: draftTokens, window: model.window) }
        features[Feature.touchedExperts.rawValue] = model.touchedExperts(localTokens: features[Feature.decodeTokens.rawValue])
        var scratch = [Double](repeating: 0, count: Feature.count)
        return model.stepTime(features) + draftTime(sequences: batch, contextSum: Double(batch * context), features: &scratch)
    }
}
