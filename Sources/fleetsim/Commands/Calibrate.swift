import ArgumentParser
import FleetScenario
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
            With --power-cap (no measurement file), fits the compute exponent of the power-cap curve to the
            capped/uncapped pairs listed in calibration/power-cap.yaml and prints each pair before and after.
            With --step-overhead, fits each engine's fixed time per step to the rows that time one step (online
            ITL/TPOT, the TTFT of one request generating one token); with --front-end, each engine's front-end
            latency to online TTFT rows (fit the step overhead first: the front-end rows are simulated with it).
            Several measurement files are read as one (a raw_id must be unique across them). The shipped
            Profiles/calibration/kernels.yaml is the kernel fit of shared/reference/validation.csv together with
            the vendor GEMM figures of Profiles/calibration/vendor-kernel-measurements.csv and Vidur's GEMM
            timings of Profiles/calibration/vidur-gemm-measurements.csv; the fit also chooses the roofline
            exponent p of t = (c^p + m^p)^(1/p) from the GEMMs near the compute/memory crossover.
            Examples: fleetsim calibrate --kernels ../shared/reference/validation.csv Profiles/calibration/vendor-kernel-measurements.csv Profiles/calibration/vidur-gemm-measurements.csv -o Profiles/calibration/kernels.yaml
                      fleetsim calibrate ../shared/reference/validation.csv -o Profiles/calibration/serving.yaml
            """)

    @Flag(help: "Fit kernel efficiencies instead of the serving calibration.")
    var kernels = false

    @Flag(name: .customLong("power-cap"), help: "Fit the power-cap curve to its published pairs instead.")
    var powerCap = false

    @Flag(name: .customLong("front-end"),
          help: "Fit each engine's front-end latency (overheads.front_end) to the TTFT of online rows instead.")
    var frontEnd = false

    @Flag(name: .customLong("step-overhead"),
          help: "Fit each engine's fixed time per step (overheads.step) to the ITL/TPOT of online rows and the TTFT of one-request, one-token batches instead.")
    var stepOverhead = false

    @Argument(help: "Measurements in the validation.csv format, one file or more (not with --power-cap).")
    var measurements: [String] = []

    func validate() throws {
        if powerCap, !measurements.isEmpty { throw ValidationError("--power-cap fits the pairs in calibration/power-cap.yaml; give no measurement file") }
        if !powerCap, measurements.isEmpty { throw ValidationError("Missing expected argument '<measurements>'") }
        let modes = [powerCap, kernels, frontEnd, stepOverhead]
        if modes.filter({ $0 }).count > 1 { throw ValidationError("give one of --power-cap, --kernels, --front-end and --step-overhead") }
    }

    @Option(name: .shortAndLong, help: "Write the calibration here (atomically) instead of standard output.")
    var output: String?

    @OptionGroup var calibration: CalibrationOptions
    @OptionGroup var global: GlobalOptions

    func run() throws {
        try Failure.reporting {
            let catalog = try global.loadCatalog()
            if powerCap { return try fitPowerCap(catalog) }
            let rows = try MeasurementFile.load(measurements)
            let name = measurements.map { ($0 as NSString).lastPathComponent }.joined(separator: " + ")
            let yaml: String
            if frontEnd || stepOverhead {
                return try fitEngineLatency(rows, catalog: catalog)
            }
            if kernels {
                yaml = try YAMLOutput.encode(KernelCalibration.fit(rows, catalog: catalog, fittedFrom: name))
            } else {
                let efficiencies = try calibration.load(global: global)
                let (fit, report) = ServingCalibrationFit.fitWithReport(rows, catalog: catalog,
                                                                        efficiencies: efficiencies, fittedFrom: name)
                yaml = try YAMLOutput.encode(fit)
                let text = "serving calibration: \(report.rows) offline/batch throughput rows from \(report.sources) sources\n"
                    + TextTable(header: ["", "median |error| %", "p90 |error| %", "max |error| %"], rows: [
                        ("before", report.before), ("after", report.after), ("leave one source out", report.leaveOneSourceOut),
                    ].map { [$0.0, String(format: "%.1f", $0.1.median), String(format: "%.1f", $0.1.p90), String(format: "%.1f", $0.1.maximum)] }).render()
                    + "\nper engine and hardware family (kept when fitted without each source, that source's rows improve in median and p90):\n"
                    + TextTable(header: ["engine", "family", "rows", "sources", "median before → out of sample %", "p90 before → out of sample %", "kept"],
                                rows: report.entries.map { entry in
                                    [entry.engine, entry.family, "\(entry.rows)", "\(entry.sources)",
                                     String(format: "%.1f → %.1f", entry.before.median, entry.leaveOneSourceOut.median),
                                     String(format: "%.1f → %.1f", entry.before.p90, entry.leaveOneSourceOut.p90), entry.kept ? "yes" : "no"]
                                }).render()
                if output == nil { Failure.printError(text) } else { print(text, terminator: "") }
            }
            if let output { try OutputFile.write(yaml, to: output) } else { print(yaml, terminator: "") }
        }
    }

    /// Prints the fit per engine and writes the `overheads.front_end` or `overheads.step` values (YAML) for the
    /// engine profiles.
    func fitEngineLatency(_ measurements: [PublishedMeasurement], catalog: ProfileCatalog) throws {
        let efficiencies = try calibration.load(global: global)
        let results: [MedianResidualFit.Result]
        let key: String, title: String
        if stepOverhead {
            results = StepOverheadFit.fit(measurements, catalog: catalog, efficiencies: efficiencies)
            (key, title) = ("step", "step overhead: median residual per engine of online ITL/TPOT rows and one-request, one-token TTFT rows")
        } else {
            results = FrontEndLatencyFit.fit(measurements, catalog: catalog, efficiencies: efficiencies)
            (key, title) = ("front_end", "front-end latency: median TTFT residual of online (rate, concurrency) rows per engine")
        }
        var rows: [[String]] = []
        for result in results {
            for (label, summary) in [("before", result.before), ("after", result.after), ("leave one source out", result.leaveOneSourceOut)] {
                rows.append([result.engine, String(format: "%.1f", result.latency * 1000), "\(result.rows.count) (\(result.sources) sources)", label,
                             String(format: "%.1f", summary.median), String(format: "%.1f", summary.p90), String(format: "%.1f", summary.maximum)])
            }
        }
        let text = title + "\n"
            + TextTable(header: ["engine", "\(key.replacingOccurrences(of: "_", with: " ")) (ms)", "rows", "", "median |error| %", "p90 |error| %", "max |error| %"],
                        rows: rows).render()
        if output == nil { Failure.printError(text) } else { print(text, terminator: "") }
        let yaml = results.map { result in
            "- engine: \(result.engine)\n  \(key): \(String(format: "%.1f", result.latency * 1000)) ms\n  rows: [\(result.rows.joined(separator: ", "))]\n"
        }.joined()
        if let output { try OutputFile.write(yaml, to: output) } else { print(yaml, terminator: "") }
    }

    func fitPowerCap(_ catalog: ProfileCatalog) throws {
        let efficiencies = try calibration.load(global: global)
        let fit: (curve: PowerCapCurve, before: [PowerCapFit.Outcome], after: [PowerCapFit.Outcome])
        do { fit = try PowerCapFit.fit(catalog: catalog, efficiencies: efficiencies) } catch { throw CLIError(error.message) }
        let rows = zip(fit.before, fit.after).map { before, after in
            ["\(before.pair.hardware) \(before.pair.model) at \(before.pair.cap)", String(format: "%.4f", before.pair.throughputRatio),
             String(format: "%.4f", before.modelledRatio), String(format: "%+.1f", before.errorPercent),
             String(format: "%.4f", after.modelledRatio), String(format: "%+.1f", after.errorPercent)]
        }
        let text = "power-cap curve: compute exponent \(catalog.powerCapCurve!.computeExponent) -> \(fit.curve.computeExponent)\n"
            + TextTable(header: ["pair", "published ratio", "before", "error %", "after", "error %"], rows: rows).render()
        if output == nil { Failure.printError(text) } else { print(text, terminator: "") }
        let yaml = try YAMLOutput.encode(fit.curve)
        if let output { try OutputFile.write(yaml, to: output) } else { print(yaml, terminator: "") }
    }
}
