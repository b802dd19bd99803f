import FleetProfiles
import Foundation

/// Reads a measurement file (validation.csv format) for `validate` and `calibrate`.
enum MeasurementFile {
    static func load(_ path: String) throws -> MeasurementTable {
        guard FileManager.default.fileExists(atPath: path) else {
            throw Diagnostic("no such file", at: SourceLocation(file: path))
        }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw Diagnostic("cannot read the file as UTF-8 text", at: SourceLocation(file: path))
        }
        return try MeasurementTable(text: text, file: path)
    }
}
