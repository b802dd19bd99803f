import Yams

/// Encodes values as YAML the way FleetSim prints them: keys in declaration order, and floating-point
/// numbers in their shortest exact decimal form (`0.9`, not Yams' scientific `9e-1`), so that output is
/// readable and loads back to the same values.
public enum YAMLOutput {
    public static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = YAMLEncoder()
        encoder.options.sortKeys = false
        encoder.options.width = -1
        let text = try encoder.encode(value)
        guard let node = try Yams.compose(yaml: text) else { return text }
        return try Yams.serialize(node: plainNumbers(node), width: -1, sortKeys: false)
    }

    private static func plainNumbers(_ node: Node) -> Node {
        switch node {
        case let .scalar(scalar):
            // Yams writes every Double in scientific form and quotes strings that would read as numbers,
            // so a plain scalar with an exponent is a float.
            guard scalar.style == .plain, scalar.string.contains("e"), let value = Double(scalar.string), value.isFinite
            else { return node }
            return .scalar(Node.Scalar(String(value), scalar.tag, scalar.style))
        case let .mapping(mapping):
            return .mapping(Node.Mapping(mapping.map { ($0.key, plainNumbers($0.value)) }, mapping.tag, mapping.style))
        case let .sequence(sequence):
            return .sequence(Node.Sequence(sequence.map(plainNumbers), sequence.tag, sequence.style))
        case .alias:
            return node
        }
    }
}
