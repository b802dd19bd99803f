import FleetProfiles
import FleetUnits

/// What the `detail` text of a kernel measurement says about its shape.
public enum KernelShape: Equatable, Sendable {
    /// A GEMM `m×k · k×n` at a precision; dimensions `nil` when the source does not state them.
    case gemm(m: Double?, n: Double?, k: Double?, precision: Precision?)
    /// A memory test; `elementwise` for framework ops rather than STREAM-like kernels.
    case memory(elementwise: Bool)
    /// A portable attention kernel (FlashAttention-2), which runs on every architecture at the same design.
    case attention
    /// An attention kernel written for one architecture's tensor-core instructions, of the kind serving
    /// engines run there (FlashAttention-3 on Hopper, FlashAttention-4 and NVIDIA's SM100 kernels on
    /// Blackwell, FlashMLA, cuDNN, FlashInfer, TensorRT-LLM's trtllm-gen), at a query length of `sequence`
    /// tokens when the row states one (`seq=`).
    case servingAttention(sequence: Double?)
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
            return isArchitectureSpecific(engine: measurement.engine, version: measurement.engineVersion)
                ? .servingAttention(sequence: number(after: "seq=", in: detail)) : .attention
        case .allreduceBusBandwidth:
            var devices = measurement.devices
            if devices == nil, let stated = number(after: "VM has ", in: detail) { devices = Int(stated) }
            return .allReduce(message: messageSize(in: detail), devices: devices)
        default:
            return nil
        }
    }

    /// Kernels named by a row's `engine` (and version) that are built for one architecture: FlashAttention 3
    /// and later, and the engine and vendor attention libraries. FlashAttention-2 and anything unnamed count
    /// as portable.
    static func isArchitectureSpecific(engine: String, version: String?) -> Bool {
        let name = engine.lowercased()
        if name == "flash-attention" {
            let major = version.flatMap { Int($0.prefix { $0.isNumber }) } ?? 2
            return major >= 3
        }
        return ["flashmla", "cudnn", "flashinfer", "trtllm-gen", "tensorrt-llm"].contains(name)
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
