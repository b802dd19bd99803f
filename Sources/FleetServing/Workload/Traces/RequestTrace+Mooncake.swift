import Foundation
import FleetProfiles

extension RequestTrace {
    /// Reads Mooncake's JSON Lines: one object per line with `timestamp` (milliseconds since the first
    /// request), `input_length` and `output_length` in tokens; `hash_ids` and other keys are ignored. Blank
    /// lines are skipped. A file whose lines carry no `timestamp` at all records no arrivals.
    /// - Throws: ``DiagnosticList``, every bad line as `file:line: error: …`.
    static func parseMooncake(text: String, file: String) throws(DiagnosticList) -> RequestTrace {
        var entries: [Entry] = []
        var diagnostics: [Diagnostic] = []
        var timedLines = 0, untimedLines: [Int] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let lineNumber = index + 1
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty else { continue }
            let location = SourceLocation(file: file, line: lineNumber)
            let value: Any
            do {
                value = try JSONSerialization.jsonObject(with: Data(trimmed.utf8))
            } catch {
                let description = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)"
                let located = JSONErrorLocator.diagnostic(description: description, text: String(trimmed), file: file)
                diagnostics.append(Diagnostic(located.message, at: SourceLocation(file: file, line: lineNumber, column: located.location.column)))
                continue
            }
            guard let object = value as? [String: Any] else {
                diagnostics.append(Diagnostic("expected a JSON object with 'timestamp', 'input_length' and 'output_length'", at: location))
                continue
            }
            let input = checkLength(object["input_length"], name: "input_length", at: location, into: &diagnostics)
            let output = checkLength(object["output_length"], name: "output_length", at: location, into: &diagnostics)
            var arrival: Double?
            if let stamp = object["timestamp"], !(stamp is NSNull) {
                if let milliseconds = number(stamp), milliseconds >= 0 {
                    arrival = milliseconds / 1000
                    timedLines += 1
                } else {
                    diagnostics.append(Diagnostic("'timestamp' must be a non-negative number of milliseconds, got \(describe(stamp))", at: location))
                    continue
                }
            } else {
                untimedLines.append(lineNumber)
            }
            if let input, let output { entries.append(Entry(arrival: arrival, inputTokens: input, outputTokens: output)) }
        }
        if timedLines > 0 {
            for untimed in untimedLines {
                diagnostics.append(Diagnostic("'timestamp' is missing (other lines have one)", at: SourceLocation(file: file, line: untimed)))
            }
        }
        if diagnostics.isEmpty && entries.isEmpty {
            diagnostics.append(Diagnostic("the trace holds no requests", at: SourceLocation(file: file)))
        }
        guard diagnostics.isEmpty else { throw DiagnosticList(diagnostics.sorted { $0.location < $1.location }) }
        return RequestTrace(format: .mooncake, entries: entries)
    }
}
