import FleetProfiles

/// Per-device sizes of one layer of a model under tensor parallelism: parameters, KV bytes, FLOPs per
/// attention pair. All counts are elements (multiply by a precision's bytes for memory).
struct Geometry {
    let attentionParameters: Double
    let attentionActivationElements: Double
    let attentionFLOPsPerPair: Double
    let decodeFLOPsPerKey: Double
    let kvBytesPerTokenPerLayer: Double
    /// DeepSeek sparse attention: the lightning indexer scores every key of the full context.
    let indexerFLOPsPerKey: Double
    let mlpParameters: Double
    let denseLayers: Int
    /// Parameters of one routed expert per tensor-parallel rank: FLOPs per routed token.
    let expertParameters: Double
    /// Parameters of one routed expert held per device (spread over `tp × dp` devices).
    let expertWeightParameters: Double
    let sharedExpertParameters: Double
    let routerParameters: Double
    let lmHeadParameters: Double
    /// Embedding plus LM head (once if tied), per device.
    let embeddingParameters: Double
    let headBytes: Double
    let activationBytes: Double
    let elementwiseElementsPerToken: Double
    let slidingLayers: Double
    /// Keys a query can attend to at most (sliding window or sparse top-k), if limited.
    let attendedKeyLimit: Int?
    let gemmKernelsPerStep: Double

    /// Sizes at one device with 16-bit tensors (for counting parameters).
    init(architecture: ModelArchitecture) {
        self.init(architecture: architecture, tensorParallel: 1, weights: .bf16, activations: .bf16, kvCache: .bf16)
    }

    init(spec: DeploymentSpec) {
        self.init(architecture: spec.model.architecture, tensorParallel: spec.tensorParallel, weights: spec.weights,
                  activations: spec.activations, kvCache: spec.kvCache, expertShards: spec.expertShards)
    }

    init(architecture a: ModelArchitecture, tensorParallel: Int, weights: Precision, activations: Precision, kvCache: Precision,
         expertShards: Int? = nil) {
        let tp = Double(tensorParallel)
        let d = Double(a.hiddenSize), dh = Double(a.headDim), layers = Double(a.layers)
        let headsPerDevice = Double(a.attentionHeads) / tp
        // K/V heads are split across TP ranks, replicated when there are fewer heads than ranks.
        let kvHeadsPerDevice = max(1, Double(a.kvHeads) / tp)
        activationBytes = activations.bits >= 32 ? 4 : 2
        headBytes = weights.bits > 16 ? weights.bytes : 2
        var attentionKernels = 0.0
        if let mla = a.mla {
            let qkHead = Double(mla.qkNopeHeadDim + mla.qkRopeHeadDim)
            let query = mla.qLoraRank.map { Double($0) * d / tp + Double($0) * headsPerDevice * qkHead }
                ?? d * headsPerDevice * qkHead
            let keyValue = d * Double(mla.kvLoraRank + mla.qkRopeHeadDim) / tp
                + Double(mla.kvLoraRank) * headsPerDevice * Double(mla.qkNopeHeadDim + mla.vHeadDim)
            attentionParameters = query + keyValue + headsPerDevice * Double(mla.vHeadDim) * d
            attentionActivationElements = 2 * d + headsPerDevice * (qkHead + Double(mla.vHeadDim))
            attentionFLOPsPerPair = 2 * headsPerDevice * (qkHead + Double(mla.vHeadDim))
            // Decode with the projections absorbed: scores over the latent plus rope part, values over the latent.
            decodeFLOPsPerKey = 2 * headsPerDevice * Double(2 * mla.kvLoraRank + mla.qkRopeHeadDim)
            // The latent cache is not split across TP ranks.
            kvBytesPerTokenPerLayer = Double(mla.cachedElementsPerToken) * kvCache.bytes
            attentionKernels = layers * 4
        } else {
            attentionParameters = d * headsPerDevice * dh + 2 * d * kvHeadsPerDevice * dh + headsPerDevice * dh * d
            attentionActivationElements = 2 * d + 2 * (headsPerDevice + kvHeadsPerDevice) * dh
            attentionFLOPsPerPair = 4 * headsPerDevice * dh
            decodeFLOPsPerKey = 4 * headsPerDevice * dh
            kvBytesPerTokenPerLayer = 2 * kvHeadsPerDevice * dh * kvCache.bytes
            attentionKernels = layers * 2
        }
        if let sparse = a.sparseAttention {
            indexerFLOPsPerKey = 2 * Double(sparse.indexHeads * sparse.indexHeadDim)
            attendedKeyLimit = sparse.indexTopK
            slidingLayers = layers
        } else if let window = a.slidingWindow {
            indexerFLOPsPerKey = 0
            attendedKeyLimit = window.window
            slidingLayers = Double(window.layers.slidingLayers(of: a.layers))
        } else {
            indexerFLOPsPerKey = 0
            attendedKeyLimit = nil
            slidingLayers = 0
        }
        let ffnMatrices = a.gatedMLP ? 3.0 : 2.0
        mlpParameters = ffnMatrices * d * Double(a.intermediateSize) / tp
        if let moe = a.moe {
            denseLayers = moe.denseLayers
            expertParameters = ffnMatrices * d * Double(moe.expertIntermediateSize) / tp
            expertWeightParameters = ffnMatrices * d * Double(moe.expertIntermediateSize) / Double(expertShards ?? tensorParallel)
            sharedExpertParameters = Double(moe.sharedExperts) * ffnMatrices * d
                * Double(moe.sharedExpertIntermediateSize ?? moe.expertIntermediateSize) / tp
            routerParameters = d * Double(moe.routedExperts)
            let expertActivations = Double(moe.expertsPerToken) * Double(moe.expertIntermediateSize) * ffnMatrices / tp
            let leadingDense = Double(moe.denseLayers), moeLayers = layers - leadingDense
            let denseActivations: Double = leadingDense * ffnMatrices * Double(a.intermediateSize) / tp
            let moeActivations: Double = moeLayers * expertActivations
            elementwiseElementsPerToken = layers * 6 * d + moeActivations + denseActivations + d
            // Dense: gate-up and down; MoE: router, two grouped expert GEMMs, and two for shared experts.
            let moeKernels: Double = 3 + (moe.sharedExperts > 0 ? 2 : 0)
            gemmKernelsPerStep = attentionKernels + leadingDense * 2 + moeLayers * moeKernels + 1
        } else {
            denseLayers = a.layers
            expertParameters = 0
            expertWeightParameters = 0
            sharedExpertParameters = 0
            routerParameters = 0
            elementwiseElementsPerToken = layers * (6 * d + ffnMatrices * Double(a.intermediateSize) / tp) + d
            gemmKernelsPerStep = attentionKernels + layers * 2 + 1
        }
        lmHeadParameters = d * Double(a.vocabulary) / tp
        embeddingParameters = d * Double(a.vocabulary) / tp * (a.tiedEmbeddings ? 1 : 2)
    }
}
