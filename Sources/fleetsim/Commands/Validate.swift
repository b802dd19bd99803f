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
            let kernelValidation = KernelValidation(table.measurements, catalog: catalog, efficiencies: efficiencies)
            var outcomes: [(PublishedMeasurement, Double, Double, String)] = kernelValidation.outcomes.map {
                ($0.measurement, $0.predicted, $0.errorPercent, "kernel")
            }
            var skipped = kernelValidation.skipped
            if !kernels {
                let endToEnd = EndToEndValidation(table.measurements, catalog: catalog, efficiencies: efficiencies,
                                                  serving: try calibration.loadServing(global: global))
                outcomes += endToEnd.outcomes.map {
                    ($0.measurement, $0.predicted, $0.errorPercent, EndToEndValidation.family(of: $0.measurement.metric))
                }
                skipped += endToEnd.skipped
            }
            outcomes.sort { $0.0.line < $1.0.line }
            if rows {
                print(TextTable(header: ["raw_id", "hardware", "metric", "measured", "predicted", "error %"],
                                rows: outcomes.map { measurement, predicted, error, _ in
                                    [measurement.rawID, measurement.hardware, measurement.metric.rawValue,
                                     UnitFormatter.number(measurement.value), UnitFormatter.number(predicted), String(format: "%+.1f", error)]
                                }).render())
            }
            let considered = outcomes.count + skipped.count
            print("rows: \(outcomes.count) evaluated, \(skipped.count) skipped (\(considered) considered)")
            let families = Dictionary(grouping: outcomes, by: \.3).map { ($0.key, ErrorSummary(errors: $0.value.map(\.2))) }
            print(Self.summaryTable("family", families.sorted { $0.0 < $1.0 }))
            let vendors = Dictionary(grouping: outcomes) { String($0.0.hardware.split(separator: "-")[0]) }
                .map { ($0.key, ErrorSummary(errors: $0.value.map(\.2))) }
            print(Self.summaryTable("vendor", vendors.sorted { $0.0 < $1.0 }))
            let hardware = Dictionary(grouping: outcomes, by: \.0.hardware).map { ($0.key, ErrorSummary(errors: $0.value.map(\.2))) }
            print(Self.summaryTable("hardware", hardware.sorted { $0.0 < $1.0 }), terminator: "")
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
