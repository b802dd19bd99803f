import Foundation
import Testing
import FleetProfiles
@testable import FleetScenario

struct SweepFileTests {
    static let example = Fixtures.root.appendingPathComponent("Examples/quantization-sweep.yaml").path

    /// A sweep with `points` points on its output axis (and one on every other).
    static func sweep(outputs: Int, name: String = "test") -> SweepFile {
        SweepFile(version: 1, name: name, engine: "vllm", grid: .init(
            hardware: ["nvidia-h100-sxm"], model: ["llama-3.1-8b"],
            precision: [.init(name: "bf16", weights: .bf16, activations: .bf16, kvCache: .bf16)],
            tensor: [1], batch: [1], input: [128], output: Array(1...outputs)))
    }

    @Test func pointsByIndexFollowGridOrder() throws {
        let sweep = try SweepFile.load(path: Self.example, catalog: Fixtures.catalog)
        let all = sweep.points
        #expect(all.count == 640)
        #expect(sweep.points(in: 150..<170) == Array(all[150..<170]))
        #expect(all[0].hardware == "nvidia-h100-sxm" && all[0].tensorParallel == 1 && all[0].batch == 1)
        #expect(all[1].batch == 16, "batch varies faster than tensor parallelism")
        #expect(all[639].hardware == "amd-mi300x" && all[639].scheme == "kv-fp8" && all[639].tensorParallel == 8 && all[639].batch == 256)
    }

    @Test func pointLimitAppliesToTheShardARunEvaluates() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fleetsim-sweepfile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("big.yaml").path
        let text = """
            version: 1
            name: big
            engine: vllm
            grid:
              hardware: [nvidia-h100-sxm]
              model: [llama-3.1-8b]
              precision: [{name: bf16, weights: bf16, activations: bf16, kv_cache: bf16}]
              tensor: [1]
              batch: [\((1...5000).map(String.init).joined(separator: ", "))]
              input: [\((1...5000).map(String.init).joined(separator: ", "))]
              output: [1]

            """
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: DiagnosticList.self) { try SweepFile.load(path: path, catalog: Fixtures.catalog) }
        let half = try SweepShard(parsing: "1/2")
        do {
            _ = try SweepFile.load(path: path, catalog: Fixtures.catalog, shard: half)
            Issue.record("half of 25,000,000 points is over the limit")
        } catch {
            #expect(error.diagnostics.map(\.message) == [
                "shard 1/2 of the grid has 12500000 points, more than the limit of 10000000 per run; split it into at least 3 shards with --shard, or raise 'limits.points'",
            ])
        }
        let third = try SweepFile.load(path: path, catalog: Fixtures.catalog, shard: try SweepShard(parsing: "3/3"))
        #expect(third.pointCount == 25_000_000)
    }

    @Test func definitionDigestIgnoresCommentsButNotTheGrid() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fleetsim-digest-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("uncommented.yaml").path
        let uncommented = try String(contentsOfFile: Self.example, encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("#") }.joined(separator: "\n")
        try uncommented.write(toFile: path, atomically: true, encoding: .utf8)
        let example = try SweepFile.load(path: Self.example, catalog: Fixtures.catalog)
        #expect(try SweepFile.load(path: path, catalog: Fixtures.catalog).definitionSHA256 == example.definitionSHA256)
        var longer = example
        longer.grid.output = [256, 512]
        #expect(longer.definitionSHA256 != example.definitionSHA256)
    }
}
