import FleetProfiles
import FleetUnits

/// What the `detail` text of a kernel measurement says about its shape.
public enum KernelShape: Equatable, Sendable {
    /// A GEMM `m×k · k×n` at a precision; dimensions `nil` when the source does not state them.
    case gemm(m: Double?, n: Double?, k: Double?, precision: Precision?)
    /// A memory test; `elementwise` for framework ops rather than STREAM-like kernels.
    case memory(elementwise: Bool)
    /// An attention kernel.
    case attention
    /// An all-reduce of `message` bytes (when stated) among `devices`.
    case allReduce(message: Bytes?, devices: Int?)

    /// Reads the shape from a measurement row.
    public static func of(_ measurement: PublishedMeasurement) -> KernelShape? {
        let detail = measurement.detail
        switch measurement.metric {
        case .gemmTFLOPS:
            return .gemm(m: number(after: "m=", in: detail), n: number(after: "n=", in: detail),
                         k: number(after: "k=", in: detail), precision: precision(in: detail))
        case .memoryBandwidth:
            return .memory(elementwise: detail.contains("elementwise"))
        case .attentionTFLOPS:
            return .attention
        case .allreduceBusBandwidth:
            var devices = measurement.devices
            if devices == nil, let stated = number(after: "VM has ", in: detail) { devices = Int(stated) }
            return .allReduce(message: messageSize(in: detail), devices: devices)
        default:
            return nil
        }
    }

    static func number(after marker: String, in text: String) -> Double? {
        guard let range = text.range(of: marker) else { return nil }
        let digits = text[range.upperBound...].prefix { $0.isNumber || $0 == "." }
        return Double(digits)
    }

    static func precision(in detail: String) -> Precision? {
        for precision in [Precision.fp8, .fp4, .bf16, .fp16, .fp32, .int8, .tf32] where detail.contains(" \(precision.rawValue)") {
            return precision
        }
        return nil
    }

    /// `message 16MB (as labelled)` → 16·10⁶ bytes.
    static func messageSize(in detail: String) -> Bytes? {
        guard let range = detail.range(of: "message ") else { return nil }
        let token = detail[range.upperBound...].prefix { !$0.isWhitespace }
        return try? Bytes(parsing: String(token))
    }
}
