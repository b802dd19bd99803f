import FleetPerformance
import FleetProfiles

/// Shards 1…N of one sweep joined back into the whole grid: the same points and outcomes, in the same order,
/// as one unsharded run, so the reports rendered from them are byte for byte those of that run.
public struct MergedSweep: Sendable {
    /// The sweep definition the shards carry.
    public let sweep: SweepFile
    /// Every point of the grid, in grid order.
    public let points: [SweepPoint]
    /// One outcome per point.
    public let outcomes: [SweepOutcome]

    /// Checks that `shards` are exactly shards 1…N of one sweep, evaluated with the same profiles, calibration
    /// and fleetsim version, and joins them.
    /// - Parameters:
    ///   - shards: in any order; the first one given is the reference the others are compared with.
    ///   - toolVersion: this fleetsim's version; shards written by another version are refused, since the
    ///     reports would be rendered by this one.
    /// - Throws: ``DiagnosticList`` with every problem, each located at the manifest concerned.
    public init(shards: [SweepShardResult], toolVersion: String) throws(DiagnosticList) {
        guard let reference = shards.first else {
            throw DiagnosticList([Diagnostic("no shards to merge", at: SourceLocation(file: "merge"))])
        }
        var problems: [Diagnostic] = []
        func fail(_ shard: SweepShardResult, _ message: String) {
            problems.append(Diagnostic(message, at: SourceLocation(file: shard.origin)))
        }
        let expected = reference.manifest
        let tool = "fleetsim \(toolVersion)"
        for shard in shards {
            let manifest = shard.manifest
            let name = "shard \(manifest.shard)"
            if manifest.tool != tool {
                fail(shard, "\(name) was written by \(manifest.tool); this is \(tool): evaluate it again with this version")
            }
            if manifest.sweep.sha256 != manifest.sweep.definition.definitionSHA256
                || manifest.sweep.points != manifest.sweep.definition.pointCount
                || manifest.firstPoint != manifest.shard.pointRange(of: manifest.sweep.points).lowerBound
                || manifest.pointCount != manifest.shard.pointRange(of: manifest.sweep.points).count {
                fail(shard, "\(name): the manifest contradicts itself (its grid, digest and point range disagree); it was edited or damaged")
            }
            guard shard.origin != reference.origin else { continue }
            if manifest.sweep.sha256 != expected.sweep.sha256 {
                fail(shard, "\(name) is of another sweep than '\(reference.origin)': '\(manifest.sweep.file)' (sha256 "
                     + "\(manifest.sweep.sha256.prefix(12))…, \(manifest.sweep.points) points) against '\(expected.sweep.file)' "
                     + "(sha256 \(expected.sweep.sha256.prefix(12))…, \(expected.sweep.points) points)")
            } else if manifest.shard.count != expected.shard.count {
                fail(shard, "\(name) splits the sweep into \(manifest.shard.count) shards, '\(reference.origin)' (shard "
                     + "\(expected.shard)) into \(expected.shard.count); merge shards of one split")
            } else if manifest.inputsSHA256 != expected.inputsSHA256 {
                fail(shard, "\(name) was evaluated with other profiles or calibration than '\(reference.origin)' "
                     + "(inputs sha256 \(manifest.inputsSHA256.prefix(12))… against \(expected.inputsSHA256.prefix(12))…)")
            }
        }
        guard problems.isEmpty else { throw DiagnosticList(problems) }

        var byIndex: [Int: SweepShardResult] = [:]
        for shard in shards {
            if let earlier = byIndex[shard.manifest.shard.index] {
                let elsewhere = earlier.origin == shard.origin ? "" : ": here and in '\(earlier.origin)'"
                fail(shard, "shard \(shard.manifest.shard) is given twice\(elsewhere); give each shard once")
            } else {
                byIndex[shard.manifest.shard.index] = shard
            }
        }
        let missing = (1...expected.shard.count).filter { byIndex[$0] == nil }
        if !missing.isEmpty {
            let list = missing.map { "\($0)/\(expected.shard.count)" }.joined(separator: ", ")
            fail(reference, "sweep '\(expected.sweep.definition.name)' is split into \(expected.shard.count) shards; "
                 + "missing \(missing.count == 1 ? "shard" : "shards") \(list)")
        }
        guard problems.isEmpty else { throw DiagnosticList(problems) }

        sweep = expected.sweep.definition
        points = sweep.points
        outcomes = (1...expected.shard.count).flatMap { byIndex[$0]!.outcomes }
    }
}
