import FleetProfiles
import FleetUnits

/// Everything the performance model needs about one replica: model, hardware, precisions, parallelism,
/// engine settings and the kernel efficiencies of the hardware's family.
public struct DeploymentSpec: Sendable {
    public let model: ModelProfile
    public let hardware: HardwareProfile
    /// Engine profile id.
    public let engineID: String
    public let weights: Precision
    public let activations: Precision
    public let kvCache: Precision
    public let tensorParallel: Int
    public let pipelineParallel: Int
    public let expertParallel: Int
    /// Data-parallel attention ranks (DeepSeek-style DP attention): each rank holds the attention and dense
    /// layers and serves its own sequences, while the routed experts are spread over all `tp × dp` devices.
    public let dataParallelAttention: Int
    /// Fraction of device memory the engine may use, read by ``memoryBasis``.
    public let memoryFraction: Double
    public let memoryBasis: MemoryBasis
    /// Most tokens per step (sizes the activation workspace and prefill chunks).
    public let maxBatchedTokens: Int
    /// Fixed engine time per step (scheduling, launches), fitted per engine and hardware family. Each pipeline
    /// rank runs the engine loop for each micro-batch, so a pass through `pp` stages costs `pp` times this.
    public var stepOverhead: Seconds
    /// Engine time per step for each sequence that samples a token in it (sampling, detokenization, streaming,
    /// request bookkeeping): the engine profile's `overheads.per_sequence`, zero until fitted.
    public var sequenceOverhead: Seconds
    /// Engine speed relative to the kernel roofline: modelled step times are multiplied by it (fitted per
    /// engine and hardware family; 1 when uncalibrated).
    public let timeScale: Double
    /// Scale on the fixed latencies of a step (GEMM tails, collective latencies α): engines overlap some of
    /// them (CUDA graphs, fused kernels). Fitted with ``timeScale``; 1 when uncalibrated.
    public let fixedLatencyScale: Double
    public let efficiencies: FamilyEfficiency
    /// How the efficiencies were obtained (own fit or prior), for `--explain`.
    public let efficiencyProvenance: String

    public init(model: ModelProfile, hardware: HardwareProfile, engineID: String = "", weights: Precision, activations: Precision,
                kvCache: Precision, tensorParallel: Int, pipelineParallel: Int, expertParallel: Int,
                dataParallelAttention: Int = 1, memoryFraction: Double, memoryBasis: MemoryBasis = .total, maxBatchedTokens: Int, stepOverhead: Seconds,
                sequenceOverhead: Seconds = .zero, timeScale: Double = 1, fixedLatencyScale: Double = 1,
                efficiencies: FamilyEfficiency, efficiencyProvenance: String) {
        self.model = model
        self.hardware = hardware
        self.engineID = engineID
        self.weights = weights
        self.activations = activations
        self.kvCache = kvCache
        self.tensorParallel = tensorParallel
        self.pipelineParallel = pipelineParallel
        self.expertParallel = expertParallel
        self.dataParallelAttention = dataParallelAttention
        self.memoryFraction = memoryFraction
        self.memoryBasis = memoryBasis
        self.maxBatchedTokens = maxBatchedTokens
        self.stepOverhead = stepOverhead
        self.sequenceOverhead = sequenceOverhead
        self.timeScale = timeScale
        self.fixedLatencyScale = fixedLatencyScale
        self.efficiencies = efficiencies
        self.efficiencyProvenance = efficiencyProvenance
    }

    /// Engine-loop iterations in one step: every pipeline rank runs the loop for every micro-batch, so a pass
    /// through `pp` stages pays ``stepOverhead`` `pp` times.
    public var engineLoopsPerStep: Int { max(1, pipelineParallel) }

    /// Devices of one replica.
    public var devices: Int { tensorParallel * pipelineParallel * dataParallelAttention }

    /// Devices the routed experts are spread over.
    public var expertShards: Int { tensorParallel * dataParallelAttention }

    /// The precision GEMMs run at: the activation precision (mxfp4 runs on fp4 units).
    public var computePrecision: Precision { activations == .mxfp4 ? .fp4 : activations }
}
