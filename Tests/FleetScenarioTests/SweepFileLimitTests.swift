import Foundation
import Testing
import FleetProfiles
@testable import FleetScenario

/// Sweep files: a grid too large for memory is refused before any point exists.
struct SweepFileLimitTests {
    /// The diagnostics of loading `text` as a sweep file, one string each.
    func errors(_ text: String) throws -> [String] {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sweep-\(UUID().uuidString).yaml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            _ = try SweepFile.load(path: path, catalog: Fixtures.catalog)
            return []
        } catch {
            return error.diagnostics.map { $0.description.replacingOccurrences(of: path, with: "sweep.yaml") }
        }
    }

    /// 1000 batch sizes × 1000 input lengths × 1000 output lengths: 10⁹ points.
    static let billionPoints = """
        version: 1
        name: huge
        engine: vllm
        grid:
          hardware: [nvidia-h100-sxm]
          model: [llama-3.1-8b]
          precision: [{name: bf16, weights: bf16, activations: bf16, kv_cache: bf16}]
          tensor: [1]
          batch: [\((1...1000).map(String.init).joined(separator: ", "))]
          input: [\((1...1000).map(String.init).joined(separator: ", "))]
          output: [\((1...1000).map(String.init).joined(separator: ", "))]

        """

    @Test func gridAboveThePointLimitIsRefused() throws {
        #expect(try errors(Self.billionPoints) == [
            "sweep.yaml:5:3: error: the grid has 1000000000 points, more than the limit of 10000000 per run; split it into at least 100 shards with --shard, or raise 'limits.points'",
        ])
    }

    @Test func raisedPointLimitAllowsTheGrid() throws {
        #expect(try errors(Self.billionPoints + "limits: {points: 1000000000}\n") == [])
    }

    @Test func pointLimitBelowOne() throws {
        #expect(try errors(Self.billionPoints + "limits: {points: 0}\n") == [
            "sweep.yaml:12:18: error: 'points' must be at least 1, got 0",
        ])
    }
}
