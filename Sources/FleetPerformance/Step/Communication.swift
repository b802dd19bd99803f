import FleetProfiles
import FleetUnits

/// Communication of one step as times linear in the batch features: two tensor-parallel all-reduces per
/// layer (`α + S_bus / B`), expert-parallel all-to-all dispatch and combine in MoE layers, and pipeline
/// stage transfers. Links come from the hardware profile: the scale-up link when the group fits in one
/// scale-up domain, else the scale-out link.
struct Communication {
    let coefficients: [Double]
    let note: String

    init(spec: DeploymentSpec, geometry: Geometry) throws(PerformanceError) {
        var coefficients = [Double](repeating: 0, count: Feature.count)
        let tp = spec.tensorParallel, pp = spec.pipelineParallel
        // With data-parallel attention the experts are spread over all tp × dp devices.
        let ep = spec.dataParallelAttention > 1 ? spec.expertShards : spec.expertParallel
        let a = spec.model.architecture
        let layers = Double(a.layers)
        let tokenBytes = Double(a.hiddenSize) * geometry.activationBytes
        guard tp > 1 || ep > 1 || pp > 1 else {
            self.coefficients = coefficients
            note = "single device: none"
            return
        }
        let groupSize = max(tp, ep)
        let scaleUp = spec.hardware.interconnect?.scaleUp
        let domain = scaleUp?.domain ?? groupSize
        let link = (groupSize <= domain ? scaleUp : spec.hardware.interconnect?.scaleOut) ?? scaleUp
        guard let link, let allreduce = spec.efficiencies.allreduce,
              let busBandwidth = allreduce.busBandwidth(devices: tp, link: link) else {
            throw PerformanceError("'\(spec.hardware.id)' has no sourced link bandwidth for \(groupSize) devices; tensor, expert or pipeline parallelism cannot be costed")
        }
        let latency = allreduce.latency.value
        let moeLayers = a.moe == nil ? 0 : layers - Double(geometry.denseLayers)
        // Attention output all-reduce in every layer; MLP all-reduce in dense layers, and in MoE layers
        // unless experts are spread by expert parallelism (then dispatch and combine all-to-alls).
        let allReduces = tp > 1 ? layers + (layers - (ep > 1 ? moeLayers : 0)) : 0
        let busFactor = tp > 1 ? 2 * Double(tp - 1) / Double(tp) : 0
        coefficients[Feature.constant.rawValue] += allReduces * latency
        let perToken = allReduces * tokenBytes * busFactor / busBandwidth.value
        var parts = ["\(Int(allReduces)) all-reduces over \(link.kind.rawValue) at \(busBandwidth) bus bandwidth, α=\(allreduce.latency)"]
        var perTokenTotal = perToken
        if ep > 1, let moe = a.moe {
            let allToAllBandwidth = (AllReduceEfficiency.linkBandwidth(link, devices: ep) ?? busBandwidth) * allreduce.linkEfficiency
            let bytesPerToken = 2 * Double(moe.expertsPerToken) * tokenBytes * Double(ep - 1) / Double(ep)
            coefficients[Feature.constant.rawValue] += moeLayers * 2 * latency
            perTokenTotal += moeLayers * bytesPerToken / allToAllBandwidth.value
            parts.append("\(Int(moeLayers * 2)) all-to-alls over \(ep) expert-parallel ranks")
        }
        if pp > 1 {
            coefficients[Feature.constant.rawValue] += Double(pp - 1) * latency
            perTokenTotal += Double(pp - 1) * tokenBytes / (link.bandwidth ?? busBandwidth).value
            parts.append("\(pp - 1) pipeline transfers")
        }
        coefficients[Feature.prefillTokens.rawValue] = perTokenTotal
        coefficients[Feature.decodeTokens.rawValue] = perTokenTotal
        self.coefficients = coefficients
        note = parts.joined(separator: "; ")
    }
}
