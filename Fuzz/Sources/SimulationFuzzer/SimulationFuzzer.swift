import FleetPerformance
import FleetProfiles
import FleetScenario
import Foundation
import FuzzSupport

/// Loads each input as a scenario and, when it validates, runs what `simulate` and `cost` run on it: the
/// serving simulation of every deployment and the cost of every option. This reaches the arithmetic that
/// validation must protect (token and block counts, arrival times, fleet sizes). To keep one input to
/// milliseconds, the workload is cut to ``requestLimit`` requests, the Monte Carlo to ``sampleLimit``
/// samples and the horizon to ``horizonLimit`` months, and inputs with requests longer than
/// ``tokenLimit`` tokens or more than ``replicaLimit`` replicas are skipped: their cost is time, which
/// validation allows on purpose. Thrown errors are the expected outcome for unmodellable input; only a
/// crash, trap or hang is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func simulationFuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let text = FuzzInput.text(data, size),
          var scenario = try? ScenarioLoader.load(text: text, file: "fuzz.yaml", catalog: FuzzInput.catalog) else { return 0 }
    scenario.workload.requests = min(scenario.workload.requests, SimulationBudget.requestLimit)
    scenario.finance.uncertainty.samples = min(scenario.finance.uncertainty.samples, SimulationBudget.sampleLimit)
    scenario.finance.horizonMonths = min(scenario.finance.horizonMonths, SimulationBudget.horizonLimit)
    guard SimulationBudget.fits(scenario) else { return 0 }
    _ = try? ScenarioSimulation.run(scenario, catalog: FuzzInput.catalog, efficiencies: FuzzInput.efficiencies, serving: nil)
    _ = try? ScenarioCost.run(scenario, catalog: FuzzInput.catalog, efficiencies: FuzzInput.efficiencies, serving: nil)
    return 0
}

/// How much work one fuzz input may cause.
enum SimulationBudget {
    static let requestLimit = 32
    static let sampleLimit = 200
    static let horizonLimit = 60
    static let tokenLimit = 8192
    static let replicaLimit = 4

    static func fits(_ scenario: Scenario) -> Bool {
        func longest(_ lengths: LengthDistribution) -> Int {
            switch lengths.shape {
            case .fixed: lengths.mean ?? 0
            case .uniform: lengths.maximum ?? 0
            case .lognormal: (lengths.mean ?? 0) + 10 * Int(min(lengths.standardDeviation ?? 0, 1e9))
            // Recorded lengths come from a trace file, which the fuzzer's scenarios cannot name usefully: skip them.
            case .trace: Int.max / 4
            }
        }
        return longest(scenario.workload.inputTokens) + longest(scenario.workload.outputTokens) <= tokenLimit
            && scenario.deployments.allSatisfy { $0.replicas <= replicaLimit }
    }
}

@main
enum SimulationFuzzer {
    static func main() {
        exit(FuzzerMain.run(simulationFuzzerTestOneInput))
    }
}
