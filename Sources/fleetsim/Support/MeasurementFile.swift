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
}
