import FleetPerformance

/// What `sweep` and `merge` print and write for a whole grid, so that a merge of shards and an unsharded
/// run produce the same bytes by construction: the summary on standard output, and `sweep.csv` and
/// `sweep.json` in the output directory.
enum SweepOutput {
    static func emit(name: String, points: [SweepPoint], outcomes: [SweepOutcome], to directory: String?) throws {
        print(SweepReport.summary(points: points, outcomes: outcomes), terminator: "")
        guard let directory else { return }
        let output = try OutputDirectory(creating: directory)
        try output.write(SweepReport.csv(points: points, outcomes: outcomes), to: "sweep.csv")
        try output.write(try SweepReport.json(name: name, toolVersion: FleetSimVersion.current, points: points, outcomes: outcomes),
                         to: "sweep.json")
    }
}
