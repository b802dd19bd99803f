/// A place in a file: 1-based line and column (columns count Unicode scalars, as libYAML does).
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let file: String
    public let line: Int?
    public let column: Int?

    public init(file: String, line: Int? = nil, column: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column`, or just `file` when the position is unknown.
    public var description: String {
        guard let line else { return file }
        return "\(file):\(line):\(column ?? 1)"
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line ?? 0, lhs.column ?? 0) < (rhs.file, rhs.line ?? 0, rhs.column ?? 0)
    }
}

/// One problem found in a user's file, printed as `file:line:column: error: message`.
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    public let location: SourceLocation
    /// Lower-case, quotes the offending value, says what is allowed.
    public let message: String

    public init(_ message: String, at location: SourceLocation) {
        self.message = message
        self.location = location
    }

    public var description: String { "\(location): error: \(message)" }
}

extension Diagnostic {
    /// `FILE: error: no such file`
    public static func noSuchFile(_ file: String) -> Diagnostic { Diagnostic("no such file", at: SourceLocation(file: file)) }

    /// `FILE: error: cannot read the file` (permissions, a device error).
    public static func unreadable(_ file: String) -> Diagnostic { Diagnostic("cannot read the file", at: SourceLocation(file: file)) }

    /// `FILE: error: the file is not UTF-8 text`
    public static func notUTF8Text(_ file: String) -> Diagnostic { Diagnostic("the file is not UTF-8 text", at: SourceLocation(file: file)) }
}

/// Every problem of one or more files, in file order. Thrown by loaders so that a user sees all of them
/// in one run.
public struct DiagnosticList: Error, Sendable, CustomStringConvertible {
    public let diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        // Stable order: by location, then message, without duplicates.
        var seen = Set<Diagnostic>()
        self.diagnostics = diagnostics
            .enumerated()
            .sorted { ($0.element.location, $0.offset) < ($1.element.location, $1.offset) }
            .map(\.element)
            .filter { seen.insert($0).inserted }
    }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
