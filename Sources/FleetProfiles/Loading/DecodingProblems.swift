/// Collects decoding problems so that one pass over a file reports all of them. Types whose decoding
/// should go on after a bad field decode that field with
/// `KeyedDecodingContainer.decode(_:forKey:orRecord:in:)`; each recorded problem keeps its coding path.
public final class DecodingProblems: @unchecked Sendable {
    /// A problem and the path of the value it concerns.
    public struct Problem: Sendable {
        public let path: DocumentPath
        public let message: String
        /// Locate at the key rather than the value (unknown keys).
        public let atKey: Bool
    }

    public private(set) var problems: [Problem] = []

    public init() {}

    /// Records a problem with a value.
    public func record(_ message: String, at path: DocumentPath, atKey: Bool = false) {
        problems.append(Problem(path: path, message: message, atKey: atKey))
    }

    /// Records a thrown decoding error.
    public func record(_ error: any Error) {
        let (message, path) = DecodingProblems.describe(error)
        record(message, at: path)
    }

    /// The user-facing message of a decoding error and the path it concerns.
    public static func describe(_ error: any Error) -> (String, DocumentPath) {
        guard let decodingError = error as? DecodingError else { return ("\(error)", DocumentPath()) }
        switch decodingError {
        case let .typeMismatch(type, context):
            let path = DocumentPath(context.codingPath)
            return ("\(subject(path)) must be \(phrase(for: type))", path)
        case let .valueNotFound(type, context):
            let path = DocumentPath(context.codingPath)
            return ("\(subject(path)) must be \(phrase(for: type)), not empty", path)
        case let .keyNotFound(key, context):
            return ("missing required key '\(key.stringValue)'", DocumentPath(context.codingPath))
        case let .dataCorrupted(context):
            return (context.debugDescription, DocumentPath(context.codingPath))
        @unknown default:
            return ("\(decodingError)", DocumentPath())
        }
    }

    static func subject(_ path: DocumentPath) -> String {
        path.lastKey.map { "'\($0)'" } ?? "the document"
    }

    static func phrase(for type: Any.Type) -> String {
        switch type {
        case is Int.Type, is Int64.Type, is UInt.Type: "an integer"
        case is Double.Type, is Float.Type: "a number"
        case is String.Type: "a string"
        case is Bool.Type: "true or false"
        default:
            String(describing: type).hasPrefix("Array") ? "a list" : "a mapping"
        }
    }
}

extension CodingUserInfoKey {
    /// Where ``DecodingProblems`` travels through a decoder.
    public static let decodingProblems = CodingUserInfoKey(rawValue: "fleetsim.decodingProblems")!
}

extension Decoder {
    /// The problem collector of this decoding, if the caller asked to collect problems.
    public var problems: DecodingProblems? { userInfo[.decodingProblems] as? DecodingProblems }
}

extension KeyedDecodingContainer {
    /// Decodes an optional value; on failure records the problem (when collecting) and returns `nil`, so
    /// that decoding goes on and later fields are checked too. Without a collector the error is thrown.
    public func decode<T: Decodable>(
        _ type: T.Type, forKey key: Key, orRecord problems: DecodingProblems?
    ) throws -> T? {
        do {
            return try decodeIfPresent(type, forKey: key)
        } catch {
            guard let problems else { throw error }
            problems.record(error)
            return nil
        }
    }
}
