import Foundation
import FleetProfiles

extension RequestTrace {
    /// Reads a GuideLLM report (`guidellm benchmark --output-path report.json`): the successful requests of
    /// one entry of `benchmarks`, each with `prompt_tokens`, `output_tokens` and its start time in seconds
    /// (`request_start_time` from v0.3, `start_time` before). GuideLLM may keep only a sample of the
    /// requests it sent; the trace is what the report holds.
    /// - Parameter benchmark: index into `benchmarks`; required when the report holds more than one.
    /// - Throws: ``DiagnosticList``, each problem located by the JSON path of its value.
    static func parseGuideLLM(object: [String: Any], file: String, benchmark: Int?) throws(DiagnosticList) -> RequestTrace {
        let location = SourceLocation(file: file)
        guard let benchmarks = object["benchmarks"] as? [Any], !benchmarks.isEmpty else {
            throw DiagnosticList([Diagnostic("expected a GuideLLM report with a non-empty 'benchmarks' list", at: location)])
        }
        let chosen: Int
        if let benchmark {
            guard benchmarks.indices.contains(benchmark) else {
                throw DiagnosticList([Diagnostic("'benchmark' (\(benchmark)) must be between 0 and \(benchmarks.count - 1): the report holds \(benchmarks.count)", at: location)])
            }
            chosen = benchmark
        } else {
            guard benchmarks.count == 1 else {
                throw DiagnosticList([Diagnostic("the report holds \(benchmarks.count) benchmarks; choose one with 'benchmark: 0' … '\(benchmarks.count - 1)'", at: location)])
            }
            chosen = 0
        }
        let prefix = "benchmarks[\(chosen)].requests.successful"
        guard let entry = benchmarks[chosen] as? [String: Any], let requests = entry["requests"] as? [String: Any],
              let successful = requests["successful"] as? [Any] else {
            throw DiagnosticList([Diagnostic("'\(prefix)' is missing: the report keeps no per-request statistics", at: location)])
        }
        var diagnostics: [Diagnostic] = []
        var entries: [Entry] = []
        for (index, item) in successful.enumerated() {
            let path = "\(prefix)[\(index)]"
            guard let request = item as? [String: Any] else {
                diagnostics.append(Diagnostic("'\(path)' must be an object, got \(describe(item))", at: location))
                continue
            }
            let input = checkLength(request["prompt_tokens"], name: "\(path).prompt_tokens", at: location, into: &diagnostics)
            let output = checkLength(request["output_tokens"], name: "\(path).output_tokens", at: location, into: &diagnostics)
            let start = number(request["request_start_time"]) ?? number(request["start_time"])
            if start == nil {
                diagnostics.append(Diagnostic("'\(path).request_start_time' is missing or not a number of seconds", at: location))
            }
            if let input, let output, let start { entries.append(Entry(arrival: start, inputTokens: input, outputTokens: output)) }
        }
        if diagnostics.isEmpty && entries.isEmpty {
            diagnostics.append(Diagnostic("'\(prefix)' holds no requests", at: location))
        }
        guard diagnostics.isEmpty else { throw DiagnosticList(diagnostics) }
        return RequestTrace(format: .guidellm, entries: entries)
    }
}
