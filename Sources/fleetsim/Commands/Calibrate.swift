import ArgumentParser
import FleetPerformance
import FleetProfiles
import Foundation

struct Calibrate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Fit efficiency parameters to published measurements.",
        discussion: """
            With --kernels, fits per hardware family the GEMM efficiency and fixed latency per precision, the
            achieved memory bandwidth, the attention-kernel efficiency and the all-reduce latency and bandwidth
            to the kernel rows (gemm_tflops, memory_bandwidth, attention_tflops, allreduce_busbw) of a file in
            the validation format, by least squares. Writes the calibration as YAML, every number with the rows
            it came from. The shipped Profiles/calibration/kernels.yaml is this command run on
            shared/reference/validation.csv.
            Example: fleetsim calibrate --kernels ../shared/reference/validation.csv -o Profiles/calibration/kernels.yaml
            """)

    @Flag(help: "Fit kernel efficiencies (the only calibration so far).")
    var kernels = false

    @Argument(help: "Measurements in the validation.csv format.")
    var measurements: String

    @Option(name: .shortAndLong, help: "Write the calibration here (atomically) instead of standard output.")
    var output: String?

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        guard kernels else { throw ValidationError("only '--kernels' calibration exists so far; pass --kernels") }
    }

    func run() throws {
        try Failure.reporting {
            let catalog = try global.loadCatalog()
            let table = try MeasurementFile.load(measurements)
            let efficiencies = KernelCalibration.fit(table.measurements, catalog: catalog,
                                                     fittedFrom: (measurements as NSString).lastPathComponent)
            let yaml = try YAMLOutput.encode(efficiencies)
            if let output { try OutputFile.write(yaml, to: output) } else { print(yaml, terminator: "") }
        }
    }
}
