import ArgumentParser
import FleetPerformance
import FleetProfiles
import Foundation

/// `--calibration FILE`: kernel efficiencies to use instead of the shipped `Profiles/calibration/kernels.yaml`.
struct CalibrationOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Kernel calibration written by 'fleetsim calibrate --kernels'.", valueName: "file"))
    var calibration: String?

    func load(global: GlobalOptions) throws -> KernelEfficiencies {
        let path = calibration ?? (global.profileDirectory() as NSString).appendingPathComponent("calibration/kernels.yaml")
        return try Document(contentsOf: path).decode(KernelEfficiencies.self)
    }
}
