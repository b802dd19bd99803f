import FleetPerformance

/// Speculative decoding of a deployment (`deployments[].speculative`): the drafter, draft tokens per step and
/// the acceptance rate of each draft position (the share of drafts the target accepts there, given the
/// earlier positions were accepted; measure it on your own traffic or take it from a published report).
public struct SpeculativeSettings: Codable, Sendable, Equatable {
    /// `mtp` or `eagle` (one decoder layer of the target drafts), or `draft-model`.
    public var method: SpeculativeDecoding.Method
    /// Draft tokens per step, `k`.
    public var draftTokens: Int
    /// Acceptance rate per draft position; one value in the file applies to every position.
    public var acceptance: [Double]
    /// Model profile id of the drafter, for `method: draft-model`.
    public var draftModel: String?

    enum CodingKeys: String, CodingKey { case method, draftTokens = "draft_tokens", acceptance, draftModel = "draft_model" }

    public init(method: SpeculativeDecoding.Method, draftTokens: Int, acceptance: [Double], draftModel: String? = nil) {
        self.method = method
        self.draftTokens = draftTokens
        self.acceptance = acceptance
        self.draftModel = draftModel
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        method = try container.decode(SpeculativeDecoding.Method.self, forKey: .method)
        draftTokens = try container.decode(Int.self, forKey: .draftTokens)
        if let single = try? container.decode(Double.self, forKey: .acceptance) {
            acceptance = [single]
        } else {
            acceptance = try container.decode([Double].self, forKey: .acceptance)
        }
        draftModel = try container.decodeIfPresent(String.self, forKey: .draftModel)
    }

    /// One acceptance rate per draft position.
    public var ratesPerPosition: [Double] {
        acceptance.count == 1 ? Array(repeating: acceptance[0], count: max(0, draftTokens)) : acceptance
    }
}
