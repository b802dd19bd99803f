import Foundation
import Yams

/// A YAML or JSON file parsed into a node tree that remembers where each value came from, so that every
/// problem, structural or semantic, can be reported as `file:line:column`.
///
/// JSON files are checked with Foundation's strict JSON parser first (YAML would accept some invalid
/// JSON), then read through the YAML parser, whose flow syntax covers JSON and keeps positions.
public struct Document: @unchecked Sendable {
    /// The file name as it is shown in messages.
    public let file: String
    /// The root node (`nil` for an empty document).
    public let root: Node?

    /// Parses `text`.
    /// - Parameters:
    ///   - file: the name used in messages; a `.json` suffix selects strict JSON checking.
    /// - Throws: ``DiagnosticList`` with the parser's located message.
    public init(text: String, file: String) throws(DiagnosticList) {
        self.file = file
        if file.lowercased().hasSuffix(".json") {
            try Document.checkStrictJSON(text, file: file)
        }
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw DiagnosticList([Document.diagnostic(for: error, file: file)])
        } catch {
            throw DiagnosticList([Diagnostic("cannot parse: \(error)", at: SourceLocation(file: file))])
        }
    }

    /// Reads and parses a file.
    /// - Throws: ``DiagnosticList``: a missing or unreadable file, or a parse error.
    public init(contentsOf path: String, displayName: String? = nil) throws(DiagnosticList) {
        let name = displayName ?? path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw DiagnosticList([.noSuchFile(name)])
        }
        guard !isDirectory.boolValue else {
            throw DiagnosticList([Diagnostic("is a directory, expected a YAML or JSON file", at: SourceLocation(file: name))])
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DiagnosticList([.unreadable(name)])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw DiagnosticList([.notUTF8Text(name)])
        }
        try self.init(text: text, file: name)
    }

    /// The location of the value at `path`; when part of the path is absent, the location of the deepest
    /// node that exists (the mapping a missing key belongs in).
    public func location(of path: DocumentPath) -> SourceLocation {
        var node = root
        for component in path.components {
            guard let current = node, let next = Document.child(of: current, at: component) else { break }
            node = next
        }
        return location(of: node)
    }

    /// The location of the key (not its value) at the end of `path`.
    public func location(ofKeyAt path: DocumentPath) -> SourceLocation {
        guard case let .key(last)? = path.components.last else { return location(of: path) }
        let parentPath = DocumentPath(Array(path.components.dropLast()))
        guard let parent = node(at: parentPath), let mapping = parent.mapping,
              let key = mapping.keys.first(where: { $0.string == last }) else { return location(of: path) }
        return location(of: key)
    }

    /// The node at `path`, if every component exists.
    public func node(at path: DocumentPath) -> Node? {
        var node = root
        for component in path.components {
            guard let current = node else { return nil }
            node = Document.child(of: current, at: component)
        }
        return node
    }

    /// A diagnostic located at the value of `path`.
    public func diagnostic(_ message: String, at path: DocumentPath) -> Diagnostic {
        Diagnostic(message, at: location(of: path))
    }

    func location(of node: Node?) -> SourceLocation {
        guard let mark = node?.mark ?? root?.mark else { return SourceLocation(file: file) }
        return SourceLocation(file: file, line: mark.line, column: mark.column)
    }

    static func child(of node: Node, at component: DocumentPath.Component) -> Node? {
        switch component {
        case let .key(key):
            return node.mapping?.first(where: { $0.key.string == key })?.value
        case let .index(index):
            guard let sequence = node.sequence, index >= 0, index < sequence.count else { return nil }
            return sequence[index]
        }
    }

    static func diagnostic(for error: YamlError, file: String) -> Diagnostic {
        switch error {
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
            return Diagnostic("malformed YAML: \(problem)", at: SourceLocation(file: file, line: mark.line, column: mark.column))
        case let .duplicatedKeysInMapping(duplicates, context):
            let keys = duplicates.sorted().map { "'\($0)'" }.joined(separator: ", ")
            return Diagnostic("duplicate key \(keys)",
                              at: SourceLocation(file: file, line: context.mark.line, column: context.mark.column))
        case let .reader(problem, _, _, _):
            return Diagnostic("malformed YAML: \(problem)", at: SourceLocation(file: file))
        default:
            return Diagnostic("malformed YAML: \(error)", at: SourceLocation(file: file))
        }
    }

    /// Rejects text that Foundation's strict JSON parser refuses, locating the problem when Foundation
    /// says where it is.
    static func checkStrictJSON(_ text: String, file: String) throws(DiagnosticList) {
        do {
            _ = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
        } catch {
            let description = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)"
            throw DiagnosticList([JSONErrorLocator.diagnostic(description: description, text: text, file: file)])
        }
    }
}
