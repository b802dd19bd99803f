import FleetLinearAlgebra
import FleetProfiles
import FleetUnits

extension StepModel {
    /// Compiles `spec` into coefficients (per device of one tensor-parallel group; pipeline stages run one
    /// after another for a batch, so a step's latency covers all layers, and the engine's step overhead is
    /// paid once per stage: `pp · overhead`).
    /// - Throws: ``PerformanceError`` when the hardware cannot run the precision or its profile lacks a
    ///   figure the model needs.
    public init(spec: DeploymentSpec) throws(PerformanceError) {
        let hardware = spec.hardware
        let architecture = spec.model.architecture
        guard let peak = hardware.compute.dense[spec.computePrecision] else {
            throw .unsupportedPrecision(spec.activations, on: hardware)
        }
        guard let bandwidth = hardware.memory.bandwidth else {
            throw PerformanceError("'\(hardware.id)' has no memory bandwidth in its profile")
        }
        guard let memoryEfficiency = spec.efficiencies.memory?.value,
              let gemm = spec.efficiencies.gemm(for: spec.computePrecision) else {
            throw PerformanceError("no kernel efficiencies for family '\(hardware.family)'")
        }
        let sixteenBitPeak = hardware.compute.dense[.bf16] ?? hardware.compute.dense[.fp16] ?? peak
        // Attention runs at the efficiency of the kernels engines use on the architecture (FA3/FlashMLA on
        // Hopper, FA4-class on Blackwell) where measured, else the portable FlashAttention-2's, else GEMM's.
        let attentionKernel = spec.efficiencies.engineAttention
        let attentionEfficiency = attentionKernel?.value ?? gemm.peakEfficiency
        let attentionTileTokens = attentionKernel?.overheadTokens ?? 0
        let memoryRate = bandwidth.value * memoryEfficiency
        let geometry = Geometry(spec: spec)

        var flops = Matrix(rows: Feature.count, columns: OperatorClass.rooflineClasses.count)
        var bytes = Matrix(rows: Feature.count, columns: OperatorClass.rooflineClasses.count)
        func add(_ operatorClass: OperatorClass, _ feature: Feature, flops value: Double = 0, bytes traffic: Double = 0) {
            let column = OperatorClass.rooflineClasses.firstIndex(of: operatorClass)!
            flops[feature.rawValue, column] += value
            bytes[feature.rawValue, column] += traffic
        }
        let tokenFeatures: [Feature] = [.prefillTokens, .decodeTokens]
        let layers = Double(architecture.layers)
        // Weight-only quantization (weights narrower than the compute precision: W4A16, W8A16) dequantizes
        // weights in the GEMM: one multiply-add per weight element per tile of `dequantizationTile` rows,
        // counted as GEMM work (`2 · parameters · (1 + tokens / tile)`).
        let weightOnly = spec.weights.bits < spec.computePrecision.bits
        func addDequantization(_ operatorClass: OperatorClass, parameters: Double, touched: Bool = false) {
            guard weightOnly else { return }
            add(operatorClass, touched ? .touchedExperts : .constant, flops: 2 * parameters)
            if !touched { for feature in tokenFeatures { add(operatorClass, feature, flops: 2 * parameters / StepModel.dequantizationTile) } }
        }
        addDequantization(.attentionProjections, parameters: layers * geometry.attentionParameters)
        addDequantization(.mlp, parameters: Double(geometry.denseLayers) * geometry.mlpParameters)
        if architecture.moe != nil {
            let moeLayers = layers - Double(geometry.denseLayers)
            addDequantization(.experts, parameters: moeLayers * geometry.sharedExpertParameters)
            addDequantization(.experts, parameters: moeLayers * geometry.expertWeightParameters, touched: true)
        }

        // Attention projections: weights once per step, 2 FLOPs per weight per token.
        add(.attentionProjections, .constant, bytes: layers * geometry.attentionParameters * spec.weights.bytes)
        for feature in tokenFeatures {
            add(.attentionProjections, feature, flops: layers * 2 * geometry.attentionParameters,
                bytes: layers * geometry.attentionActivationElements * geometry.activationBytes)
        }
        // Attention: query-key pairs in prefill, the KV cache read in decode, the KV write of new tokens.
        let fullLayers = layers - geometry.slidingLayers, slidingLayers = geometry.slidingLayers
        add(.attention, .prefillPairs, flops: fullLayers * geometry.attentionFLOPsPerPair)
        add(.attention, .prefillPairsWindowed, flops: slidingLayers * geometry.attentionFLOPsPerPair)
        add(.attention, .decodeContext, flops: fullLayers * geometry.decodeFLOPsPerKey,
            bytes: fullLayers * geometry.kvBytesPerTokenPerLayer)
        add(.attention, .decodeContextWindowed, flops: slidingLayers * geometry.decodeFLOPsPerKey,
            bytes: slidingLayers * geometry.kvBytesPerTokenPerLayer)
        add(.attention, .prefillPairs, flops: layers * geometry.indexerFLOPsPerKey)
        add(.attention, .decodeContext, flops: layers * geometry.indexerFLOPsPerKey)
        for feature in tokenFeatures { add(.attention, feature, bytes: layers * geometry.kvBytesPerTokenPerLayer) }
        // Each prefill query tile's fixed cost: S₀/2 key positions of work per query token.
        add(.attention, .prefillTokens, flops: layers * geometry.attentionFLOPsPerPair * attentionTileTokens / 2)
        // Dense MLP layers.
        let denseLayers = Double(geometry.denseLayers)
        add(.mlp, .constant, bytes: denseLayers * geometry.mlpParameters * spec.weights.bytes)
        for feature in tokenFeatures { add(.mlp, feature, flops: denseLayers * 2 * geometry.mlpParameters) }
        // MoE layers: router and shared experts for every token, routed experts top-k per token; weights of
        // the experts the step touches.
        if let moe = architecture.moe {
            let moeLayers = layers - denseLayers
            add(.experts, .constant, bytes: moeLayers * geometry.sharedExpertParameters * spec.weights.bytes
                    + moeLayers * geometry.routerParameters * 2)
            add(.experts, .touchedExperts, bytes: moeLayers * geometry.expertWeightParameters * spec.weights.bytes)
            for feature in tokenFeatures {
                add(.experts, feature, flops: moeLayers * 2 * (Double(moe.expertsPerToken) * geometry.expertParameters
                    + geometry.sharedExpertParameters + geometry.routerParameters))
            }
        }
        // LM head per sampled token; embedding and LM-head weights kept at 16 bits.
        add(.lmHead, .constant, bytes: geometry.lmHeadParameters * geometry.headBytes)
        add(.lmHead, .sampledTokens, flops: 2 * geometry.lmHeadParameters)
        // Elementwise traffic per token.
        for feature in tokenFeatures {
            add(.elementwise, feature, bytes: geometry.elementwiseElementsPerToken * geometry.activationBytes)
        }

        let computeRates: [Double] = OperatorClass.rooflineClasses.map { operatorClass in
            switch operatorClass {
            case .attention: sixteenBitPeak.value * attentionEfficiency
            case .elementwise: .infinity
            default: peak.value * gemm.peakEfficiency
            }
        }
        var notes: [OperatorClass: String] = [:]
        let dequantizationNote = weightOnly ? "; weight-only \(spec.weights.rawValue): dequantization counted" : ""
        let gemmNote = "η=\(UnitFormatter.number(gemm.peakEfficiency)) of \(spec.computePrecision.rawValue) peak \(peak); "
            + "memory η=\(UnitFormatter.number(memoryEfficiency)) of \(bandwidth); roofline p=\(UnitFormatter.number(spec.efficiencies.rooflineExponent)) "
            + "(\(spec.efficiencyProvenance))" + dequantizationNote
        for operatorClass in [OperatorClass.attentionProjections, .mlp, .experts, .lmHead] { notes[operatorClass] = gemmNote }
        let attentionSource = spec.efficiencies.servingAttention != nil
            ? " at long prompts, halved at \(Int(attentionTileTokens.rounded()))-token prefills (architecture's own kernels)"
            : spec.efficiencies.attention != nil ? " (FlashAttention-2)" : " (no attention fit: GEMM η)"
        notes[.attention] = "η=\(UnitFormatter.number(attentionEfficiency)) of 16-bit peak \(sixteenBitPeak)" + attentionSource
            + "; KV at \(spec.kvCache.rawValue)"
        notes[.elementwise] = "memory η=\(UnitFormatter.number(memoryEfficiency)) of \(bandwidth)"

        // Communication and overheads.
        let communication = try Communication(spec: spec, geometry: geometry)
        notes[.communication] = communication.note
        let gemmKernels = geometry.gemmKernelsPerStep
        let overhead = gemmKernels * gemm.fixedLatency.value
        let stages = spec.engineLoopsPerStep
        let engineOverhead = spec.stepOverhead.value * Double(stages)
        notes[.overhead] = "engine step \(spec.stepOverhead)" + (stages > 1 ? " × \(stages) pipeline stages" : "")
            + (spec.sequenceOverhead.value == 0 ? "" : " + \(spec.sequenceOverhead) per sampling sequence")
            + " + \(Int(gemmKernels)) GEMM kernels × \(gemm.fixedLatency) fixed latency"
            + (spec.timeScale == 1 && spec.fixedLatencyScale == 1 ? "" :
                "; engine calibration: variable times × \(UnitFormatter.number(spec.timeScale)), fixed latencies × \(UnitFormatter.number(spec.fixedLatencyScale))")

        self.init(spec: spec, flopsCoefficients: flops, bytesCoefficients: bytes, computeRates: computeRates,
                  memoryRates: Array(repeating: memoryRate, count: OperatorClass.rooflineClasses.count),
                  rooflineExponent: spec.efficiencies.rooflineExponent,
                  communicationCoefficients: communication.coefficients, overhead: overhead, timeScale: spec.timeScale,
                  fixedLatencyScale: spec.fixedLatencyScale,
                  engineOverhead: engineOverhead, sequenceOverhead: spec.sequenceOverhead.value,
                  window: geometry.attendedKeyLimit, efficiencyNotes: notes)
    }
}
