import Testing
import FleetProfiles
@testable import FleetPerformance

struct SpeculativeDecodingTests {
    @Test func expectedTokensFollowTheAcceptanceChain() {
        #expect(SpeculativeDecoding(draftTokens: 1, acceptance: [0.8]).expectedTokensPerStep == 1.8)
        #expect(abs(SpeculativeDecoding(draftTokens: 3, acceptance: [0.9, 0.5, 0.5]).expectedTokensPerStep - (1 + 0.9 + 0.45 + 0.225)) < 1e-12)
        #expect(SpeculativeDecoding(draftTokens: 2, acceptance: [0, 1]).expectedTokensPerStep == 1)
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
        #expect(try tpot(SpeculativeDecoding(draftTokens: 1, acceptance: [0.8])) < plain)
        #expect(try tpot(SpeculativeDecoding(draftTokens: 1, acceptance: [0])) > plain)
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
