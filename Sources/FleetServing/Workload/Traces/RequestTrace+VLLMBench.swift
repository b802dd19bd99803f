import Foundation
import FleetProfiles

extension RequestTrace {
    /// Reads the result file of `vllm bench serve --save-result --save-detailed` (vllm/benchmarks/serve.py):
    /// per-request lists `input_lens` and `output_lens` (tokens), `errors` (an empty string for a request that
    /// succeeded) and, in newer versions, `start_times` (seconds, the client's clock when the request was
    /// sent). Failed requests are left out. Without `start_times` the file records no arrivals, and the
    /// benchmark's `request_rate` and `burstiness` are kept for the message that says so.
    /// - Throws: ``DiagnosticList``, each problem located by the JSON path of its value (`input_lens[3]`).
    static func parseVLLMBench(object: [String: Any], file: String) throws(DiagnosticList) -> RequestTrace {
        let location = SourceLocation(file: file)
        guard let inputs = object["input_lens"] as? [Any], let outputs = object["output_lens"] as? [Any] else {
            throw DiagnosticList([Diagnostic(
                "no per-request lengths: 'input_lens' and 'output_lens' are saved only with "
                    + "'vllm bench serve --save-result --save-detailed'", at: location)])
        }
        var diagnostics: [Diagnostic] = []
        guard inputs.count == outputs.count else {
            throw DiagnosticList([Diagnostic("'input_lens' has \(inputs.count) entries but 'output_lens' has \(outputs.count)", at: location)])
        }
        let errors = object["errors"] as? [Any]
        let starts = object["start_times"] as? [Any]
        if let starts, starts.count != inputs.count {
            diagnostics.append(Diagnostic("'start_times' has \(starts.count) entries but 'input_lens' has \(inputs.count)", at: location))
        }
        var entries: [Entry] = []
        for index in inputs.indices {
            if let errors, index < errors.count, let message = errors[index] as? String, !message.isEmpty { continue }
            let input = checkLength(inputs[index], name: "input_lens[\(index)]", at: location, into: &diagnostics)
            let output = checkLength(outputs[index], name: "output_lens[\(index)]", at: location, into: &diagnostics)
            var arrival: Double?
            if let starts, index < starts.count {
                arrival = number(starts[index])
                if arrival == nil {
                    diagnostics.append(Diagnostic("'start_times[\(index)]' must be a number of seconds, got \(describe(starts[index]))", at: location))
                }
            }
            if let input, let output { entries.append(Entry(arrival: arrival, inputTokens: input, outputTokens: output)) }
        }
        if diagnostics.isEmpty && entries.isEmpty {
            diagnostics.append(Diagnostic("the result holds no successful requests", at: location))
        }
        guard diagnostics.isEmpty else { throw DiagnosticList(diagnostics) }
        var note: String?
        if starts == nil {
            func setting(_ key: String) -> String {
                guard let value = object[key] else { return "unknown" }
                if let number = number(value) { return String(format: "%g", number) }
                return describe(value).replacingOccurrences(of: "'", with: "")
            }
            let rate = setting("request_rate"), burstiness = setting("burstiness")
            note = "the benchmark ran at request_rate \(rate), burstiness \(burstiness)"
        }
        return RequestTrace(format: .vllmBench, entries: entries, arrivalNote: note)
    }
}
