import Testing
import FleetLinearAlgebra
import FleetProfiles
import FleetUnits
@testable import FleetPerformance

/// Properties the physics must have, on every catalogued model and several devices.
struct StepModelPropertyTests {
    let arithmetic = ModelArithmeticTests()

    func states(for model: StepModel) -> [BatchState] {
        [.decode(batch: 1, context: 100), .decode(batch: 64, context: 2000), .prefill(batch: 1, tokens: 4096),
         BatchState(prefill: [.init(tokens: 512, cached: 1024)], decodeContexts: [300, 4000, 12000])]
    }

    func scaled(_ spec: DeploymentSpec, gemm gemmScale: Double = 1, memory memoryScale: Double = 1) -> DeploymentSpec {
        var efficiency = spec.efficiencies
        efficiency.gemm = efficiency.gemm.mapValues { GemmEfficiency(peakEfficiency: $0.peakEfficiency * gemmScale, fixedLatency: $0.fixedLatency, rows: []) }
        efficiency.memory = efficiency.memory.map { FittedValue(value: $0.value * memoryScale, rows: []) }
        if let attention = efficiency.attention { efficiency.attention = FittedValue(value: attention.value * gemmScale, rows: []) }
        if let serving = efficiency.servingAttention { 
            efficiency.servingAttention = AttentionKernelEfficiency(value: serving.value * gemmScale, overheadTokens: serving.overheadTokens, rows: [])
        }
        return DeploymentSpec(model: spec.model, hardware: spec.hardware, weights: spec.weights, activations: spec.activations,
                              kvCache: spec.kvCache, tensorParallel: spec.tensorParallel, pipelineParallel: spec.pipelineParallel,
                              expertParallel: spec.expertParallel, memoryFraction: spec.memoryFraction,
                              maxBatchedTokens: spec.maxBatchedTokens, stepOverhead: spec.stepOverhead,
                              efficiencies: efficiency, efficiencyProvenance: spec.efficiencyProvenance)
    }

    @Test(arguments: ["llama-3.1-70b", "mixtral-8x7b", "deepseek-v3", "gpt-oss-120b", "qwen3-32b"])
    func moreBandwidthOrMoreFLOPSNeverSlowsAStep(modelID: String) throws {
        let spec = try arithmetic.spec(modelID, "nvidia-h200-sxm", weights: .fp8, activations: .fp8, kv: .fp8, tp: 8)
        let base = try StepModel(spec: spec)
        let faster = [try StepModel(spec: scaled(spec, gemm: 1.3)), try StepModel(spec: scaled(spec, memory: 1.1))]
        for state in states(for: base) {
            let time = base.stepTime(base.features(of: state))
            for model in faster { #expect(model.stepTime(model.features(of: state)) <= time) }
        }
    }

    @Test(arguments: ["llama-3.1-70b", "mixtral-8x7b", "qwen3-235b-a22b"])
    func memoryPerDeviceNeverGrowsWithTensorParallelism(modelID: String) throws {
        var previous = Double.infinity
        for tp in [1, 2, 4, 8] {
            let spec = try arithmetic.spec(modelID, "nvidia-b200", weights: .fp8, activations: .fp8, kv: .fp8, tp: tp)
            // A model too big for few devices is skipped until it fits.
            if let plan = try? MemoryPlan(spec: spec) {
                #expect(plan.weights.value <= previous)
                previous = plan.weights.value
            }
        }
    }

    @Test func kvCapacityGrowsWithMemory() throws {
        var previous = 0
        for fraction in [0.5, 0.7, 0.9] {
            let spec = try DeploymentSpec.resolve(model: "llama-3.1-8b", hardware: "nvidia-h100-sxm", engine: "vllm",
                                                  catalog: Fixtures.catalog, efficiencies: ModelArithmeticTests.efficiencies,
                                                  weights: .bf16, activations: .bf16, kvCache: .bf16, tensorParallel: 1,
                                                  memoryFraction: fraction)
            let capacity = try MemoryPlan(spec: spec).kvCapacityTokens
            #expect(capacity > previous)
            previous = capacity
        }
    }

    /// A single decode token streams all weights for two FLOPs per weight: memory-bound on every device.
    @Test func decodeOfOneTokenIsMemoryBoundOnEveryDevice() throws {
        for hardware in Fixtures.catalog.hardware where hardware.compute.dense[.bf16] != nil && hardware.memory.bandwidth != nil {
            guard let spec = try? arithmetic.spec("llama-3.1-8b", hardware.id), let model = try? StepModel(spec: spec) else { continue }
            let costs = model.breakdown(model.features(of: .decode(batch: 1, context: 128)))
            for cost in costs where [.attentionProjections, .mlp, .lmHead].contains(cost.operatorClass) {
                #expect(cost.bound == .memory, "\(hardware.id) \(cost.operatorClass)")
            }
        }
    }

    @Test func fp8WeightsHalveWeightBytes() throws {
        let bf16 = try StepModel(spec: arithmetic.spec("llama-3.1-70b", "nvidia-h100-sxm", tp: 8))
        let fp8 = try StepModel(spec: arithmetic.spec("llama-3.1-70b", "nvidia-h100-sxm", weights: .fp8, activations: .fp8, tp: 8))
        let constant = [1.0] + [Double](repeating: 0, count: Feature.count - 1)
        for operatorClass in [OperatorClass.attentionProjections, .mlp] {
            let wide = try #require(bf16.breakdown(constant).first { $0.operatorClass == operatorClass }).bytes
            let narrow = try #require(fp8.breakdown(constant).first { $0.operatorClass == operatorClass }).bytes
            #expect(narrow * 2 == wide)
        }
    }

    /// The simulator's single-state path and the BLAS-batched path give the same step times.
    @Test(arguments: ["llama-3.1-8b", "mixtral-8x7b", "deepseek-v3", "gpt-oss-120b"])
    func batchedAndSingleStatePathsAgree(modelID: String) throws {
        let model = try StepModel(spec: arithmetic.spec(modelID, "nvidia-h200-sxm", weights: .fp8, activations: .fp8, kv: .fp8, tp: 8))
        let features = (0..<129).map { index in
            model.features(of: BatchState(prefill: index % 3 == 0 ? [.init(tokens: 17 * index + 1, cached: index * 5)] : [],
                                          decodeContexts: (0..<(index % 17)).map { 100 + 37 * $0 * index }))
        }
        let batched = model.stepTimes(Matrix(features))
        for (row, state) in features.enumerated() {
            let single = model.stepTime(state)
            #expect(abs(batched[row] - single) <= 1e-9 * single)
        }
    }

    @Test func deploymentThatDoesNotFitSaysByHowMuchAndWhatWouldFit() throws {
        let spec = try arithmetic.spec("llama-3.1-70b", "nvidia-h100-sxm")
        #expect(throws: PerformanceError("'llama-3.1-70b' does not fit on 'nvidia-h100-sxm' with tensor parallelism 1: it needs 70.7 GB more per device (weights 141.1048 GB, usable 72 GB); it would fit with tensor parallelism 4 or 'int4' weights")) {
            try MemoryPlan(spec: spec)
        }
    }

    @Test func precisionTheHardwareLacksIsAnError() throws {
        let spec = try arithmetic.spec("llama-3.1-8b", "nvidia-a100-sxm-80gb", weights: .fp8, activations: .fp8)
        #expect(throws: PerformanceError("precision 'fp8' is not supported by 'nvidia-a100-sxm-80gb'; it runs fp64, fp32, tf32, bf16, fp16, int8, int4")) {
            try StepModel(spec: spec)
        }
    }

    @Test func eachPipelineStagePaysTheEngineStepOverhead() throws {
        // A pass through pp stages runs the engine loop once per rank: the step overhead adds pp times.
        let state = BatchState.decode(batch: 8, context: 1000)
        for stages in [1, 2, 4] {
            func stepTime(overhead: Double) throws -> Double {
                var spec = try DeploymentSpec.resolve(model: "llama-3.1-70b", hardware: "nvidia-h100-sxm", engine: "vllm",
                                                      catalog: Fixtures.catalog, efficiencies: ModelArithmeticTests.efficiencies,
                                                      weights: .fp8, activations: .fp8, kvCache: .fp8, tensorParallel: 2,
                                                      pipelineParallel: stages)
                spec.stepOverhead = Seconds(overhead)
                let model = try StepModel(spec: spec)
                return model.stepTime(model.features(of: state))
            }
            let added = try stepTime(overhead: 0.002) - stepTime(overhead: 0)
            #expect(abs(added - 0.002 * Double(stages)) < 1e-9)
        }
    }

    @Test func eachSamplingSequencePaysTheEngineSequenceOverhead() throws {
        // 8 decodes and one prompt that completes in the step sample 9 tokens: the per-sequence overhead adds 9
        // times, the same on the inline path, the batched path and in the breakdown.
        let state = BatchState(prefill: [BatchState.Chunk(tokens: 512)], decodeContexts: Array(repeating: 1000, count: 8))
        var spec = try DeploymentSpec.resolve(model: "llama-3.1-8b", hardware: "nvidia-h100-sxm", engine: "vllm",
                                              catalog: Fixtures.catalog, efficiencies: ModelArithmeticTests.efficiencies,
                                              weights: .bf16, activations: .bf16, kvCache: .bf16, tensorParallel: 1)
        let without = try StepModel(spec: spec)
        spec.sequenceOverhead = Seconds(0.0001)
        let with = try StepModel(spec: spec)
        let features = with.features(of: state)
        #expect(features[Feature.sampledTokens.rawValue] == 9)
        #expect(abs(with.stepTime(features) - without.stepTime(features) - 0.0009) < 1e-12)
        let batched = with.stepTimes(Matrix(rows: 1, columns: Feature.count, rowMajor: features))
        #expect(abs(batched[0] - with.stepTime(features)) < 1e-12)
        let breakdown = with.breakdown(features).reduce(0) { $0 + $1.time.value }
        #expect(abs(breakdown - with.stepTime(features)) < 1e-9)
    }

    @Test func attentionRunsAtTheArchitectureKernelsEfficiency() throws {
        // A long prompt's attention is compute-bound, so its time scales with the attention η: the one of the
        // architecture's own kernels (FA3-class on Hopper, η∞·S/(S + S₀) for S prompt tokens) where fitted,
        // else FlashAttention-2's.
        let spec = try DeploymentSpec.resolve(model: "llama-3.1-8b", hardware: "nvidia-h100-sxm", engine: "vllm",
                                              catalog: Fixtures.catalog, efficiencies: ModelArithmeticTests.efficiencies,
                                              weights: .bf16, activations: .bf16, kvCache: .bf16, tensorParallel: 1)
        let kernel = try #require(spec.efficiencies.servingAttention)
        let tokens = 32768.0
        let serving = kernel.efficiency(sequence: tokens)
        let portable = try #require(spec.efficiencies.attention?.value)
        #expect(serving > portable)
        func attentionTime(_ spec: DeploymentSpec) throws -> Double {
            let model = try StepModel(spec: spec)
            let costs = model.breakdown(model.features(of: .prefill(batch: 1, tokens: Int(tokens))))
            return try #require(costs.first { $0.operatorClass == .attention }).time.value
        }
        var portableOnly = spec.efficiencies
        portableOnly.servingAttention = nil
        let fast = try attentionTime(spec)
        let slow = try attentionTime(DeploymentSpec(
            model: spec.model, hardware: spec.hardware, weights: spec.weights, activations: spec.activations, kvCache: spec.kvCache,
            tensorParallel: spec.tensorParallel, pipelineParallel: spec.pipelineParallel, expertParallel: spec.expertParallel,
            memoryFraction: spec.memoryFraction, maxBatchedTokens: spec.maxBatchedTokens, stepOverhead: spec.stepOverhead,
            efficiencies: portableOnly, efficiencyProvenance: spec.efficiencyProvenance))
        #expect(abs(slow / fast - serving / portable) / (serving / portable) < 0.02)
    }
}
