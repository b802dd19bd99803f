import Testing
@testable import FleetServing

/// trtllm-bench's batch and token budget, checked against `finetune_setting` worked by hand.
struct TensorRTLLMBenchSettingsTests {
    @Test func shortRequestsWithRoomForThousandsGetALargeBatch() {
        // (80 − 16) GB × 0.95 / (131072 B × 256 tokens) = 1812.4 requests → batch 256·⌈1812.4/256⌉ = 2048;
        // tokens 1812.4 × (1 + 128/128) = 3624.8 < 4096 → max(2048, 256·⌈3624.8/256⌉) = 3840.
        let settings = TensorRTLLMBenchSettings(memory: 80e9, weights: 16e9, kvBytesPerToken: 131_072, pipelineParallel: 1,
                                                input: 128, output: 128)
        #expect(settings.maxSequences == 2048)
        #expect(settings.maxBatchedTokens == 3840)
    }

    @Test func longPromptsGetTheMinimumBatchAndTokenBudget() {
        // (141 − 35) GB × 0.95 / (81920 B × 9216 tokens) = 133.4 requests → batch max(64, 32·⌈133.4/32⌉) = 160;
        // tokens 133.4 × (1 + 8192/1024) = 1200.6 → max(2048, 1280) = 2048.
        let settings = TensorRTLLMBenchSettings(memory: 141e9, weights: 35e9, kvBytesPerToken: 81_920, pipelineParallel: 1,
                                                input: 8192, output: 1024)
        #expect(settings.maxSequences == 160)
        #expect(settings.maxBatchedTokens == 2048)
    }

    @Test func theTokenBudgetIsCappedAndPipelineStagesShareTheBatch() {
        // 1e6 requests → min(1e6, 4096) / 2 stages = 2048 → batch 2048; tokens min(2048 × (1 + 32/1), 32768) = 32768.
        let settings = TensorRTLLMBenchSettings(memory: 1e15, weights: 0, kvBytesPerToken: 1, pipelineParallel: 2,
                                                input: 32, output: 1)
        #expect(settings.maxSequences == 2048)
        #expect(settings.maxBatchedTokens == 32768)
        // Each stage holds one micro-batch of 2048: 4096 sequences in flight.
        #expect(settings.sequencesInFlight == 4096)
    }

    @Test func onlyTrtllmBenchRowsAreRecognized() {
        #expect(TensorRTLLMBenchSettings.describes("trtllm-bench throughput PyTorch backend"))
        #expect(!TensorRTLLMBenchSettings.describes("Triton tensorrtllm_backend online serving; 500 requests"))
    }
}
