/// Published request-length statistics of benchmark datasets (`Profiles/datasets/<sheet>.yaml`), so that
/// measurements naming a dataset instead of lengths can be rebuilt.
public struct DatasetSheet: Codable, Sendable, Identifiable {
    public let id: String
    public let name: String
    public let datasets: [DatasetProfile]
    public let note: String?
}

/// One dataset's token-length statistics, each with its source.
public struct DatasetProfile: Codable, Sendable, Identifiable, Sourced {
    public let id: String
    public let name: String
    public let samples: Int?
    public let inputTokens: LengthStatistics?
    public let outputTokens: LengthStatistics?
    public let tokenizer: String?
    public let sources: [Source]
    public let note: String?

    enum CodingKeys: String, CodingKey {
        case id, name, samples, inputTokens = "input_tokens", outputTokens = "output_tokens", tokenizer, sources, note
    }
}

/// Token-length statistics as a source states them.
public struct LengthStatistics: Codable, Sendable, Equatable {
    public let mean: Double?
    public let standardDeviation: Double?
    public let minimum: Double?
    public let maximum: Double?
    public let median: Double?

    enum CodingKeys: String, CodingKey {
        case mean, standardDeviation = "stddev", minimum = "min", maximum = "max", median
    }
}
