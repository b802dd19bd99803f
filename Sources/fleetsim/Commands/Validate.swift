import ArgumentParser
import FleetPerformance
import FleetProfiles
import FleetUnits

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare FleetSim's predictions with published measurements.",
        discussion: """
            With --kernels, predicts every kernel row (GEMM, memory bandwidth, attention, all-reduce) of a file in
            the validation format from the hardware profiles and the kernel calibration, and prints the
            |percentage error| per metric and per hardware (count, median, p90, max). Rows that cannot be
            evaluated are listed with the reason.
            Example: fleetsim validate --kernels ../shared/reference/validation.csv --rows
            """)

    @Flag(help: "Validate the kernel rows (the end-to-end rows arrive with the serving simulator).")
    var kernels = false

    @Flag(help: "Print every row's prediction and error.")
    var rows = false

    @Argument(help: "Measurements in the validation.csv format.")
    var measurements: String

    @OptionGroup var calibration: CalibrationOptions
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        guard kernels else { throw ValidationError("only '--kernels' validation exists so far; pass --kernels") }
    }

    func run() throws {
        try Failure.reporting {
            let catalog = try global.loadCatalog()
            let table = try MeasurementFile.load(measurements)
            let efficiencies = try calibration.load(global: global)
            let validation = KernelValidation(table.measurements, catalog: catalog, efficiencies: efficiencies)
            if rows {
                print(TextTable(header: ["raw_id", "hardware", "metric", "measured", "predicted", "error %"],
                                rows: validation.outcomes.map { outcome in
                                    [outcome.measurement.rawID, outcome.measurement.hardware, outcome.measurement.metric.rawValue,
                                     UnitFormatter.number(outcome.measurement.value), UnitFormatter.number(outcome.predicted),
                                     String(format: "%+.1f", outcome.errorPercent)]
                                }).render())
            }
            print("kernel rows: \(validation.outcomes.count) evaluated, \(validation.skipped.count) skipped")
            print(Self.summaryTable("metric", validation.summaryByMetric.map { ($0.metric, $0.summary) }))
            print(Self.summaryTable("hardware", validation.summaryByHardware.map { ($0.hardware, $0.summary) }), terminator: "")
            if !validation.skipped.isEmpty {
                print("\nskipped:")
                for (rawID, reason) in validation.skipped { print("  \(rawID): \(reason)") }
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
