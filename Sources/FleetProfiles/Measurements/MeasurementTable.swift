import SwiftCSV

/// A measurement file in the canonical `validation.csv` format, read with every row checked as the
/// format's README asks; problems are reported per row with `file:line:column`.
public struct MeasurementTable: Sendable {
    public let measurements: [PublishedMeasurement]

    /// The 22 columns, in order.
    public static let columns = [
        "raw_id", "engine", "engine_version", "model", "hardware", "devices", "tp", "pp", "ep", "weight_precision",
        "activation_precision", "kv_precision", "workload", "input_tokens", "output_tokens", "mode", "load", "metric",
        "value", "unit", "detail", "source_date",
    ]

    /// Parses `text`; `file` names it in messages.
    /// - Throws: ``DiagnosticList`` with every problem of every row.
    public init(text: String, file: String) throws(DiagnosticList) {
        let csv: CSV<Enumerated>
        do {
            csv = try CSV<Enumerated>(string: text, delimiter: .comma, loadColumns: false)
        } catch {
            throw DiagnosticList([Diagnostic("malformed CSV: \(error)", at: SourceLocation(file: file, line: 1, column: 1))])
        }
        guard csv.header == Self.columns else {
            throw DiagnosticList([Diagnostic(
                "the header must be the 22 columns of the validation format: \(Self.columns.joined(separator: ","))",
                at: SourceLocation(file: file, line: 1, column: 1))])
        }
        var diagnostics: [Diagnostic] = []
        var measurements: [PublishedMeasurement] = []
        var seen: [String: Int] = [:]
        for (index, fields) in csv.rows.enumerated() {
            let line = index + 2
            var reader = RowReader(fields: fields, file: file, line: line)
            if let measurement = reader.measurement() {
                if let first = seen[measurement.rawID] {
                    reader.fail("duplicate raw_id '\(measurement.rawID)' (first at line \(first))", column: 0)
                } else {
                    seen[measurement.rawID] = line
                    measurements.append(measurement)
                }
            }
            diagnostics += reader.diagnostics
        }
        guard diagnostics.isEmpty else { throw DiagnosticList(diagnostics) }
        self.measurements = measurements
    }
}

/// Reads and checks the fields of one row.
private struct RowReader {
    let fields: [String]
    let file: String
    let line: Int
    var diagnostics: [Diagnostic] = []

    init(fields: [String], file: String, line: Int) {
        self.fields = fields
        self.file = file
        self.line = line
    }

    mutating func fail(_ message: String, column: Int) {
        // Column of the field's first character, counting the separators before it.
        let offset = fields.prefix(column).reduce(0) { $0 + $1.count + 1 } + 1
        diagnostics.append(Diagnostic(message, at: SourceLocation(file: file, line: line, column: offset)))
    }

    func text(_ column: Int) -> String? { fields[column].isEmpty ? nil : fields[column] }

    mutating func positiveInteger(_ column: Int) -> Int? {
        guard let text = text(column) else { return nil }
        guard let value = Int(text), value >= 1 else {
            fail("'\(MeasurementTable.columns[column])' must be a positive integer, got '\(text)'", column: column)
            return nil
        }
        return value
    }

    mutating func positiveNumber(_ column: Int) -> Double? {
        guard let text = text(column) else { return nil }
        guard let value = Double(text), value.isFinite, value > 0 else {
            fail("'\(MeasurementTable.columns[column])' must be a positive number, got '\(text)'", column: column)
            return nil
        }
        return value
    }

    mutating func precision(_ column: Int) -> Precision? {
        guard let text = text(column) else { return nil }
        guard let precision = Precision(rawValue: text) else {
            fail("unknown precision '\(text)' in '\(MeasurementTable.columns[column])'; expected one of \(Precision.allNames)", column: column)
            return nil
        }
        return precision
    }

    mutating func measurement() -> PublishedMeasurement? {
        guard fields.count == MeasurementTable.columns.count else {
            fail("a row must have 22 fields, this one has \(fields.count)", column: 0)
            return nil
        }
        guard let metricText = text(17), let metric = PublishedMeasurement.Metric(rawValue: metricText) else {
            fail("unknown metric '\(fields[17])'; expected one of \(PublishedMeasurement.Metric.allCases.map(\.rawValue).joined(separator: ", "))", column: 17)
            return nil
        }
        var mode: PublishedMeasurement.Mode?
        if let modeText = text(15) {
            mode = PublishedMeasurement.Mode(rawValue: modeText)
            if mode == nil { fail("unknown mode '\(modeText)'", column: 15) }
        }
        if fields[19] != metric.unit { fail("'unit' of \(metric.rawValue) must be '\(metric.unit)', got '\(fields[19])'", column: 19) }
        if (mode == .kernel) != metric.isKernel || (mode == .kernel) != (text(3) == nil) {
            fail("kernel rows (mode 'kernel') must have a kernel metric and an empty model, and only they", column: 15)
        }
        guard let rawID = text(0), rawID.hasPrefix("M") else { fail("'raw_id' must look like M0001", column: 0); return nil }
        guard let hardware = text(4) else { fail("'hardware' must be set", column: 4); return nil }
        guard let engine = text(1) else { fail("'engine' must be set", column: 1); return nil }
        let value = positiveNumber(18)
        let result = PublishedMeasurement(
            rawID: rawID, line: line, engine: engine, engineVersion: text(2), model: text(3), hardware: hardware,
            devices: positiveInteger(5), tensorParallel: positiveInteger(6), pipelineParallel: positiveInteger(7),
            expertParallel: positiveInteger(8), weightPrecision: precision(9), activationPrecision: precision(10),
            kvPrecision: precision(11), workload: text(12), inputTokens: positiveInteger(13),
            outputTokens: positiveNumber(14), mode: mode, load: positiveNumber(16), metric: metric, value: value ?? 0,
            detail: fields[20], sourceDate: fields[21])
        if !Source.isValidDate(result.sourceDate) { fail(Source.invalidDateMessage("source_date", result.sourceDate), column: 21) }
        return value == nil ? nil : result
    }
}
