import Foundation
import FleetProfiles

/// Requests recorded by a production system or a benchmark client, to be replayed: each with its prompt and
/// output length and, where the file records it, its arrival time.
///
/// Three formats are read (see `docs/scenarios.md`):
/// - ``Format/mooncake``: JSON Lines as published with Mooncake (FAST '25), one request per line,
///   `{"timestamp": ms, "input_length": n, "output_length": n, "hash_ids": [...]}`; `timestamp` is the
///   arrival in milliseconds since the first request.
/// - ``Format/vllmBench``: the result file of `vllm bench serve --save-result --save-detailed`, whose
///   per-request arrays `input_lens` and `output_lens` give the lengths; requests with a non-empty entry in
///   `errors` failed and are left out. Only newer versions save `start_times`; without them the file
///   records no arrivals.
/// - ``Format/guidellm``: a GuideLLM benchmark report, whose `benchmarks[i].requests.successful` entries give
///   `prompt_tokens`, `output_tokens` and the start time (`request_start_time`, or `start_time` in reports
///   before v0.3).
public struct RequestTrace: Sendable, Equatable {
    /// The file formats a trace is read from.
    public enum Format: String, Codable, Sendable, CaseIterable {
        case mooncake
        case vllmBench = "vllm-bench"
        case guidellm
    }

    /// One recorded request.
    public struct Entry: Sendable, Equatable {
        /// Seconds after the first recorded request; `nil` when the file records no arrivals.
        public let arrival: Double?
        public let inputTokens: Int
        public let outputTokens: Int

        public init(arrival: Double?, inputTokens: Int, outputTokens: Int) {
            self.arrival = arrival
            self.inputTokens = inputTokens
            self.outputTokens = outputTokens
        }
    }

    public let format: Format
    /// The requests, ordered by arrival when arrivals are recorded (ties keep file order), else in file order.
    public let entries: [Entry]
    /// Context for messages about arrivals a file does not record (the benchmark's request rate, for example).
    public let arrivalNote: String?

    public init(format: Format, entries: [Entry], arrivalNote: String? = nil) {
        let timed = entries.allSatisfy { $0.arrival != nil }
        if timed, let first = entries.map({ $0.arrival! }).min() {
            // Stable sort by arrival, shifted so the first request arrives at zero.
            let ordered = entries.enumerated().sorted { ($0.element.arrival!, $0.offset) < ($1.element.arrival!, $1.offset) }
            self.entries = ordered.map { Entry(arrival: $0.element.arrival! - first, inputTokens: $0.element.inputTokens,
                                               outputTokens: $0.element.outputTokens) }
        } else {
            self.entries = entries.map { Entry(arrival: nil, inputTokens: $0.inputTokens, outputTokens: $0.outputTokens) }
        }
        self.format = format
        self.arrivalNote = arrivalNote
    }

    /// Whether every request has an arrival time.
    public var recordsArrivals: Bool { !entries.isEmpty && entries.allSatisfy { $0.arrival != nil } }

    /// Arrival times in seconds from the first request; empty when the file records none.
    public var arrivals: [Double] { recordsArrivals ? entries.map { $0.arrival! } : [] }
    public var inputLengths: [Int] { entries.map(\.inputTokens) }
    public var outputLengths: [Int] { entries.map(\.outputTokens) }

    /// Parses a trace file's `text`.
    /// - Parameters:
    ///   - file: the path shown in messages; a `.jsonl` suffix means Mooncake when `format` is not given.
    ///   - format: the format, or `nil` to recognize it (JSON Lines → Mooncake; a JSON object with
    ///     `input_lens` → vLLM; with `benchmarks` → GuideLLM).
    ///   - benchmark: the GuideLLM benchmark to read (required when a report holds more than one).
    /// - Throws: ``DiagnosticList`` with every problem found, each located by line (JSON Lines) or by the
    ///   JSON path of the offending value.
    public static func parse(text: String, file: String, format: Format? = nil, benchmark: Int? = nil) throws(DiagnosticList) -> RequestTrace {
        let format = format ?? recognize(text: text, file: file)
        switch format {
        case .mooncake: return try parseMooncake(text: text, file: file)
        case .vllmBench: return try parseVLLMBench(object: try jsonObject(text: text, file: file), file: file)
        case .guidellm: return try parseGuideLLM(object: try jsonObject(text: text, file: file), file: file, benchmark: benchmark)
        }
    }

    static func recognize(text: String, file: String) -> Format {
        if file.lowercased().hasSuffix(".jsonl") { return .mooncake }
        let head = text.prefix(4096)
        if head.contains("\"benchmarks\"") { return .guidellm }
        if text.contains("\"input_lens\"") { return .vllmBench }
        return .mooncake
    }

    /// Parses a whole JSON document into a dictionary, or a located diagnostic.
    static func jsonObject(text: String, file: String) throws(DiagnosticList) -> [String: Any] {
        let value: Any
        do {
            value = try JSONSerialization.jsonObject(with: Data(text.utf8))
        } catch {
            let description = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)"
            throw DiagnosticList([JSONErrorLocator.diagnostic(description: description, text: text, file: file)])
        }
        guard let object = value as? [String: Any] else {
            throw DiagnosticList([Diagnostic("expected a JSON object at the top level", at: SourceLocation(file: file, line: 1))])
        }
        return object
    }

    /// A JSON number as a whole token count, or `nil` when the value is not one.
    static func tokenCount(_ value: Any?) -> Int? {
        guard let number = value as? NSNumber, !isBoolean(number) else { return nil }
        let double = number.doubleValue
        guard double.isFinite, double == double.rounded(), abs(double) < 1e15 else { return nil }
        return Int(double)
    }

    /// A JSON number as seconds, or `nil`.
    static func number(_ value: Any?) -> Double? {
        guard let number = value as? NSNumber, !isBoolean(number), number.doubleValue.isFinite else { return nil }
        return number.doubleValue
    }

    /// JSON `true`/`false` also arrive as `NSNumber` (and `0`, `1` cast to `Bool`); their type code is `c`.
    static func isBoolean(_ number: NSNumber) -> Bool { String(cString: number.objCType) == "c" }

    /// Checks that a length is a positive whole number of tokens.
    static func checkLength(_ value: Any?, name: String, at location: SourceLocation, into diagnostics: inout [Diagnostic]) -> Int? {
        guard let value, !(value is NSNull) else {
            diagnostics.append(Diagnostic("'\(name)' is missing", at: location))
            return nil
        }
        guard let tokens = tokenCount(value) else {
            diagnostics.append(Diagnostic("'\(name)' must be a whole number of tokens, got \(describe(value))", at: location))
            return nil
        }
        guard tokens >= 1 else {
            diagnostics.append(Diagnostic("'\(name)' must be at least 1 token, got \(tokens)", at: location))
            return nil
        }
        return tokens
    }

    static func describe(_ value: Any) -> String {
        if let string = value as? String { return "'\(string)'" }
        if let number = value as? NSNumber { return "\(number)" }
        if value is NSNull { return "null" }
        if value is [Any] { return "a list" }
        if value is [String: Any] { return "an object" }
        return "\(value)"
    }
}
