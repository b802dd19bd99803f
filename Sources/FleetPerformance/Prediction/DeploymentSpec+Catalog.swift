import FleetProfiles
import FleetUnits

extension DeploymentSpec {
    /// Resolves ids against the catalogue and the kernel calibration.
    /// - Throws: ``PerformanceError`` naming an unknown id (with a suggestion) or an invalid setting.
    public static func resolve(
        model modelID: String, hardware hardwareID: String, engine engineID: String, catalog: ProfileCatalog,
        efficiencies: KernelEfficiencies, weights: Precision, activations: Precision, kvCache: Precision,
        tensorParallel: Int, pipelineParallel: Int = 1, expertParallel: Int = 1, dataParallelAttention: Int = 1,
        memoryFraction: Double? = nil, maxBatchedTokens: Int? = nil, serving: ServingCalibration? = nil, powerCap: Watts? = nil
    ) throws(PerformanceError) -> DeploymentSpec {
        guard let model = catalog.model(modelID) else {
            throw PerformanceError(Suggestion.unknown("model", modelID, in: catalog.models.map(\.id)))
        }
        guard let uncapped = catalog.hardware(hardwareID) else {
            throw PerformanceError(Suggestion.unknown("hardware", hardwareID, in: catalog.hardware.map(\.id)))
        }
        let hardware = try capped(catalog.sustained(uncapped), at: powerCap, catalog: catalog)
        guard let engine = catalog.engine(engineID) else {
            throw PerformanceError(Suggestion.unknown("engine", engineID, in: catalog.engines.map(\.id)))
        }
        for (name, degree) in [("tensor", tensorParallel), ("pipeline", pipelineParallel), ("expert", expertParallel)] where degree < 1 {
            throw PerformanceError("'\(name)' parallelism must be at least 1, got \(degree)")
        }
        if model.architecture.attentionHeads % tensorParallel != 0 {
            throw PerformanceError("tensor parallelism \(tensorParallel) must divide the attention heads of '\(model.id)' (\(model.architecture.attentionHeads))")
        }
        if expertParallel > 1, model.architecture.moe == nil {
            throw PerformanceError("expert parallelism \(expertParallel) needs a mixture-of-experts model; '\(model.id)' is dense")
        }
        if dataParallelAttention < 1 { throw PerformanceError("data-parallel attention must be at least 1, got \(dataParallelAttention)") }
        if dataParallelAttention > 1, model.architecture.moe == nil {
            throw PerformanceError("data-parallel attention spreads experts over its ranks; '\(model.id)' is dense")
        }
        if expertParallel > tensorParallel * dataParallelAttention {
            throw PerformanceError("expert parallelism \(expertParallel) must not exceed tensor × data-parallel attention ranks (\(tensorParallel * dataParallelAttention))")
        }
        if weights.bits > activations.bits, activations != .tf32 {
            throw .weightsWiderThanActivations(weights: weights, activations: activations)
        }
        guard let (efficiency, provenance) = efficiencies.resolve(family: hardware.family) else {
            throw PerformanceError("no kernel efficiencies for family '\(hardware.family)' of '\(hardware.id)', and no prior")
        }
        let basis = memoryFraction == nil ? (engine.scheduling.memoryBasis ?? .total) : .total
        guard let fraction = memoryFraction ?? engine.scheduling.memoryFraction ?? (basis == .sglangReserve ? 1 : nil) else {
            throw PerformanceError("engine '\(engine.id)' has no sourced memory fraction; set one")
        }
        guard fraction > 0 && fraction <= 1 else { throw PerformanceError("memory fraction must be in (0, 1], got \(fraction)") }
        guard let batchedTokens = maxBatchedTokens ?? engine.scheduling.maxBatchedTokens else {
            throw PerformanceError("engine '\(engine.id)' has no sourced max batched tokens; set one")
        }
        let calibrated = serving?.entry(engine: engine.id, family: hardware.family)
        return DeploymentSpec(
            model: model, hardware: hardware, engineID: engine.id, weights: weights, activations: activations, kvCache: kvCache,
            tensorParallel: tensorParallel, pipelineParallel: pipelineParallel, expertParallel: expertParallel,
            dataParallelAttention: dataParallelAttention, memoryFraction: fraction, memoryBasis: basis, maxBatchedTokens: batchedTokens, stepOverhead: calibrated?.stepOverhead ?? engine.overheads?.step ?? .zero,
            sequenceOverhead: engine.overheads?.perSequence ?? .zero,
            timeScale: calibrated?.timeScale ?? 1, fixedLatencyScale: calibrated?.fixedLatencyScale ?? 1, efficiencies: efficiency, efficiencyProvenance: provenance)
    }

    /// `hardware` under the power cap (unchanged without one), by the catalogue's power-cap curve.
    /// - Throws: ``PerformanceError`` when the cap cannot apply or the catalogue has no curve.
    public static func capped(_ hardware: HardwareProfile, at cap: Watts?, catalog: ProfileCatalog) throws(PerformanceError) -> HardwareProfile {
        guard let cap else { return hardware }
        guard let curve = catalog.powerCapCurve else {
            throw .noPowerCapCurve
        }
        switch curve.apply(cap, to: hardware) {
        case let .success(capped): return capped
        case let .failure(error): throw PerformanceError(error.message)
        }
    }
}
