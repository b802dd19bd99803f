import FleetPerformance
import FleetProfiles
import FleetServing
import FleetUnits

/// Runs a scenario's workload on each of its deployments.
public enum ScenarioSimulation {
    /// The metrics of one deployment and whether it meets the scenario's latency objective.
    public struct Result: Sendable {
        public let deployment: String
        public let devices: Int
        public let metrics: ServingMetrics
        public let memory: MemoryPlan
        /// Each objective that is set, with its limit and the simulated value at the percentile.
        public let objectives: [(name: String, limit: Seconds, value: Seconds)]
        public var meetsObjectives: Bool { objectives.allSatisfy { $0.value <= $0.limit } }
    }

    /// Simulates every deployment of `scenario` (resolved) on the same seeded requests.
    /// - Throws: ``PerformanceError`` naming the deployment that cannot be modelled.
    public static func run(_ scenario: Scenario, catalog: ProfileCatalog, efficiencies: KernelEfficiencies,
                           serving: ServingCalibration?) throws(PerformanceError) -> [Result] {
        let workload = scenario.workload
        let arrivals = arrivalProcess(workload.arrivals)
        let requests = WorkloadGenerator.requests(count: workload.requests, arrivals: arrivals,
                                                  input: lengthModel(workload.inputTokens), output: lengthModel(workload.outputTokens),
                                                  seed: scenario.seed)
        var results: [Result] = []
        for deployment in scenario.deployments {
            do {
                let scheduling = deployment.scheduling
                let spec = try DeploymentSpec.resolve(
                    model: deployment.model, hardware: deployment.hardware, engine: deployment.engine, catalog: catalog,
                    efficiencies: efficiencies, weights: deployment.precision.weights, activations: deployment.precision.activations,
                    kvCache: deployment.precision.kvCache, tensorParallel: deployment.parallelism.tensor,
                    pipelineParallel: deployment.parallelism.pipeline, expertParallel: deployment.parallelism.expert,
                    memoryFraction: scheduling.memoryFraction, maxBatchedTokens: scheduling.maxBatchedTokens, serving: serving)
                let model = try StepModel(spec: spec)
                let memory = try MemoryPlan(spec: spec)
                let longest = requests.map { $0.inputTokens + $0.outputTokens }.max() ?? 0
                guard longest <= memory.kvCapacityTokens / max(1, spec.pipelineParallel) else {
                    throw PerformanceError("the longest request (\(longest) tokens) does not fit the KV cache (\(memory.kvCapacityTokens) tokens)")
                }
                let limits = SchedulerLimits(
                    maxSequences: scheduling.maxSequences ?? Int.max, maxBatchedTokens: spec.maxBatchedTokens,
                    chunkedPrefill: scheduling.chunkedPrefill ?? false, kvBlockSize: scheduling.kvBlockSize ?? 16,
                    kvCapacityTokens: memory.kvCapacityTokens)
                let metrics = ServingSimulation(model: model, limits: limits, replicas: deployment.replicas).run(requests, arrivals: arrivals)
                let slo = workload.slo
                var objectives: [(String, Seconds, Seconds)] = []
                if let limit = slo.timeToFirstToken { objectives.append(("ttft", limit, Seconds(metrics.timeToFirstToken.value(atPercentile: slo.percentile)))) }
                if let limit = slo.timePerOutputToken { objectives.append(("tpot", limit, Seconds(metrics.timePerOutputToken.value(atPercentile: slo.percentile)))) }
                if let limit = slo.endToEnd { objectives.append(("e2e", limit, Seconds(metrics.endToEnd.value(atPercentile: slo.percentile)))) }
                results.append(Result(deployment: deployment.name, devices: spec.devices * deployment.replicas, metrics: metrics,
                                      memory: memory, objectives: objectives))
            } catch {
                throw PerformanceError("deployment '\(deployment.name)': \((error as? PerformanceError)?.message ?? "\(error)")")
            }
        }
        return results
    }

    static func arrivalProcess(_ arrivals: Arrivals) -> ArrivalProcess {
        switch arrivals.pattern {
        case .offline: .offline
        case .concurrency: .closedLoop(concurrency: arrivals.concurrency ?? 1)
        case .poisson: .poisson(rate: arrivals.rate ?? 1)
        case .gamma: .gamma(rate: arrivals.rate ?? 1, burstiness: arrivals.burstiness ?? 1)
        case .constant: .constant(rate: arrivals.rate ?? 1)
        }
    }

    static func lengthModel(_ lengths: LengthDistribution) -> LengthModel {
        switch lengths.shape {
        case .fixed: .fixed(lengths.mean ?? 1)
        case .uniform: .uniform(minimum: lengths.minimum ?? 1, maximum: lengths.maximum ?? 1)
        case .lognormal: .lognormal(mean: Double(lengths.mean ?? 1), standardDeviation: lengths.standardDeviation ?? 1)
        }
    }
}
