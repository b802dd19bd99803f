import FleetEconomics
import FleetPerformance
import FleetProfiles
import FleetServing
import FleetUnits

/// Everything `fleetsim compare` reports about a scenario's options: the cost over the horizon with its
/// uncertainty (``ScenarioCost``), the latency of the month-1 fleet at the scenario's load, the capacity and
/// throughput per device within the latency objective, and power per replica.
public struct ScenarioComparison: Sendable {
    public struct Option: Sendable {
        public let cost: ScenarioCost.OptionResult
        /// The month-1 fleet (replicas sized by capacity) simulated on the scenario's workload; nil for APIs.
        public let serving: ScenarioSimulation.Result?
        /// Output tokens per second per device at the capacity within the objective; nil for APIs.
        public let outputThroughputPerDevice: Double?
        /// Power of one replica at that capacity; nil for APIs and hardware without a power figure.
        public let power: PowerFigures?
        public var name: String { cost.option }
    }

    public let scenario: Scenario
    public let options: [Option]
    /// Monte Carlo, break-even and tornado over all options.
    public let cost: ScenarioCost.Report

    /// - Throws: ``PerformanceError`` naming the option or deployment that cannot be modelled or priced.
    /// - Parameter progress: called with the stage about to run.
    public static func run(_ scenario: Scenario, catalog: ProfileCatalog, efficiencies: KernelEfficiencies,
                           serving calibration: ServingCalibration?, progress: (String) -> Void = { _ in }) throws(PerformanceError) -> ScenarioComparison {
        progress("capacity within the objective, costs and Monte Carlo (\(scenario.finance.uncertainty.samples) samples)")
        let report = try ScenarioCost.report(scenario, catalog: catalog, efficiencies: efficiencies, serving: calibration)
        let outputMean = ScenarioCost.meanLengths(scenario).output

        // The month-1 fleet of every deployment an option uses, simulated once per deployment.
        var fleet = scenario
        fleet.deployments = []
        for option in report.options {
            guard let name = option.deployment, let perReplica = option.devicesPerReplica,
                  !fleet.deployments.contains(where: { $0.name == name }),
                  var deployment = scenario.deployments.first(where: { $0.name == name }) else { continue }
            deployment.replicas = max(1, (option.months.first?.devices ?? perReplica) / perReplica)
            fleet.deployments.append(deployment)
        }
        progress("simulating the month-1 fleets at the scenario's load")
        let simulated = try ScenarioSimulation.run(fleet, catalog: catalog, efficiencies: efficiencies, serving: calibration)

        let options = report.options.map { cost -> Option in
            guard let name = cost.deployment, let devices = cost.devicesPerReplica, let capacity = cost.capacityPerReplica,
                  let hardware = cost.hardware else {
                return Option(cost: cost, serving: nil, outputThroughputPerDevice: nil, power: nil)
            }
            let outputPerReplica = capacity * outputMean
            let power = PowerFigures(hardware: hardware, devices: devices, pue: scenario.finance.owning.pue, busy: cost.busy ?? 1,
                                     outputTokensPerSecond: outputPerReplica)
            return Option(cost: cost, serving: simulated.first { $0.deployment == name },
                          outputThroughputPerDevice: outputPerReplica / Double(devices), power: power)
        }
        return ScenarioComparison(scenario: scenario, options: options, cost: report)
    }
}
