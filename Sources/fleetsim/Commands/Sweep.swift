import ArgumentParser
import FleetPerformance
import FleetProfiles
import FleetScenario
import Foundation

struct Sweep: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Evaluate a grid of deployments and batch shapes in one batched pass.",
        discussion: """
            The grid (hardware × model × precision scheme × tensor parallelism × batch × input × output) is read
            from a sweep file; each point is a static batch on one replica, timed like 'fleetsim predict'. Points
            that share a deployment are evaluated together with one matrix product. Prints the best point per
            hardware, model and scheme; --output DIR writes every point to sweep.csv and sweep.json, infeasible
            points with the reason.
            Example: fleetsim sweep Examples/quantization-sweep.yaml --output out/
            """)

    @Argument(help: "Sweep file (.yaml or .json).")
    var file: String

    @Option(name: .shortAndLong, help: "Directory for sweep.csv and sweep.json (created if missing).")
    var output: String?

    @OptionGroup var calibration: CalibrationOptions
    @OptionGroup var global: GlobalOptions

    func run() throws {
        try Failure.reporting {
            let catalog = try global.loadCatalog()
            let efficiencies = try calibration.load(global: global)
            let sweep = try SweepFile.load(path: file, catalog: catalog)
            let points = sweep.points
            let outcomes = SweepEvaluator(catalog: catalog, efficiencies: efficiencies, engine: sweep.engine).evaluate(points)
            print(SweepReport.summary(points: points, outcomes: outcomes), terminator: "")
            if let output {
                do {
                    try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
                } catch {
                    throw CLIError("cannot create '\(output)': \(error.localizedDescription)")
                }
                try OutputFile.write(SweepReport.csv(points: points, outcomes: outcomes),
                                     to: (output as NSString).appendingPathComponent("sweep.csv"))
                try OutputFile.write(try SweepReport.json(name: sweep.name, toolVersion: FleetSimVersion.current, points: points, outcomes: outcomes),
                                     to: (output as NSString).appendingPathComponent("sweep.json"))
            }
        }
    }
}
