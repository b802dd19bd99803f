import Foundation
import Testing
import FleetPerformance
import FleetProfiles
@testable import FleetScenario

struct MergedSweepTests {
    static let toolVersion = "0.1.0"

    /// Shard `index` of `count` of `sweep`, evaluated, written to text and read back as `merge` would read it.
    static func shard(_ index: Int, of count: Int, sweep: SweepFile, directory: String = "out",
                      inputsSHA256: String? = nil, toolVersion: String = toolVersion) throws -> SweepShardResult {
        let shard = try SweepShard(index: index, count: count)
        let points = sweep.points(in: shard.pointRange(of: sweep.pointCount))
        let outcomes = SweepEvaluator(catalog: Fixtures.catalog, efficiencies: Fixtures.efficiencies, engine: sweep.engine).evaluate(points)
        let written = SweepShardResult(
            sweep: sweep, sweepFile: "\(sweep.name).yaml", shard: shard, outcomes: outcomes,
            inputsSHA256: inputsSHA256 ?? sweep.inputsSHA256(catalog: Fixtures.catalog, efficiencies: Fixtures.efficiencies),
            toolVersion: toolVersion)
        return try readBack(written, directory: directory)
    }

    static func readBack(_ written: SweepShardResult, directory: String, editingManifest edit: (String) -> String = { $0 },
                         outcomes replaceOutcomes: String?? = .none) throws -> SweepShardResult {
        let files = Dictionary(uniqueKeysWithValues: written.files.map { ($0.name, $0.contents) })
        let manifestName = SweepShardManifest.fileName(for: written.manifest.shard)
        return try SweepShardResult.decode(
            manifestText: edit(files[manifestName]!), manifestPath: "\(directory)/\(manifestName)",
            outcomesText: replaceOutcomes ?? files[written.manifest.outcomes.file],
            outcomesPath: "\(directory)/\(written.manifest.outcomes.file)")
    }

    /// The messages `merge` gives for `shards`, or `[]` when they merge.
    func problems(_ shards: [SweepShardResult], toolVersion: String = toolVersion) -> [String] {
        do {
            _ = try MergedSweep(shards: shards, toolVersion: toolVersion)
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    let small = SweepFileTests.sweep(outputs: 10, name: "small")

    /// Sharding Examples/quantization-sweep.yaml and merging gives the unsharded CSV, JSON and summary byte for
    /// byte, whatever the number of shards and the order they are given in.
    @Test(arguments: [1, 4, 7])
    func mergeOfShardsEqualsUnshardedSweepByteForByte(count: Int) throws {
        let sweep = try SweepFile.load(path: SweepFileTests.example, catalog: Fixtures.catalog)
        let points = sweep.points
        let outcomes = SweepEvaluator(catalog: Fixtures.catalog, efficiencies: Fixtures.efficiencies, engine: sweep.engine).evaluate(points)
        let shards = try (1...count).reversed().map { try Self.shard($0, of: count, sweep: sweep, directory: "out/shard-\($0)") }
        let merged = try MergedSweep(shards: shards, toolVersion: Self.toolVersion)
        #expect(merged.sweep == sweep)
        #expect(merged.points == points)
        #expect(SweepReport.csv(points: merged.points, outcomes: merged.outcomes) == SweepReport.csv(points: points, outcomes: outcomes))
        #expect(try SweepReport.json(name: merged.sweep.name, toolVersion: Self.toolVersion, points: merged.points, outcomes: merged.outcomes)
                == SweepReport.json(name: sweep.name, toolVersion: Self.toolVersion, points: points, outcomes: outcomes))
        #expect(SweepReport.summary(points: merged.points, outcomes: merged.outcomes) == SweepReport.summary(points: points, outcomes: outcomes))
    }

    @Test func outcomesRoundTripThroughTheShardFilesExactly() throws {
        let sweep = try SweepFile.load(path: SweepFileTests.example, catalog: Fixtures.catalog)
        let shard = try SweepShard(index: 1, count: 4)
        let outcomes = SweepEvaluator(catalog: Fixtures.catalog, efficiencies: Fixtures.efficiencies, engine: sweep.engine)
            .evaluate(sweep.points(in: shard.pointRange(of: sweep.pointCount)))
        let written = SweepShardResult(sweep: sweep, sweepFile: "quantization-sweep.yaml", shard: shard, outcomes: outcomes,
                                       inputsSHA256: "inputs", toolVersion: Self.toolVersion)
        let read = try Self.readBack(written, directory: "out")
        #expect(read.outcomes == outcomes, "bit-for-bit equal doubles")
        #expect(read.manifest == written.manifest)
        #expect(read.manifest.firstPoint == 0 && read.manifest.pointCount == 160 && read.manifest.sweep.points == 640)
        #expect(written.files.map(\.name) == ["shard-1-of-4.outcomes.json", "shard-1-of-4.json"], "manifest written last")
    }

    @Test func missingShardsAreNamed() throws {
        let shards = try [1, 2, 4].map { try Self.shard($0, of: 5, sweep: small) }
        #expect(problems(shards) == ["out/shard-1-of-5.json: error: sweep 'small' is split into 5 shards; missing shards 3/5, 5/5"])
    }

    @Test func duplicateShardIsRefused() throws {
        let shards = [try Self.shard(1, of: 2, sweep: small, directory: "a"), try Self.shard(2, of: 2, sweep: small, directory: "a"),
                      try Self.shard(2, of: 2, sweep: small, directory: "b")]
        #expect(problems(shards) == ["b/shard-2-of-2.json: error: shard 2/2 is given twice: here and in 'a/shard-2-of-2.json'; give each shard once"])
        let sameTwice = [shards[0], shards[1], shards[1]]
        #expect(problems(sameTwice) == ["a/shard-2-of-2.json: error: shard 2/2 is given twice; give each shard once"])
    }

    @Test func shardsOfAnotherSweepAreRefused() throws {
        var other = small
        other.grid.input = [256]
        let shards = [try Self.shard(1, of: 2, sweep: small, directory: "a"), try Self.shard(2, of: 2, sweep: other, directory: "b")]
        let expected = small.definitionSHA256.prefix(12), found = other.definitionSHA256.prefix(12)
        #expect(problems(shards) == [
            "b/shard-2-of-2.json: error: shard 2/2 is of another sweep than 'a/shard-1-of-2.json': 'small.yaml' (sha256 \(found)…, "
                + "10 points) against 'small.yaml' (sha256 \(expected)…, 10 points)",
        ])
    }

    @Test func shardsOfAnotherSplitAreRefused() throws {
        let shards = [try Self.shard(1, of: 2, sweep: small, directory: "a"), try Self.shard(2, of: 3, sweep: small, directory: "b")]
        #expect(problems(shards) == [
            "b/shard-2-of-3.json: error: shard 2/3 splits the sweep into 3 shards, 'a/shard-1-of-2.json' (shard 1/2) into 2; merge shards of one split",
        ])
    }

    @Test func shardsEvaluatedWithOtherProfilesOrCalibrationAreRefused() throws {
        let inputs = small.inputsSHA256(catalog: Fixtures.catalog, efficiencies: Fixtures.efficiencies)
        let shards = [try Self.shard(1, of: 2, sweep: small, directory: "a"),
                      try Self.shard(2, of: 2, sweep: small, directory: "b", inputsSHA256: String(repeating: "0", count: 64))]
        #expect(problems(shards) == [
            "b/shard-2-of-2.json: error: shard 2/2 was evaluated with other profiles or calibration than 'a/shard-1-of-2.json' "
                + "(inputs sha256 000000000000… against \(inputs.prefix(12))…)",
        ])
    }

    @Test func inputsDigestFollowsTheCalibration() throws {
        var changed = Fixtures.efficiencies
        changed.elementwiseFactor.value *= 1.1
        #expect(small.inputsSHA256(catalog: Fixtures.catalog, efficiencies: changed)
                != small.inputsSHA256(catalog: Fixtures.catalog, efficiencies: Fixtures.efficiencies))
    }

    @Test func shardsOfAnotherVersionAreRefused() throws {
        let shards = [try Self.shard(1, of: 1, sweep: small, toolVersion: "0.0.9")]
        #expect(problems(shards) == [
            "out/shard-1-of-1.json: error: shard 1/1 was written by fleetsim 0.0.9; this is fleetsim 0.1.0: evaluate it again with this version",
        ])
    }

    @Test func editedOrMismatchedShardFilesAreRefused() throws {
        let shard = try SweepShard(index: 1, count: 2)
        let outcomes = SweepEvaluator(catalog: Fixtures.catalog, efficiencies: Fixtures.efficiencies, engine: "vllm")
            .evaluate(small.points(in: shard.pointRange(of: small.pointCount)))
        let written = SweepShardResult(sweep: small, sweepFile: "small.yaml", shard: shard, outcomes: outcomes,
                                       inputsSHA256: "inputs", toolVersion: Self.toolVersion)
        func message(_ body: () throws -> SweepShardResult) -> [String] {
            do { _ = try body(); return [] } catch let error as DiagnosticList { return error.diagnostics.map(\.description) } catch { return ["\(error)"] }
        }
        #expect(message { try Self.readBack(written, directory: "d", outcomes: .some(nil)) } == [
            "d/shard-1-of-2.outcomes.json: error: no such file; the manifest 'd/shard-1-of-2.json' names it as the shard's outcomes",
        ])
        #expect(message { try Self.readBack(written, directory: "d", outcomes: .some("[\n]\n")) } == [
            "d/shard-1-of-2.outcomes.json: error: the outcomes do not match the manifest 'd/shard-1-of-2.json' (SHA-256 differs); "
                + "the file was changed or belongs to another run",
        ])
        #expect(message { try Self.readBack(written, directory: "d", editingManifest: {
            $0.replacingOccurrences(of: "\"inputsSHA256\"", with: "\"inputs\"")
        }) } == [
            "d/shard-1-of-2.json: error: not a sweep shard manifest written by this fleetsim (missing 'inputsSHA256')",
        ])
        let contradicting = try Self.readBack(written, directory: "d", editingManifest: {
            $0.replacingOccurrences(of: "\"firstPoint\" : 0", with: "\"firstPoint\" : 1")
        })
        #expect(problems([contradicting]) == [
            "d/shard-1-of-2.json: error: shard 1/2: the manifest contradicts itself (its grid, digest and point range disagree); it was edited or damaged",
        ])
    }
}
