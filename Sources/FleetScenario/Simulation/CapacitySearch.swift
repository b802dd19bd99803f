import FleetPerformance
import FleetProfiles
import FleetServing
import FleetUnits

/// The highest Poisson request rate a deployment serves within the scenario's latency objective, found by
/// ``LoadSearch`` (bracketed by the offline request throughput, bisected to 1 %). The same seeded request
/// lengths are used at every rate.
public enum CapacitySearch {
    /// One probed load.
    public struct Point: Sendable {
        public let rate: Double
        public let metrics: ServingMetrics
        public let meetsObjectives: Bool
    }

    public struct Result: Sendable {
        public let deployment: String
        /// Requests per second within the objective (0 when even a light load misses it).
        public let capacity: Double
        /// The saturated (offline) request throughput.
        public let saturation: Double
        /// Latency against load, from light to beyond capacity.
        public let curve: [Point]
    }

    /// - Throws: ``PerformanceError`` when the scenario sets no latency objective, caps its client's concurrency, or a
    ///   deployment cannot be modelled.
    public static func run(_ scenario: Scenario, catalog: ProfileCatalog, efficiencies: KernelEfficiencies,
                           serving: ServingCalibration?) throws(PerformanceError) -> [Result] {
        let slo = scenario.workload.slo
        guard slo.timeToFirstToken != nil || slo.timePerOutputToken != nil || slo.endToEnd != nil else {
            throw PerformanceError("capacity needs a latency objective: set 'workload.slo' (ttft, tpot or e2e)")
        }
        // A client's concurrency cap queues requests in the client, where no latency counts them, so every rate
        // would seem to meet the objective.
        if scenario.workload.arrivals.maxConcurrency != nil {
            throw PerformanceError("capacity searches the rate that open-loop arrivals can sustain; 'workload.arrivals.max_concurrency' holds requests back in the client, whose wait no latency counts, so remove it")
        }
        var results: [Result] = []
        for deployment in try ScenarioSimulation.prepare(scenario, catalog: catalog, efficiencies: efficiencies, serving: serving) {
            let simulation = deployment.simulation()
            func probe(_ rate: Double) -> Point {
                let (arrivals, requests) = ScenarioSimulation.requests(scenario, arrivals: .poisson(rate: rate))
                let metrics = simulation.run(deployment.servable(requests), arrivals: arrivals)
                let objectives = ScenarioSimulation.objectives(slo, metrics)
                return Point(rate: rate, metrics: metrics, meetsObjectives: objectives.allSatisfy { $0.value <= $0.limit })
            }
            let (offlineArrivals, offlineRequests) = ScenarioSimulation.requests(scenario, arrivals: .offline)
            let saturation = simulation.run(deployment.servable(offlineRequests), arrivals: offlineArrivals).requestThroughput
            let low = LoadSearch.highestRate(saturation: saturation) { probe($0).meetsObjectives }
            let reference = low > 0 ? low : saturation
            let curve = [0.25, 0.5, 0.75, 0.9, 1.0, 1.1].map { probe($0 * reference) }
            results.append(Result(deployment: deployment.name, capacity: low, saturation: saturation, curve: curve))
        }
        return results
    }
}
