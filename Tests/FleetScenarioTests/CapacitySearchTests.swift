import Foundation
import Testing
import FleetPerformance
import FleetProfiles
@testable import FleetScenario

struct CapacitySearchTests {
    static let efficiencies = Fixtures.efficiencies

    func scenario(replicas: Int) throws -> Scenario {
        let text = Fixtures.valid
            .replacingOccurrences(of: "hardware: nvidia-h100-sxm\n    model: llama-3.1-70b\n    devices: 8",
                                  with: "hardware: nvidia-h100-sxm\n    model: llama-3.1-8b\n    devices: 1\n    replicas: \(replicas)")
            .replacingOccurrences(of: "parallelism: {tensor: 8}", with: "parallelism: {tensor: 1}")
            .replacingOccurrences(of: "arrivals: {pattern: poisson, rate: 2}",
                                  with: "arrivals: {pattern: poisson, rate: 2}\n  requests: 300\n  input_tokens: 512\n  output_tokens: 64\n  slo: {ttft: 500 ms, tpot: 50 ms}")
        return try ScenarioLoader.load(text: text, file: "capacity.yaml", catalog: Fixtures.catalog)
    }

    /// Under a client's concurrency cap every rate would seem to meet the objective, so the search refuses it.
    @Test func capacityRefusesACappedClient() throws {
        var capped = try scenario(replicas: 1)
        capped.workload.arrivals.maxConcurrency = 8
        let error = #expect(throws: PerformanceError.self) {
            try CapacitySearch.run(capped, catalog: Fixtures.catalog, efficiencies: Self.efficiencies, serving: nil)
        }
        #expect(error?.message.contains("'workload.arrivals.max_concurrency' holds requests back in the client") == true)
    }

    @Test func moreReplicasNeverLowerCapacity() throws {
        var previous = 0.0
        for replicas in [1, 2] {
            let result = try CapacitySearch.run(scenario(replicas: replicas), catalog: Fixtures.catalog,
                                                efficiencies: Self.efficiencies, serving: nil)
            #expect(result[0].capacity >= previous)
            #expect(result[0].capacity > 0)
            previous = result[0].capacity
        }
    }

    @Test func capacityMeetsTheObjectiveAndTheCurveRisesWithLoad() throws {
        let result = try CapacitySearch.run(scenario(replicas: 1), catalog: Fixtures.catalog, efficiencies: Self.efficiencies, serving: nil)[0]
        #expect(result.capacity <= result.saturation * 1.05)
        let latencies = result.curve.map { $0.metrics.timeToFirstToken.p99 }
        #expect(latencies.first! <= latencies.last!)
        #expect(result.curve[4].meetsObjectives)
    }
}
