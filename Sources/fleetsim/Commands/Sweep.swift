import ArgumentParser
import FleetPerformance
import FleetProfiles
import FleetScenario
import Foundation

struct Sweep: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Evaluate a grid of deployments and batch shapes in one batched pass.",
        discussion: """
            The grid (hardware x model x precision scheme x tensor parallelism x batch x input x output) is read
            from a sweep file; each point is a static batch on one replica, timed like 'fleetsim predict'. Points
            that share a deployment are evaluated together with one matrix product. Prints the best point per
            hardware, model and scheme; --output DIR writes every point to sweep.csv and sweep.json, infeasible
            points with the reason.
            --shard K/N evaluates only the K-th of N equal, contiguous slices of the grid and writes it to DIR as
            shard-K-of-N.json (a manifest) and shard-K-of-N.outcomes.json; 'fleetsim merge' joins shards 1..N
            into exactly the sweep.csv and sweep.json of an unsharded run (see docs/sharding.md).
            Example: fleetsim sweep Examples/quantization-sweep.yaml --output out/
                     fleetsim sweep Examples/quantization-sweep.yaml --shard 2/4 --output out/shard-2
            """)

    @Argument(help: "Sweep file (.yaml or .json).", completion: .file(extensions: ["yaml", "yml", "json"]))
    var file: String

    @Option(name: .shortAndLong, help: "Directory for sweep.csv and sweep.json, or for the shard's files (created if missing).",
            completion: .directory)
    var output: String?

    @Option(help: ArgumentHelp("Evaluate only the K-th of N slices of the grid (1 <= K <= N); needs --output.", valueName: "K/N"))
    var shard: String?

    @OptionGroup var calibration: CalibrationOptions
    @OptionGroup var global: GlobalOptions

    func run() throws {
        try Failure.reporting {
            let shard = try self.shard.map { text in
                do throws(SweepShardError) { return try SweepShard(parsing: text) } catch { throw CLIError(error.message) }
            }
            if shard != nil && output == nil { throw CLIError("'--shard' needs '--output DIR' for the shard's files") }
            let catalog = try global.loadCatalog()
            let efficiencies = try calibration.load(global: global)
            let sweep = try SweepFile.load(path: file, catalog: catalog, shard: shard ?? .whole)
            let evaluator = SweepEvaluator(catalog: catalog, efficiencies: efficiencies, engine: sweep.engine)
            guard let shard, let output else {
                let points = sweep.points
                try SweepOutput.emit(name: sweep.name, points: points, outcomes: evaluator.evaluate(points), to: output)
                return
            }
            let range = shard.pointRange(of: sweep.pointCount)
            let points = sweep.points(in: range)
            let outcomes = evaluator.evaluate(points)
            let result = SweepShardResult(
                sweep: sweep, sweepFile: (file as NSString).lastPathComponent, shard: shard, outcomes: outcomes,
                inputsSHA256: sweep.inputsSHA256(catalog: catalog, efficiencies: efficiencies), toolVersion: FleetSimVersion.current)
            let directory = try OutputDirectory(creating: output)
            for (name, contents) in result.files { try directory.write(contents, to: name) }
            print(SweepReport.summary(points: points, outcomes: outcomes), terminator: "")
            print("shard \(shard): points \(range.lowerBound + 1)–\(range.upperBound) of \(sweep.pointCount), written to "
                  + "\((output as NSString).appendingPathComponent(SweepShardManifest.fileName(for: shard)))")
        }
    }
}
