import ArgumentParser
import FleetProfiles
import FleetScenario

struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Join the shards of a sweep into the output of one unsharded run.",
        discussion: """
            Reads every shard (shard-K-of-N.json and its outcomes file) in the given directories, checks that they
            are shards 1..N of one sweep evaluated with the same profiles, calibration and fleetsim version, and
            prints and writes exactly what 'fleetsim sweep FILE --output DIR' would: the summary, sweep.csv and
            sweep.json. Missing, duplicate or mismatched shards are refused with exit code 2.
            Example: fleetsim merge out/shard-1 out/shard-2 out/shard-3 out/shard-4 --output out/merged
            """)

    @Argument(help: ArgumentHelp("Directories holding the shards (one or several shards each).", valueName: "shard-dir"),
              completion: .directory)
    var shardDirectories: [String]

    @Option(name: .shortAndLong, help: "Directory for sweep.csv and sweep.json (created if missing).", completion: .directory)
    var output: String

    func run() throws {
        try Failure.reporting {
            guard !shardDirectories.isEmpty else { throw CLIError("give the directories holding the shards to merge") }
            var shards: [SweepShardResult] = [], problems: [Diagnostic] = []
            for directory in shardDirectories {
                do throws(DiagnosticList) { shards += try SweepShardResult.load(directory: directory) } catch { problems += error.diagnostics }
            }
            guard problems.isEmpty else { throw DiagnosticList(problems) }
            let merged = try MergedSweep(shards: shards, toolVersion: FleetSimVersion.current)
            try SweepOutput.emit(name: merged.sweep.name, points: merged.points, outcomes: merged.outcomes, to: output)
        }
    }
}
