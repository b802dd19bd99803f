/// How much work a scenario may ask for (`limits`): guards against a typo such as `requests: 1000000000000`
/// turning into an out-of-memory kill. The defaults allow every benchmark with room to spare; a scenario
/// that really needs more raises the limit here, in the open.
public struct ScenarioLimits: Codable, Sendable, Equatable {
    /// Most requests `workload.requests` may ask for. Each simulated request is held in memory (about
    /// 32 bytes plus its metrics), so the default of 10⁸ needs a few GB.
    public var requests: Int
    /// Most Monte Carlo samples `finance.uncertainty.samples` may ask for. The samples form a
    /// `samples × (inputs + options)` matrix of doubles, so the default of 10⁷ needs about 1 GB for ten
    /// columns.
    public var samples: Int
    /// Most replicas of one deployment. Each replica (each pipeline stage and attention rank of it) is
    /// simulated as its own lane.
    public var replicas: Int

    /// Longest request, in tokens, that the scenario may describe (`input_tokens`, `output_tokens`). Fixed,
    /// not raisable: it keeps token counts and their sums far from `Int` overflow. The longest context of
    /// any model in the catalogue is below 10⁷ tokens.
    public static let tokensPerRequest = 100_000_000

    public init(requests: Int, samples: Int, replicas: Int) {
        self.requests = requests
        self.samples = samples
        self.replicas = replicas
    }

    enum CodingKeys: String, CodingKey { case requests, samples, replicas }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let problems = decoder.problems
        requests = try container.decode(Int.self, forKey: .requests, orRecord: problems) ?? ScenarioLimits.default.requests
        samples = try container.decode(Int.self, forKey: .samples, orRecord: problems) ?? ScenarioLimits.default.samples
        replicas = try container.decode(Int.self, forKey: .replicas, orRecord: problems) ?? ScenarioLimits.default.replicas
    }
}
