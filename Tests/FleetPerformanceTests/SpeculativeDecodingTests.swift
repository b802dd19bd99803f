import Testing
import FleetProfiles
@testable import FleetPerformance

struct SpeculativeDecodingTests {
    static func mtp(_ spec: DeploymentSpec, _ acceptance: [Double]) throws -> SpeculativeDecoding {
        try SpeculativeDecoding.make(method: .multiTokenPrediction, draftTokens: acceptance.count, acceptance: acceptance, target: spec)
    }

    @Test func expectedTokensFollowTheAcceptanceChain() throws {
        let spec = try ModelArithmeticTests().spec("llama-3.1-8b", "nvidia-h100-sxm")
        #expect(try Self.mtp(spec, [0.8]).expectedTokensPerStep == 1.8)
        #expect(abs(try Self.mtp(spec, [0.9, 0.5, 0.5]).expectedTokensPerStep - (1 + 0.9 + 0.45 + 0.225)) < 1e-12)
        #expect(try Self.mtp(spec, [0, 1]).expectedTokensPerStep == 1)
    }

    /// The MTP/EAGLE drafter is one decoder layer of the target: its weights are a small share of the target's,
    /// and its draft pass costs far less than a target decode step.
    @Test func aHeadDrafterIsOneLayerOfTheTarget() throws {
        let spec = try ModelArithmeticTests().spec("llama-3.1-70b", "nvidia-h100-sxm", tp: 4)
        let target = try MemoryPlan(spec: spec), speculative = try Self.mtp(spec, [0.7])
        let layers = Double(spec.model.architecture.layers)
        #expect(speculative.drafterKVBytesPerToken.value * layers == target.kvBytesPerToken.value)
        #expect(speculative.drafterWeights.value < 3 * target.weights.value / layers)
        #expect(speculative.kvCapacityTokens(alongside: target) < target.kvCapacityTokens)
        var scratch = [Double](repeating: 0, count: Feature.count)
        let draft = speculative.draftTime(sequences: 8, contextSum: 8 * 1000, features: &scratch)
        let decode = try StepModel(spec: spec).stepTime(StepModel(spec: spec).features(of: .decode(batch: 8, context: 1000)))
        #expect(draft > 0 && draft < decode / 10)
    }

    /// A draft model that does not split over the target's tensor group is refused with the reason.
    @Test func aDraftModelMustSplitOverTheTensorGroup() throws {
        let spec = try ModelArithmeticTests().spec("llama-3.1-70b", "nvidia-h100-sxm", tp: 8)
        var draft = spec.model
        draft.architecture.attentionHeads = 12
        #expect(throws: PerformanceError.self) {
            try SpeculativeDecoding.make(method: .draftModel, draftTokens: 2, acceptance: [0.7, 0.7], target: spec, draftModel: draft)
        }
        #expect(throws: PerformanceError.self) {
            try SpeculativeDecoding.make(method: .draftModel, draftTokens: 2, acceptance: [0.7, 0.7], target: spec)
        }
    }

    /// Verification reads each sequence's KV once but attends k + 1 queries: the KV traffic of one decode
    /// token, the query-key pairs of k + 1.
    @Test func verificationReadsTheContextOnce() {
        var features = [Double](repeating: 0, count: Feature.count)
        SpeculativeDecoding.addVerification(to: &features, context: 99, drafts: 3, window: nil)
        #expect(features[Feature.decodeTokens.rawValue] == 4)
        #expect(features[Feature.decodeContext.rawValue] == 100)
        #expect(features[Feature.prefillPairs.rawValue] == 101 + 102 + 103)
        #expect(features[Feature.sampledTokens.rawValue] == 4)
    }

    /// Memory-bound decode: verifying two tokens costs little more than one, so accepted drafts lower TPOT;
    /// with nothing accepted, speculation only adds work.
    @Test func speculationHelpsMemoryBoundDecodeOnlyWhenDraftsAreAccepted() throws {
        let spec = try ModelArithmeticTests().spec("deepseek-v3", "nvidia-h200-sxm", weights: .fp8, activations: .fp8, kv: .fp8, tp: 8)
        let model = try StepModel(spec: spec), memory = try MemoryPlan(spec: spec)
        func tpot(_ speculative: SpeculativeDecoding?) throws -> Double {
            try StaticBatchPrediction(model: model, memory: memory, batch: 16, inputTokens: 1000, outputTokens: 200,
                                      speculative: speculative).timePerOutputToken.value
        }
        let plain = try tpot(nil)
        #expect(try tpot(Self.mtp(spec, [0.8])) < plain)
        #expect(try tpot(Self.mtp(spec, [0])) > plain)
    }

    @Test func weightOnlyQuantizationCountsDequantizationWork() throws {
        let w4a16 = try StepModel(spec: ModelArithmeticTests().spec("llama-3.1-8b", "nvidia-h100-sxm", weights: .int4, activations: .bf16))
        let bf16 = try StepModel(spec: ModelArithmeticTests().spec("llama-3.1-8b", "nvidia-h100-sxm"))
        let state = w4a16.features(of: .prefill(batch: 1, tokens: 4096))
        let narrow = try #require(w4a16.breakdown(state).first { $0.operatorClass == .mlp })
        let wide = try #require(bf16.breakdown(state).first { $0.operatorClass == .mlp })
        #expect(narrow.flops > wide.flops)
        #expect(narrow.bytes < wide.bytes)
    }
}
