/// An LLM: its architecture from the published `config.json`, and where that came from. Loaded from
/// `Profiles/models/<id>.yaml` or written by `fleetsim import-hf`.
public struct ModelProfile: Codable, Sendable, Identifiable, Sourced {
    public var id: String
    public var name: String
    public var family: String
    /// `org/name` on Hugging Face.
    public var huggingface: String?
    /// Parameter count as the model card states it.
    public var parameters: ParameterCount?
    /// Precision of the published weights.
    public var checkpointPrecision: Precision?
    public var architecture: ModelArchitecture
    public var sources: [Source]
    public var note: String?

    public init(id: String, name: String, family: String, huggingface: String?, parameters: ParameterCount?,
                checkpointPrecision: Precision?, architecture: ModelArchitecture, sources: [Source], note: String?) {
        self.id = id
        self.name = name
        self.family = family
        self.huggingface = huggingface
        self.parameters = parameters
        self.checkpointPrecision = checkpointPrecision
        self.architecture = architecture
        self.sources = sources
        self.note = note
    }

    enum CodingKeys: String, CodingKey {
        case id, name, family, huggingface, parameters, checkpointPrecision = "checkpoint_precision"
        case architecture, sources, note
    }
}

/// A parameter count written `"70.6 B"` (billions) or `"494 M"` (millions).
public struct ParameterCount: Codable, Sendable, Equatable, CustomStringConvertible {
    public let count: Double

    public init(count: Double) { self.count = count }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        let parts = text.split(separator: " ")
        let scale: Double? = parts.count == 2 ? ["B": 1e9, "M": 1e6, "T": 1e12][String(parts[1])] : nil
        guard let scale, let number = Double(parts[0]), number.isFinite, number > 0 else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "'\(text)' is not a parameter count such as '70.6 B' or '494 M'")
        }
        count = number * scale
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    public var description: String {
        count >= 1e9 ? "\(trimmed(count / 1e9)) B" : "\(trimmed(count / 1e6)) M"
    }

    private func trimmed(_ value: Double) -> String {
        let rounded = (value * 1000).rounded() / 1000
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
