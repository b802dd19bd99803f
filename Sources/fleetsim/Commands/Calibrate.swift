import ArgumentParser
import FleetPerformance
import FleetProfiles
import FleetServing
import Foundation

struct Calibrate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Fit efficiency and overhead parameters to published measurements.",
        discussion: """
            By default fits the serving calibration: per engine and hardware family, a scale on the modelled step
            time and a fixed overhead per step, by regularized least squares on the offline and static-batch
            throughput rows (their duration is linear in both). Prints the |error| of those rows before and
            after the fit and when each source is left out of it. With --kernels, fits the kernel efficiencies
            (GEMM, memory, attention, all-reduce) to the kernel rows instead. Every fitted number lists its rows.
            The shipped Profiles/calibration/{kernels,serving}.yaml are these commands run on
            shared/reference/validation.csv.
            Examples: fleetsim calibrate --kernels ../shared/reference/validation.csv -o Profiles/calibration/kernels.yaml
                      fleetsim calibrate ../shared/reference/validation.csv -o Profiles/calibration/serving.yaml
            """)

    @Flag(help: "Fit kernel efficiencies instead of the serving calibration.")
    var kernels = false

    @Argument(help: "Measurements in the validation.csv format.")
    var measurements: String

    @Option(name: .shortAndLong, help: "Write the calibration here (atomically) instead of standard output.")
    var output: String?

    @OptionGroup var calibration: CalibrationOptions
    @OptionGroup var global: GlobalOptions

    func run() throws {
        try Failure.reporting {
            let catalog = try global.loadCatalog()
            let table = try MeasurementFile.load(measurements)
            let name = (measurements as NSString).lastPathComponent
            let yaml: String
            if kernels {
                yaml = try YAMLOutput.encode(KernelCalibration.fit(table.measurements, catalog: catalog, fittedFrom: name))
            } else {
                let efficiencies = try calibration.load(global: global)
                let (fit, report) = ServingCalibrationFit.fitWithReport(table.measurements, catalog: catalog,
                                                                        efficiencies: efficiencies, fittedFrom: name)
                yaml = try YAMLOutput.encode(fit)
                let text = "serving calibration: \(report.rows) offline/batch throughput rows from \(report.sources) sources\n"
                    + TextTable(header: ["", "median |error| %", "p90 |error| %", "max |error| %"], rows: [
                        ("before", report.before), ("after", report.after), ("leave one source out", report.leaveOneSourceOut),
                    ].map { [$0.0, String(format: "%.1f", $0.1.median), String(format: "%.1f", $0.1.p90), String(format: "%.1f", $0.1.maximum)] }).render()
                if output == nil { Failure.printError(text) } else { print(text, terminator: "") }
            }
            if let output { try OutputFile.write(yaml, to: output) } else { print(yaml, terminator: "") }
        }
    }
}
