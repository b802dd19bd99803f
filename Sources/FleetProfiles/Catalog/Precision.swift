/// A numeric format for weights, activations, the KV cache or a compute unit.
public enum Precision: String, Codable, Sendable, CaseIterable, Comparable {
    case fp64, fp32, tf32, bf16, fp16, fp8, int8, fp6, fp4, mxfp4, int4

    /// Bits per element (`mxfp4` adds one 8-bit scale per 32 elements).
    public var bits: Double {
        switch self {
        case .fp64: 64
        case .fp32, .tf32: 32
        case .bf16, .fp16: 16
        case .fp8, .int8: 8
        case .fp6: 6
        case .fp4, .int4: 4
        case .mxfp4: 4.25
        }
    }

    /// Bytes per element.
    public var bytes: Double { bits / 8 }

    public static func < (lhs: Precision, rhs: Precision) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// `'fp8'`, for messages.
    public static var allNames: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
