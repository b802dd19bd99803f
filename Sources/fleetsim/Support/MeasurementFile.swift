import FleetProfiles
import Foundation

/// Reads a measurement file (validation.csv format) for `validate` and `calibrate`.
enum MeasurementFile {
    static func load(_ path: String) throws -> MeasurementTable {
        guard FileManager.default.fileExists(atPath: path) else { throw Diagnostic.noSuchFile(path) }
        guard let data = FileManager.default.contents(atPath: path) else { throw Diagnostic.unreadable(path) }
        guard let text = String(data: data, encoding: .utf8) else { throw Diagnostic.notUTF8Text(path) }
        return try MeasurementTable(text: text, file: path)
    }

    /// The rows of several files, in order; a `raw_id` must be unique across them.
    static func load(_ paths: [String]) throws -> [PublishedMeasurement] {
        var measurements: [PublishedMeasurement] = []
        var seen: [String: String] = [:]
        for path in paths {
            for measurement in try load(path).measurements {
                if let first = seen[measurement.rawID] {
                    throw DiagnosticList([Diagnostic("duplicate raw_id '\(measurement.rawID)' (first in \(first))",
                                                     at: SourceLocation(file: path, line: measurement.line, column: 1))])
                }
                seen[measurement.rawID] = path
                measurements.append(measurement)
            }
        }
        return measurements
    }
}
