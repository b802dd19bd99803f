import Testing
import FleetEconomics
import FleetPerformance
import FleetProfiles
@testable import FleetScenario

/// Fleets too large to count are refused with a message, never an overflow trap in the monthly cost.
struct ScenarioCostTests {
    @Test func demandNeedingMoreDevicesThanCountableIsRefused() throws {
        let scenario = try ScenarioLoader.load(text: Fixtures.valid, file: "plan.yaml", catalog: Fixtures.catalog)
        let hardware = try #require(Fixtures.catalog.hardware("nvidia-h100-sxm"))
        let fleet = CostModel.Fleet(hardware: hardware, devicesPerReplica: 8, capacityPerReplica: 10, busy: 1)
        #expect(throws: PerformanceError("option 'own': serving 1000000000000000.0 requests/s with 'h100' takes 800000000000000 devices, more than the "
                                         + "1000000000000 the cost model counts; lower 'workload.arrivals.rate' or 'finance.monthly_demand_growth'")) {
            try ScenarioCost.checkFleetSize(fleet, option: "own", deployment: "h100", finance: scenario.finance, rate: 1e15)
        }
        try ScenarioCost.checkFleetSize(fleet, option: "own", deployment: "h100", finance: scenario.finance, rate: 1e6)
    }
}
