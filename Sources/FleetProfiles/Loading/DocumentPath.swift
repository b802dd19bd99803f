/// A path into a YAML/JSON document: mapping keys and sequence indices, as in a `CodingKey` path.
public struct DocumentPath: Hashable, Sendable, CustomStringConvertible {
    public enum Component: Hashable, Sendable {
        case key(String)
        case index(Int)
    }

    public var components: [Component]

    public init(_ components: [Component] = []) { self.components = components }

    /// The path of a `Codable` coding path (integer keys are sequence indices).
    public init(_ codingPath: [any CodingKey]) {
        components = codingPath.map { key in
            if let index = key.intValue, key.stringValue.hasPrefix("Index") || key.stringValue == "\(index)" {
                return .index(index)
            }
            return .key(key.stringValue)
        }
    }

    /// This path extended by a key.
    public func appending(_ key: String) -> DocumentPath { DocumentPath(components + [.key(key)]) }
    /// This path extended by an index.
    public func appending(_ index: Int) -> DocumentPath { DocumentPath(components + [.index(index)]) }

    /// The last key of the path, for messages (`'tp'`).
    public var lastKey: String? {
        for component in components.reversed() { if case let .key(key) = component { return key } }
        return nil
    }

    /// `deployments[0].hardware`.
    public var description: String {
        var text = ""
        for component in components {
            switch component {
            case let .key(key): text += text.isEmpty ? key : ".\(key)"
            case let .index(index): text += "[\(index)]"
            }
        }
        return text
    }
}
