/// Turns Foundation's JSON error text ("Unexpected character 'x' around line 3, column 5.") into a
/// located diagnostic.
public enum JSONErrorLocator {
    /// A diagnostic for Foundation's JSON error `description` of `text`, located in `file` where the text says where.
    public static func diagnostic(description: String, text: String, file: String) -> Diagnostic {
        var message = description
        var line: Int?, column: Int?
        if let range = description.range(of: " around line ") {
            let tail = description[range.upperBound...]
            let parts = tail.split(whereSeparator: { !$0.isNumber })
            if parts.count >= 2 {
                line = Int(parts[0])
                column = Int(parts[1])
            }
            message = String(description[..<range.lowerBound])
        } else if let range = description.range(of: " around character ") ?? description.range(of: " at character ")
                    ?? description.range(of: " at offset ") {
            let digits = description[range.upperBound...].prefix { $0.isNumber }
            if let offset = Int(digits) { (line, column) = position(ofOffset: offset, in: text) }
            message = String(description[..<range.lowerBound])
        }
        while message.hasSuffix(".") { message.removeLast() }
        let lowered = message.prefix(1).lowercased() + message.dropFirst()
        return Diagnostic("malformed JSON: \(lowered)", at: SourceLocation(file: file, line: line, column: column))
    }

    static func position(ofOffset offset: Int, in text: String) -> (Int, Int) {
        var line = 1, column = 1
        for (index, byte) in text.utf8.enumerated() {
            if index >= offset { break }
            if byte == UInt8(ascii: "\n") { line += 1; column = 1 } else { column += 1 }
        }
        return (line, column)
    }
}
