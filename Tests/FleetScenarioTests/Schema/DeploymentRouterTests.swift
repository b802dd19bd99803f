import Testing
import FleetProfiles
import FleetServing
@testable import FleetScenario

/// `deployments[].router`: absent means round-robin; a named policy reaches the simulation and the dump.
struct DeploymentRouterTests {
    @Test func routerReachesTheSimulationAndTheEffectiveScenario() throws {
        let text = Fixtures.valid.replacingOccurrences(of: "    devices: 8", with: "    devices: 8\n    replicas: 2\n    router: least-kv")
        let document = try ScenarioDocument(document: Document(text: text, file: "plan.yaml"), catalog: Fixtures.catalog)
        let prepared = try ScenarioSimulation.prepare(document.effective, catalog: Fixtures.catalog,
                                                      efficiencies: CapacitySearchTests.efficiencies, serving: nil)
        #expect(prepared[0].router == .leastKVCache)
        #expect(prepared[0].simulation().router == .leastKVCache)
        #expect(try document.yaml(effective: true).contains("  router: least-kv\n"))
    }

    @Test func absentRouterIsRoundRobinAndStaysOutOfTheDump() throws {
        let document = try ScenarioDocument(document: Document(text: Fixtures.valid, file: "plan.yaml"), catalog: Fixtures.catalog)
        let prepared = try ScenarioSimulation.prepare(document.effective, catalog: Fixtures.catalog,
                                                      efficiencies: CapacitySearchTests.efficiencies, serving: nil)
        #expect(prepared[0].router == .roundRobin)
        #expect(try !document.yaml(effective: true).contains("router"))
    }
}
