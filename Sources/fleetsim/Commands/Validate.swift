import ArgumentParser
import FleetPerformance
import FleetProfiles
import FleetServing
import FleetUnits

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare FleetSim's predictions with published measurements.",
        discussion: """
            Reads a file in the validation format. Kernel rows (GEMM, memory bandwidth, attention, all-reduce) are
            predicted from the hardware profiles and the kernel calibration. Serving rows are rebuilt as a
            deployment, engine limits and workload (offline, batch, concurrency, rate or server load) and run
            through the serving simulator. Prints |percentage error| by metric family and by hardware (count,
            median, p90, max); rows that cannot be evaluated are listed with the reason.
            Example: fleetsim validate ../shared/reference/validation.csv
            """)

    @Flag(help: "Only the kernel rows.")
    var kernels = false

    @Flag(help: "Print every row's prediction and error.")
    var rows = false

    @Argument(help: "Measurements in the validation.csv format.")
    var measurements: String

    @OptionGroup var calibration: CalibrationOptions
    @OptionGroup var global: GlobalOptions

    func run() throws {
        try Failure.reporting {
            let catalog = try global.loadCatalog()
            let table = try MeasurementFile.load(measurements)
            let efficiencies = try calibration.load(global: global)
            let progress = Progress()
            let summary = ValidationSummary(
                kernels: KernelValidation(table.measurements, catalog: catalog, efficiencies: efficiencies),
                endToEnd: kernels ? nil : EndToEndValidation(table.measurements, catalog: catalog, efficiencies: efficiencies,
                                                             serving: try calibration.loadServing(global: global)) { done, total in
                    if done % 10 == 0 { progress.report("validate: row \(done + 1) of \(total)") }
                })
            progress.finish()
            if rows {
                print(TextTable(header: ["raw_id", "hardware", "metric", "measured", "predicted", "error %"],
                                rows: summary.outcomes.map { outcome in
                                    [outcome.measurement.rawID, outcome.measurement.hardware, outcome.measurement.metric.rawValue,
                                     UnitFormatter.number(outcome.measurement.value), UnitFormatter.number(outcome.predicted),
                                     String(format: "%+.1f", outcome.errorPercent)]
                                }).render())
            }
            let skipped = summary.skipped
            print("rows: \(summary.outcomes.count) evaluated, \(skipped.count) skipped (\(summary.outcomes.count + skipped.count) considered)")
            print(Self.summaryTable("family", summary.byFamily))
            print(Self.summaryTable("vendor", summary.byVendor))
            print(Self.summaryTable("hardware", summary.byHardware), terminator: "")
            if !skipped.isEmpty {
                print("\nskipped:")
                for (rawID, reason) in skipped { print("  \(rawID): \(reason)") }
            }
        }
    }

    static func summaryTable(_ title: String, _ groups: [(String, ErrorSummary)]) -> String {
        TextTable(header: [title, "rows", "median |error| %", "p90 |error| %", "max |error| %"],
                  rows: groups.map { name, summary in
                      [name, "\(summary.count)", String(format: "%.1f", summary.median), String(format: "%.1f", summary.p90),
                       String(format: "%.1f", summary.maximum)]
                  }).render()
    }
}
