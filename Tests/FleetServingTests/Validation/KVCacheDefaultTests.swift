import Testing
import FleetPerformance
import FleetProfiles
@testable import FleetServing

/// A row that leaves its KV-cache precision empty ran the engine's default for its checkpoint: TensorRT-LLM
/// follows the checkpoint (`KvCacheConfig.dtype = auto`), and ModelOpt exports FP8 and NVFP4 checkpoints with an
/// FP8 KV cache unless told otherwise (`hf_ptq.py --kv_cache_qformat`, default `fp8`).
struct KVCacheDefaultTests {
    static func row(engine: String, weights: Precision, hardware: String = "nvidia-b200") -> PublishedMeasurement {
        PublishedMeasurement(rawID: "K", line: 1, engine: engine, engineVersion: nil, model: "llama-3.3-70b", hardware: hardware,
                             devices: 1, tensorParallel: 1, pipelineParallel: nil, expertParallel: nil,
                             weightPrecision: weights, activationPrecision: nil, kvPrecision: nil, workload: nil,
                             inputTokens: 128, outputTokens: 128, mode: .offline, load: nil, metric: .outputThroughput, value: 1,
                             detail: "offline benchmark", sourceDate: "2025")
    }

    static func kvCache(of row: PublishedMeasurement) throws -> Precision {
        try MeasurementSetup.make(row, catalog: ServingFixtures.catalog, efficiencies: ServingFixtures.efficiencies, seed: 1).spec.kvCache
    }

    @Test func tensorRTLLMQuantizedCheckpointsCarryAnFP8Cache() throws {
        #expect(try Self.kvCache(of: Self.row(engine: "tensorrt-llm", weights: .fp4)) == .fp8)
        #expect(try Self.kvCache(of: Self.row(engine: "tensorrt-llm", weights: .fp8)) == .fp8)
    }

    @Test func otherEnginesAndSixteenBitCheckpointsKeepTheActivationPrecision() throws {
        #expect(try Self.kvCache(of: Self.row(engine: "tensorrt-llm", weights: .bf16)) == .bf16)
        #expect(try Self.kvCache(of: Self.row(engine: "vllm", weights: .fp8, hardware: "nvidia-h200-sxm")) == .fp8)
        // An FP4 checkpoint in vLLM runs a 16-bit cache unless the row says otherwise.
        #expect(try Self.kvCache(of: Self.row(engine: "vllm", weights: .fp4)) == .bf16)
    }
}
