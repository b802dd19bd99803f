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

    /// Vendor kernel figures that the shipped kernel calibration is fitted to besides the reference rows.
    static func vendorKernelMeasurements() throws -> [PublishedMeasurement] {
        let path = root.appendingPathComponent("Profiles/calibration/vendor-kernel-measurements.csv").path
        return try MeasurementTable(text: String(contentsOfFile: path, encoding: .utf8), file: "vendor-kernel-measurements.csv").measurements
    }

    /// Vidur's per-operator GEMM timings of Llama-2-70B on A100 and H100 (`Profiles/calibration/vidur-gemm-measurements.csv`).
    static func vidurGemmMeasurements() throws -> [PublishedMeasurement] {
        let path = root.appendingPathComponent("Profiles/calibration/vidur-gemm-measurements.csv").path
        return try MeasurementTable(text: String(contentsOfFile: path, encoding: .utf8), file: "vidur-gemm-measurements.csv").measurements
    }

    static func shippedKernelCalibration() throws -> String {
        try String(contentsOf: root.appendingPathComponent("Profiles/calibration/kernels.yaml"), encoding: .utf8)
    }
}
