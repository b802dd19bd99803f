import FleetUnits

/// Dense (no sparsity) peak tensor rates per precision. A precision the device cannot run natively is
/// absent from ``dense`` — never zero.
public struct ComputeSpec: Codable, Sendable, Sourced {
    public let dense: [Precision: FLOPSRate]
    public let sources: [Source]
    public let note: String?

    public init(dense: [Precision: FLOPSRate], sources: [Source], note: String? = nil) {
        self.dense = dense
        self.sources = sources
        self.note = note
    }

    /// Precisions the device runs natively, lowest bit width last.
    public var precisions: [Precision] { dense.keys.sorted() }

    enum CodingKeys: String, CodingKey { case dense, sources, note }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let rates = try container.decode([String: FLOPSRate].self, forKey: .dense)
        var dense: [Precision: FLOPSRate] = [:]
        for (name, rate) in rates {
            guard let precision = Precision(rawValue: name) else {
                throw DecodingError.dataCorrupted(.init(
                    codingPath: container.codingPath + [CodingKeys.dense],
                    debugDescription: "unknown precision '\(name)'; expected one of \(Precision.allNames)"))
            }
            dense[precision] = rate
        }
        self.dense = dense
        sources = try container.decode([Source].self, forKey: .sources)
        note = try container.decodeIfPresent(String.self, forKey: .note)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        let rates = Dictionary(uniqueKeysWithValues: dense.map { ($0.key.rawValue, $0.value) })
        try container.encodeOrdered(rates, forKey: .dense, order: Precision.allCases.map(\.rawValue))
        try container.encode(sources, forKey: .sources)
        try container.encodeIfPresent(note, forKey: .note)
    }
}
