/// Speculative decoding with multi-token-prediction heads (DeepSeek MTP, one extra decoder layer per draft
/// token): each decode step drafts `k` tokens, then verifies `k + 1` per sequence in one target step.
public struct SpeculativeDecoding: Sendable, Equatable {
    /// Draft tokens per step (`k`).
    public let draftTokens: Int
    /// Acceptance rate of each draft position, given the earlier ones were accepted.
    public let acceptance: [Double]

    /// - Precondition: one acceptance rate in [0, 1] per draft position.
    public init(draftTokens: Int, acceptance: [Double]) {
        precondition(draftTokens >= 1 && acceptance.count == draftTokens && acceptance.allSatisfy { (0...1).contains($0) },
                     "speculative decoding needs one acceptance rate in [0, 1] per draft token")
        self.draftTokens = draftTokens
        self.acceptance = acceptance
    }

    /// Tokens a sequence gains per step: `1 + Σᵢ Πⱼ≤ᵢ aⱼ` (the verified token plus the accepted prefix).
    public var expectedTokensPerStep: Double {
        var expected = 1.0, chain = 1.0
        for rate in acceptance {
            chain *= rate
            expected += chain
        }
        return expected
    }

    /// Time of one speculative decode step for `batch` sequences at `context`: a target step verifying
    /// `k + 1` tokens per sequence, plus `k` draft passes of one decoder layer and the LM head each.
    public func stepTime(model: StepModel, batch: Int, context: Int) -> Double {
        let verify = BatchState(prefill: Array(repeating: .init(tokens: draftTokens + 1, cached: context, completesPrompt: true), count: batch))
        var verifyFeatures = model.features(of: verify)
        verifyFeatures[Feature.sampledTokens.rawValue] = Double(batch * (draftTokens + 1))
        let decode = model.features(of: .decode(batch: batch, context: context))
        let costs = model.breakdown(decode)
        let layers = Double(model.spec.model.architecture.layers)
        let perLayer = costs.filter { [.attentionProjections, .attention, .mlp, .experts, .elementwise].contains($0.operatorClass) }
            .reduce(0) { $0 + $1.time.value } / layers
        let lmHead = costs.first { $0.operatorClass == .lmHead }?.time.value ?? 0
        return model.stepTime(verifyFeatures) + Double(draftTokens) * (perLayer + lmHead)
    }
}
