import Yams

extension Document {
    /// Decodes the document as `T`, reporting every problem found: decoding errors (each with its
    /// location) and keys the schema does not know (with the closest known key as a suggestion).
    ///
    /// An empty document decodes like an empty mapping, so a type whose fields all have defaults yields
    /// its defaults.
    /// - Throws: ``DiagnosticList``.
    public func decode<T: Codable>(_ type: T.Type) throws(DiagnosticList) -> T {
        let problems = DecodingProblems()
        let input = root ?? Node.mapping(Node.Mapping([]))
        var decoded: T?
        do {
            decoded = try YAMLDecoder().decode(T.self, from: input, userInfo: [.decodingProblems: problems])
        } catch {
            problems.record(error)
        }
        if let decoded, problems.problems.isEmpty {
            reportUnknownKeys(in: decoded, input: input, problems: problems)
        }
        let diagnostics = problems.problems.map { problem in
            Diagnostic(problem.message, at: problem.atKey ? location(ofKeyAt: problem.path) : location(of: problem.path))
        }
        guard let decoded, diagnostics.isEmpty else { throw DiagnosticList(diagnostics) }
        return decoded
    }

    /// Compares the input with the value encoded again: a key of the input that the encoding lacks was
    /// ignored by decoding, so it is unknown (most often a typo).
    func reportUnknownKeys<T: Encodable>(in value: T, input: Node, problems: DecodingProblems) {
        guard let text = try? YAMLEncoder().encode(value), let encoded = try? Yams.compose(yaml: text) else { return }
        compare(input: input, encoded: encoded, path: DocumentPath(), problems: problems)
    }

    private func compare(input: Node, encoded: Node, path: DocumentPath, problems: DecodingProblems) {
        if let inputMapping = input.mapping, let encodedMapping = encoded.mapping {
            let known = encodedMapping.keys.compactMap(\.string)
            for (key, value) in inputMapping {
                guard let name = key.string else { continue }
                if let counterpart = encodedMapping.first(where: { $0.key.string == name })?.value {
                    compare(input: value, encoded: counterpart, path: path.appending(name), problems: problems)
                } else if !(value.null != nil) {
                    problems.record(Suggestion.unknown("key", name, in: known),
                                    at: path.appending(name), atKey: true)
                }
            }
        } else if let inputSequence = input.sequence, let encodedSequence = encoded.sequence {
            for (index, (item, counterpart)) in zip(inputSequence, encodedSequence).enumerated() {
                compare(input: item, encoded: counterpart, path: path.appending(index), problems: problems)
            }
        }
    }
}
