import Foundation
import FleetProfiles

enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let catalog: ProfileCatalog = {
        do { return try ProfileCatalog.load(from: root.appendingPathComponent("Profiles").path) } catch {
            preconditionFailure("bundled profiles must load: \(error)")
        }
    }()
    /// `shared/reference/validation.csv` beside the checkout (present in CI and on developer machines).
    static let referenceValidation = root.deletingLastPathComponent().appendingPathComponent("shared/reference/validation.csv").path
    static var hasReference: Bool { FileManager.default.fileExists(atPath: referenceValidation) }

    static func referenceMeasurements() throws -> [PublishedMeasurement] {
        try MeasurementTable(text: String(contentsOfFile: referenceValidation, encoding: .utf8), file: "validation.csv").measurements
    }

    static func shippedKernelCalibration() throws -> String {
        try String(contentsOf: root.appendingPathComponent("Profiles/calibration/kernels.yaml"), encoding: .utf8)
    }
}
