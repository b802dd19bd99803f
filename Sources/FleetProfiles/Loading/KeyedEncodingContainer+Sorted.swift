/// A coding key made from any string, for mappings whose keys are data.
public struct DynamicCodingKey: CodingKey, Hashable {
    public let stringValue: String
    public var intValue: Int? { nil }
    public init(_ string: String) { stringValue = string }
    public init?(stringValue: String) { self.stringValue = stringValue }
    public init?(intValue: Int) { nil }
}

extension KeyedEncodingContainer {
    /// Encodes a dictionary as a mapping with its keys in `order` (default: sorted), so that output does not
    /// depend on the dictionary's hash order — the same input always gives byte-identical files.
    public mutating func encodeOrdered<Value: Encodable>(
        _ dictionary: [String: Value], forKey key: Key, order: [String]? = nil
    ) throws {
        var nested = nestedContainer(keyedBy: DynamicCodingKey.self, forKey: key)
        let keys = order.map { preferred in preferred.filter { dictionary[$0] != nil } + dictionary.keys.filter { !preferred.contains($0) }.sorted() }
            ?? dictionary.keys.sorted()
        for name in keys { try nested.encode(dictionary[name]!, forKey: DynamicCodingKey(name)) }
    }
}
