import FleetProfiles
import FleetUnits

/// Memory of one device of a deployment: weights after sharding, activation workspace, and what is left
/// for the KV cache within the engine's memory fraction.
///
/// ```
/// usable   = capacity · memory_fraction
/// KV space = usable − weights − workspace
/// KV capacity (tokens) = KV space / KV bytes per token
/// ```
public struct MemoryPlan: Sendable, Equatable {
    public let capacity: Bytes
    public let usable: Bytes
    public let weights: Bytes
    /// Peak activations of a step of `max_batched_tokens` tokens.
    public let workspace: Bytes
    public let kvCache: Bytes
    /// KV bytes one token occupies on this device, over all its layers.
    public let kvBytesPerToken: Bytes
    /// Tokens the KV cache holds.
    public let kvCapacityTokens: Int

    /// Plans the memory of `spec`'s devices.
    /// - Throws: ``PerformanceError`` saying by how many GB per device the deployment does not fit, and what would.
    public init(spec: DeploymentSpec) throws(PerformanceError) {
        let geometry = Geometry(spec: spec)
        let a = spec.model.architecture
        let layersPerStage = Double(a.layers) / Double(spec.pipelineParallel)
        let moeLayers = Double(a.layers - geometry.denseLayers) / Double(spec.pipelineParallel)
        let denseLayers = Double(geometry.denseLayers) / Double(spec.pipelineParallel)
        var weightElements = layersPerStage * geometry.attentionParameters + denseLayers * geometry.mlpParameters
        if let moe = a.moe {
            weightElements += moeLayers * (Double(moe.routedExperts) * geometry.expertWeightParameters + geometry.sharedExpertParameters)
        }
        let linearBytes = weightElements * spec.weights.bytes
        let routerBytes = moeLayers * geometry.routerParameters * 2
        // Embedding on the first stage and LM head on the last: with several stages, one device holds one of them.
        let vocabularyBytes = geometry.embeddingParameters * geometry.headBytes
            / (spec.pipelineParallel > 1 && !a.tiedEmbeddings ? 2 : 1)
        weights = Bytes(linearBytes + routerBytes + vocabularyBytes)
        capacity = spec.hardware.memory.capacity
        // Workspace: a step of max_batched_tokens holds a few hidden-size activations per token, the FFN
        // intermediate of one layer, and logits for the sampled tokens (an estimate of the engine's profile run).
        let tokens = Double(spec.maxBatchedTokens)
        let intermediate = Double(a.moe.map { $0.expertIntermediateSize * $0.expertsPerToken } ?? a.intermediateSize)
            / Double(spec.tensorParallel)
        let workspaceElements = tokens * (4 * Double(a.hiddenSize) + 2 * intermediate)
            + min(tokens, 256) * Double(a.vocabulary) / Double(spec.tensorParallel) * 2
        workspace = Bytes(workspaceElements * geometry.activationBytes)
        kvBytesPerToken = Bytes(geometry.kvBytesPerTokenPerLayer * layersPerStage)
        let space: Bytes
        switch spec.memoryBasis {
        case .total:
            usable = capacity * spec.memoryFraction
            space = usable - weights - workspace
        case .free:
            usable = capacity
            space = (capacity - weights - workspace) * spec.memoryFraction
        case .sglangReserve:
            usable = capacity - MemoryPlan.sglangReserve(spec: spec)
            space = usable - weights
        }
        guard space.value > 0 else {
            let shortfall = (weights + workspace - usable).value / 1e9
            throw PerformanceError(MemoryPlan.doesNotFitMessage(spec: spec, shortfallGB: shortfall, weights: weights, usable: usable))
        }
        kvCache = space
        kvCapacityTokens = Int(space.value / kvBytesPerToken.value)
    }

    /// SGLang's default reserve (server_args.py after PR 10975, recorded in the engine profile's note):
    /// `512 MiB + 1.5 MiB · max(chunked_prefill_size, 2048) + 2 MiB · cuda_graph_max_bs + tp·pp/8 GiB`,
    /// at least 10 GiB on devices above 60 GiB; `cuda_graph_max_bs` is 256 below TP 4, else 512.
    static func sglangReserve(spec: DeploymentSpec) -> Bytes {
        let mebibyte = 1_048_576.0
        let graphBatch = spec.tensorParallel < 4 ? 256.0 : 512.0
        var reserve = 512 * mebibyte + 1.5 * mebibyte * Double(max(spec.maxBatchedTokens, 2048)) + 2 * mebibyte * graphBatch
            + Double(spec.devices) / 8 * 1024 * mebibyte
        if spec.hardware.memory.capacity.value > 60 * 1024 * mebibyte { reserve = max(reserve, 10 * 1024 * mebibyte) }
        return Bytes(reserve)
    }

    /// The largest batch of sequences of `tokensPerSequence` that fits in the KV cache.
    public func largestBatch(tokensPerSequence: Int) -> Int { kvCapacityTokens / max(1, tokensPerSequence) }

    static func doesNotFitMessage(spec: DeploymentSpec, shortfallGB: Double, weights: Bytes, usable: Bytes) -> String {
        var suggestions: [String] = []
        let perDevice = weights.value / 1e9
        for devices in [spec.tensorParallel * 2, spec.tensorParallel * 4] where devices <= (spec.hardware.interconnect?.scaleUp?.domain ?? 8) {
            if perDevice * Double(spec.tensorParallel) / Double(devices) < usable.value / 1e9 * 0.9 {
                suggestions.append("tensor parallelism \(devices)")
                break
            }
        }
        // Narrower weights the device can run: FP8/INT8 need native compute at that precision (W8A8);
        // INT4 weight-only (W4A16) runs on 16-bit units.
        let runnable = [Precision.fp8, .int8].filter { spec.hardware.compute.dense[$0] != nil } + [.int4]
        for precision in runnable where precision.bits < spec.weights.bits {
            if perDevice * precision.bits / spec.weights.bits < usable.value / 1e9 * 0.9 {
                suggestions.append("'\(precision.rawValue)' weights")
                break
            }
        }
        let hint = suggestions.isEmpty ? "" : "; it would fit with " + suggestions.joined(separator: " or ")
        return "'\(spec.model.id)' does not fit on '\(spec.hardware.id)' with tensor parallelism \(spec.tensorParallel): "
            + "it needs \(String(format: "%.1f", shortfallGB)) GB more per device (weights \(weights), usable \(usable))\(hint)"
    }
}
