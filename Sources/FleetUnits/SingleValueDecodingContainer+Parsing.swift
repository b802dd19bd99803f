extension SingleValueDecodingContainer {
    /// Decodes a string and parses it; a ``UnitError`` becomes a located `dataCorrupted` error carrying its
    /// message. Every value-with-unit type decodes through here.
    func decodeParsing<Value>(_ parse: (String) throws -> Value) throws -> Value {
        let text = try decode(String.self)
        do {
            return try parse(text)
        } catch let error as UnitError {
            throw DecodingError.dataCorruptedError(in: self, debugDescription: error.description)
        }
    }
}
