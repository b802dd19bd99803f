/// Formats quantities with a readable prefix (`3.35 TB/s`, `80 GB`, `700 W`) deterministically: the same
/// value always prints the same text, on every platform.
public enum UnitFormatter {
    /// The value in the best-fitting display unit of `dimension`, with up to four significant digits
    /// after the decimal point trimmed of trailing zeros.
    public static func format(_ value: Double, dimension: Dimension) -> String {
        let scales = displayScales[dimension]!
        let magnitude = abs(value)
        let chosen = scales.last { magnitude >= $0.factor } ?? scales[0]
        return "\(number(value / chosen.factor)) \(chosen.symbol)".trimmingSpaces
    }

    /// A number printed with at most four decimals, trailing zeros removed (`3.35`, `80`, `0.0892`).
    public static func number(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : (value > 0 ? "inf" : "-inf") }
        let magnitude = abs(value)
        if magnitude != 0 && (magnitude < 1e-4 || magnitude >= 1e15) { return "\(value)" }
        let scaled = (value * 10_000).rounded()
        let integerPart = Int64(scaled / 10_000)
        var fraction = Int64(abs(scaled.truncatingRemainder(dividingBy: 10_000)))
        let sign = scaled < 0 && integerPart == 0 ? "-" : ""
        guard fraction != 0 else { return "\(sign)\(integerPart)" }
        var digits = 4
        while fraction % 10 == 0 { fraction /= 10; digits -= 1 }
        let padded = String(repeating: "0", count: digits - String(fraction).count) + String(fraction)
        return "\(sign)\(integerPart).\(padded)"
    }

    private struct Scale {
        let symbol: String
        let factor: Double
    }

    private static let displayScales: [Dimension: [Scale]] = [
        .time: [Scale(symbol: "ns", factor: 1e-9), Scale(symbol: "us", factor: 1e-6),
                Scale(symbol: "ms", factor: 1e-3), Scale(symbol: "s", factor: 1)],
        .information: [Scale(symbol: "B", factor: 1), Scale(symbol: "kB", factor: 1e3), Scale(symbol: "MB", factor: 1e6),
                       Scale(symbol: "GB", factor: 1e9), Scale(symbol: "TB", factor: 1e12)],
        .operations: [Scale(symbol: "FLOP", factor: 1), Scale(symbol: "GFLOP", factor: 1e9),
                      Scale(symbol: "TFLOP", factor: 1e12), Scale(symbol: "PFLOP", factor: 1e15)],
        .bandwidth: [Scale(symbol: "B/s", factor: 1), Scale(symbol: "MB/s", factor: 1e6),
                     Scale(symbol: "GB/s", factor: 1e9), Scale(symbol: "TB/s", factor: 1e12)],
        .operationRate: [Scale(symbol: "FLOPS", factor: 1), Scale(symbol: "GFLOPS", factor: 1e9),
                         Scale(symbol: "TFLOPS", factor: 1e12), Scale(symbol: "PFLOPS", factor: 1e15)],
        .power: [Scale(symbol: "W", factor: 1), Scale(symbol: "kW", factor: 1e3), Scale(symbol: "MW", factor: 1e6)],
        .energy: [Scale(symbol: "J", factor: 1), Scale(symbol: "kWh", factor: 3.6e6), Scale(symbol: "MWh", factor: 3.6e9)],
        .tokens: [Scale(symbol: "tokens", factor: 1), Scale(symbol: "Mtok", factor: 1e6)],
        .tokenRate: [Scale(symbol: "tokens/s", factor: 1)],
        .ratio: [Scale(symbol: "", factor: 1)],
    ]
}
