/// What a quantity measures. The parser uses it to reject a value of the wrong kind with a message
/// naming what was expected.
public enum Dimension: String, Sendable, CaseIterable, Codable {
    case time, information, operations, bandwidth, operationRate, power, energy, tokens, tokenRate, ratio

    /// How messages name the dimension, with an article: "a bandwidth".
    public var phrase: String {
        switch self {
        case .time: "a duration"
        case .information: "an amount of data"
        case .operations: "an operation count"
        case .bandwidth: "a bandwidth"
        case .operationRate: "a compute rate"
        case .power: "a power"
        case .energy: "an energy"
        case .tokens: "a token count"
        case .tokenRate: "a token rate"
        case .ratio: "a ratio"
        }
    }

    /// Units to suggest in messages.
    public var exampleUnits: [String] {
        switch self {
        case .time: ["s", "ms", "min", "h"]
        case .information: ["GB", "GiB", "TB"]
        case .operations: ["GFLOP", "TFLOP"]
        case .bandwidth: ["GB/s", "TB/s", "Gb/s"]
        case .operationRate: ["TFLOPS", "PFLOPS", "TOPS"]
        case .power: ["W", "kW", "MW"]
        case .energy: ["J", "kWh", "MWh"]
        case .tokens: ["tokens", "Mtok"]
        case .tokenRate: ["tokens/s"]
        case .ratio: ["a plain number", "%"]
        }
    }

    /// "a bandwidth such as 'GB/s', 'TB/s' or 'Gb/s'".
    public var expectation: String {
        let units = exampleUnits.map { $0.contains(" ") ? $0 : "'\($0)'" }
        let list = units.count > 1 ? units.dropLast().joined(separator: ", ") + " or " + units.last! : units[0]
        return "\(phrase) such as \(list)"
    }
}
