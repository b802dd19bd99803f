import ArgumentParser
import FleetPerformance
import FleetProfiles
import Foundation

/// `--calibration` and `--serving-calibration`: fitted parameters to use instead of the shipped ones in
/// `Profiles/calibration/`.
struct CalibrationOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Kernel calibration written by 'fleetsim calibrate --kernels'.", valueName: "file"))
    var calibration: String?

    @Option(name: .customLong("serving-calibration"),
            help: ArgumentHelp("Serving calibration written by 'fleetsim calibrate'; 'none' runs uncalibrated.", valueName: "file"))
    var servingCalibration: String?

    func load(global: GlobalOptions) throws -> KernelEfficiencies {
        let path = calibration ?? (global.profileDirectory() as NSString).appendingPathComponent("calibration/kernels.yaml")
        return try Document(contentsOf: path).decode(KernelEfficiencies.self)
    }

    func loadServing(global: GlobalOptions) throws -> ServingCalibration? {
        if servingCalibration == "none" { return nil }
        let path = servingCalibration ?? (global.profileDirectory() as NSString).appendingPathComponent("calibration/serving.yaml")
        if servingCalibration == nil && !FileManager.default.fileExists(atPath: path) { return nil }
        return try Document(contentsOf: path).decode(ServingCalibration.self)
    }
}
