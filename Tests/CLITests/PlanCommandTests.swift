import Foundation
import Testing

/// `fleetsim plan` on the README's power-budget example.
@Suite(.serialized)
struct PlanCommandTests {
    @Test func planMatchesExpectedOutputAndItsJSONCarriesPowerFigures() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fleetsim-plan-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try FleetSimBinary.run(["plan", "Examples/power-budget.yaml", "--output", directory.path])
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardOutput == (try FleetSimBinary.expected("plan-power-budget.txt")))
        let text = try String(contentsOf: directory.appendingPathComponent("plan.json"), encoding: .utf8)
        #expect(text == (try FleetSimBinary.expected("plan-power-budget/plan.json")))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let candidates = try #require(json["candidates"] as? [[String: Any]])
        let feasible = candidates.filter { $0["feasible"] as? Bool == true }
        #expect(feasible.count >= 10)
        for candidate in feasible {
            let metrics = try #require(candidate["metrics"] as? [String: [String: Any]])
            #expect(metrics["tokens_per_provisioned_megawatt"]?["unit"] as? String == "tokens/s/MW")
            #expect(metrics["joules_per_output_token"]?["unit"] as? String == "J/token")
            #expect((metrics["provisioned_power"]?["value"] as? Double ?? .infinity) <= 2000, "within the 2 MW budget")
        }
        #expect(feasible.contains { $0["on_frontier"] as? Bool == true && ($0["metrics"] as? [String: [String: Any]])?["cost_per_mtok"] != nil })
        #expect(candidates.contains { ($0["reason"] as? String)?.contains("exceeds the board power") == true })
    }

    @Test func planWithoutBudgetIsBadInput() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("fleetsim-plan-\(UUID().uuidString).yaml")
        defer { try? FileManager.default.removeItem(at: path) }
        try "version: 1\nplan: {model: llama-3.1-70b, hardware: [nvidia-h100]}\n".write(to: path, atomically: true, encoding: .utf8)
        let run = try FleetSimBinary.run(["plan", path.path])
        #expect(run.status == 2)
        #expect(run.standardError.contains(":2:7: error: a plan needs a 'budget' with at least 'power'"))
        #expect(run.standardError.contains("error: unknown hardware 'nvidia-h100'; did you mean"))
    }
}
