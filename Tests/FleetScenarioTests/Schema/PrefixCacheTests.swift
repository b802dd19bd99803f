import Testing
import FleetProfiles
import FleetServing
@testable import FleetScenario

/// `workload.prefix_cache`: hits mark prompt tokens cached, only on deployments whose engine caches prefixes.
struct PrefixCacheTests {
    func prepared(scheduling: String) throws -> (Scenario, ScenarioSimulation.Prepared) {
        let text = Fixtures.valid
            .replacingOccurrences(of: "{pattern: poisson, rate: 2}", with: "{pattern: poisson, rate: 2}\n  prefix_cache: {hit_rate: 0.5}")
            .replacingOccurrences(of: "    devices: 8", with: "    devices: 8\n    scheduling: \(scheduling)")
        let scenario = try ScenarioLoader.load(text: text, file: "plan.yaml", catalog: Fixtures.catalog)
        let prepared = try ScenarioSimulation.prepare(scenario, catalog: Fixtures.catalog, efficiencies: CapacitySearchTests.efficiencies, serving: nil)
        return (scenario, prepared[0])
    }

    @Test func hitsApplyWhereTheEngineCachesPrefixes() throws {
        let (scenario, deployment) = try prepared(scheduling: "{prefix_caching: true}")
        let (_, requests) = ScenarioSimulation.requests(scenario)
        #expect(requests.allSatisfy { $0.cachedTokens == $0.inputTokens / 2 })
        #expect(deployment.servable(requests) == requests)
    }

    @Test func hitsAreDroppedWithoutPrefixCaching() throws {
        let (scenario, deployment) = try prepared(scheduling: "{prefix_caching: false}")
        let (_, requests) = ScenarioSimulation.requests(scenario)
        #expect(deployment.servable(requests).allSatisfy { $0.cachedTokens == 0 })
        #expect(deployment.servable(requests).map(\.inputTokens) == requests.map(\.inputTokens))
    }
}
