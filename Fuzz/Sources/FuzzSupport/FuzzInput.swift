import Foundation
import FleetPerformance
import FleetProfiles

/// What every fuzzer shares: turning libFuzzer's bytes into the text a reader would get, and the bundled
/// profile catalogue that scenarios are checked against.
public enum FuzzInput {
    /// The bytes as UTF-8 text, or `nil` when they are not valid UTF-8 — the loaders refuse such files before
    /// any parsing (`Document(contentsOf:)`, `MeasurementFile.load`), so there is nothing further to reach.
    public static func text(_ data: UnsafePointer<UInt8>?, _ size: Int) -> String? {
        guard let data else { return size == 0 ? "" : nil }
        return String(validating: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    }

    /// The repository's `Profiles/` folder, or `$FLEETSIM_PROFILES` when set.
    public static var profilesDirectory: String {
        if let override = ProcessInfo.processInfo.environment["FLEETSIM_PROFILES"] { return override }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Profiles").path
    }

    /// The bundled catalogue, loaded once; a fuzzer cannot run without it.
    public static let catalog: ProfileCatalog = {
        do {
            return try ProfileCatalog.load(from: profilesDirectory)
        } catch {
            fatalError("the bundled profiles in \(profilesDirectory) must load:\n\(error)")
        }
    }()

    /// The bundled kernel calibration (`Profiles/calibration/kernels.yaml`), loaded once.
    public static let efficiencies: KernelEfficiencies = {
        let path = (profilesDirectory as NSString).appendingPathComponent("calibration/kernels.yaml")
        do {
            return try Document(contentsOf: path).decode(KernelEfficiencies.self)
        } catch {
            fatalError("the bundled kernel calibration \(path) must load:\n\(error)")
        }
    }()
}
