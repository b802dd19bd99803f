import FleetProfiles
import FleetUnits

/// Everything the performance model needs about one replica: model, hardware, precisions, parallelism,
/// engine settings and the kernel efficiencies of the hardware's family.
public struct DeploymentSpec: Sendable {
    public let model: ModelProfile
    public let hardware: HardwareProfile
    public let weights: Precision
    public let activations: Precision
    public let kvCache: Precision
    public let tensorParallel: Int
    public let pipelineParallel: Int
    public let expertParallel: Int
    /// Fraction of device memory the engine may use, read by ``memoryBasis``.
    public let memoryFraction: Double
    public let memoryBasis: MemoryBasis
    /// Most tokens per step (sizes the activation workspace and prefill chunks).
    public let maxBatchedTokens: Int
    /// Fixed engine time per step (scheduling, launches), when the engine profile has a fitted one.
    public let stepOverhead: Seconds
    public let efficiencies: FamilyEfficiency
    /// How the efficiencies were obtained (own fit or prior), for `--explain`.
    public let efficiencyProvenance: String

    public init(model: ModelProfile, hardware: HardwareProfile, weights: Precision, activations: Precision,
                kvCache: Precision, tensorParallel: Int, pipelineParallel: Int, expertParallel: Int,
                memoryFraction: Double, memoryBasis: MemoryBasis = .total, maxBatchedTokens: Int, stepOverhead: Seconds,
                efficiencies: FamilyEfficiency, efficiencyProvenance: String) {
        self.model = model
        self.hardware = hardware
        self.weights = weights
        self.activations = activations
        self.kvCache = kvCache
        self.tensorParallel = tensorParallel
        self.pipelineParallel = pipelineParallel
        self.expertParallel = expertParallel
        self.memoryFraction = memoryFraction
        self.memoryBasis = memoryBasis
        self.maxBatchedTokens = maxBatchedTokens
        self.stepOverhead = stepOverhead
        self.efficiencies = efficiencies
        self.efficiencyProvenance = efficiencyProvenance
    }

    /// Devices of one replica.
    public var devices: Int { tensorParallel * pipelineParallel }

    /// The precision GEMMs run at: the activation precision (mxfp4 runs on fp4 units).
    public var computePrecision: Precision { activations == .mxfp4 ? .fp4 : activations }
}

/// Why a deployment cannot be modelled.
public struct PerformanceError: Error, Equatable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
