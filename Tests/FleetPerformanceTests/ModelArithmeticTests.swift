import Testing
import FleetProfiles
import FleetUnits
@testable import FleetPerformance

/// FLOPs and weight bytes checked against hand computations from the published configs.
struct ModelArithmeticTests {
    static let efficiencies: KernelEfficiencies = {
        do { return try Document(text: Fixtures.shippedKernelCalibration(), file: "kernels.yaml").decode(KernelEfficiencies.self) } catch {
            preconditionFailure("\(error)")
        }
    }()

    func spec(_ model: String, _ hardware: String, weights: Precision = .bf16, activations: Precision = .bf16,
              kv: Precision = .bf16, tp: Int = 1, ep: Int = 1) throws -> DeploymentSpec {
        try DeploymentSpec.resolve(model: model, hardware: hardware, engine: "vllm", catalog: Fixtures.catalog,
                                   efficiencies: Self.efficiencies, weights: weights, activations: activations, kvCache: kv,
                                   tensorParallel: tp, expertParallel: ep)
    }

    /// Llama-3.1-8B: per layer q 4096·4096 + k,v 2·4096·1024 + o 4096·4096 + SwiGLU 3·4096·14336
    /// = 218,103,808; × 32 layers = 6,979,321,856; embedding and untied LM head 2·128256·4096 = 1,050,673,152.
    /// Llama-3.1-70B: per layer 2·8192² + 2·8192·1024 + 3·8192·28672 = 855,638,016; × 80 = 68,451,041,280;
    /// plus 2·128256·8192 = 2,101,346,304.
    /// Mixtral-8x7B: attention 41,943,040 + 8 experts · 3·4096·14336 + router 4096·8, × 32 layers, plus
    /// 2·32000·4096 = 46,702,526,464.
    /// DeepSeek-V3: MLA 187,105,280 per layer × 61; 3 dense SwiGLU layers of 3·7168·18432; 58 MoE layers of
    /// 256 + 1 experts of 3·7168·2048 and a 7168·256 router; 2·129280·7168 embeddings = 671,025,397,760.
    @Test(arguments: [("llama-3.1-8b", 8_029_995_008.0), ("llama-3.1-70b", 70_552_387_584.0),
                      ("mixtral-8x7b", 46_702_526_464.0), ("deepseek-v3", 671_025_397_760.0)])
    func parameterCountsMatchHandComputation(model: String, parameters: Double) throws {
        #expect(try #require(Fixtures.catalog.model(model)).architecture.parameterCount == parameters)
    }

    @Test func weightBytesFollowPrecisionAndSharding() throws {
        // BF16 on one device: 2 bytes per parameter.
        #expect(try MemoryPlan(spec: spec("llama-3.1-8b", "nvidia-h100-sxm")).weights == Bytes(2 * 8_029_995_008))
        // FP8 linear layers (1 byte) with 16-bit embedding and LM head: 68,451,041,280 + 2 · 2,101,346,304.
        let fp8 = try MemoryPlan(spec: spec("llama-3.1-70b", "nvidia-h200-sxm", weights: .fp8, activations: .fp8, kv: .fp8))
        #expect(fp8.weights == Bytes(68_451_041_280 + 2 * 2_101_346_304))
        // Tensor parallelism 4 splits everything, including the vocabulary.
        let tp4 = try MemoryPlan(spec: spec("llama-3.1-70b", "nvidia-h100-sxm", weights: .fp8, activations: .fp8, kv: .fp8, tp: 4))
        #expect(tp4.weights == Bytes((68_451_041_280 + 2 * 2_101_346_304) / 4))
    }

    /// One decode token of Llama-3.1-8B at context 1: 2 FLOPs per linear weight (13,958,643,712), the LM head
    /// 2·4096·128256 = 1,050,673,152, and attention 4·32·128 per key per layer × 32 layers = 524,288.
    @Test func decodeTokenFLOPsMatchHandComputation() throws {
        let model = try StepModel(spec: spec("llama-3.1-8b", "nvidia-h100-sxm"))
        let costs = model.breakdown(model.features(of: .decode(batch: 1, context: 0)))
        #expect(costs.reduce(0) { $0 + $1.flops.value } == 15_009_841_152)
    }

    /// Mixtral decode of one token reads 2 of 8 experts: E·(1 − (1 − k/E)^1) = 2 experts' weights.
    @Test func moeDecodeReadsOnlyTouchedExperts() throws {
        let model = try StepModel(spec: spec("mixtral-8x7b", "amd-mi325x"))
        let experts = try #require(model.breakdown(model.features(of: .decode(batch: 1, context: 0))).first { $0.operatorClass == .experts })
        // 32 layers · (2 experts · 176,160,768 parameters · 2 bytes + router 32,768 · 2 bytes).
        #expect(experts.bytes == Bytes(32 * (2 * 176_160_768 * 2 + 32_768 * 2)))
    }

    /// DeepSeek-V3 caches the MLA latent: (512 + 64) elements per token per layer, not split by TP.
    @Test func latentAttentionCachesTheCompressedLatent() throws {
        let plan = try MemoryPlan(spec: spec("deepseek-v3", "nvidia-h200-sxm", weights: .fp8, activations: .fp8, kv: .fp8, tp: 8))
        #expect(plan.kvBytesPerToken == Bytes(576 * 61))
    }
}
