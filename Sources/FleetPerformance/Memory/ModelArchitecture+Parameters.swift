import FleetProfiles

extension ModelArchitecture {
    /// Parameters of the model as FleetSim counts them: attention and FFN projections of every layer, routed
    /// and shared experts and routers of MoE layers, the embedding and (unless tied) the LM head. Norm
    /// weights and biases are left out (well under 0.01 % of any catalogued model).
    public var parameterCount: Double {
        let geometry = Geometry(architecture: self)
        let layers = Double(self.layers), dense = Double(geometry.denseLayers)
        var count = layers * geometry.attentionParameters + dense * geometry.mlpParameters + geometry.embeddingParameters
        if let moe {
            count += (layers - dense) * (Double(moe.routedExperts) * geometry.expertParameters + geometry.sharedExpertParameters
                                         + geometry.routerParameters)
        }
        return count
    }
}
