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
        /// Tokens of KV cache per replica the simulation had: the memory plan's, less what a drafter takes.
        public let kvCapacityTokens: Int
        /// Each objective that is set, with its limit and the simulated value at the percentile.
        public let objectives: [(name: String, limit: Seconds, value: Seconds)]
        public var meetsObjectives: Bool { objectives.allSatisfy { $0.value <= $0.limit } }
        /// Output tokens per second per device.
        public var outputThroughputPerDevice: Double { metrics.outputThroughput / Double(max(1, devices)) }
    }

    /// A deployment ready to simulate.
    public struct Prepared: Sendable {
        public let name: String
        public let replicas: Int
        public let model: StepModel
        public let memory: MemoryPlan
        public let limits: SchedulerLimits
        /// How requests are spread over the replicas.
        public let router: RoutingPolicy
        /// Whether the engine caches prompt prefixes; without it a workload's prefix-cache hits do not apply.
        public let prefixCaching: Bool
        /// Speculative decoding, if the deployment drafts, and the seed of its accepted-draft draws.
        public let speculative: SpeculativeDecoding?
        public let seed: UInt64
        /// Separate prefill and decode pools, if the deployment disaggregates them.
        public let disaggregation: Disaggregation?
        /// A batcher in front of the replicas, if requests reach them in batches.
        public let batching: RequestBatching?

        /// Devices of one replica (a disaggregated replica is a unit of both pools).
        public var devicesPerReplica: Int { model.spec.devices * (disaggregation.map { $0.prefillReplicas + $0.decodeReplicas } ?? 1) }

        /// `requests` as this deployment serves them: prefix-cache hits dropped when it does not cache prefixes.
        public func servable(_ requests: [Request]) -> [Request] {
            guard !prefixCaching, requests.contains(where: { $0.cachedTokens > 0 }) else { return requests }
            return requests.map { var request = $0; request.cachedTokens = 0; return request }
        }

        /// The serving simulation of this deployment with `replicas` replicas (its own count by default).
        public func simulation(replicas: Int? = nil) -> ServingSimulation {
            ServingSimulation(model: model, limits: limits, replicas: replicas ?? self.replicas, router: router,
                              speculative: speculative, seed: seed, disaggregation: disaggregation, batching: batching)
        }
    }

    /// Resolves every deployment of `scenario` into a model and engine limits.
    public static func prepare(_ scenario: Scenario, catalog: ProfileCatalog, efficiencies: KernelEfficiencies,
                               serving: ServingCalibration?) throws(PerformanceError) -> [Prepared] {
        var prepared: [Prepared] = []
        for deployment in scenario.deployments {
            do throws(PerformanceError) {
                let scheduling = deployment.scheduling
                let spec = try DeploymentSpec.resolve(
                    model: deployment.model, hardware: deployment.hardware, engine: deployment.engine, catalog: catalog,
                    efficiencies: efficiencies, weights: deployment.precision.weights, activations: deployment.precision.activations,
                    kvCache: deployment.precision.kvCache, tensorParallel: deployment.parallelism.tensor,
                    pipelineParallel: deployment.parallelism.pipeline, expertParallel: deployment.parallelism.expert,
                    memoryFraction: scheduling.memoryFraction, maxBatchedTokens: scheduling.maxBatchedTokens, serving: serving,
                    powerCap: deployment.powerCap)
                let memory = try MemoryPlan(spec: spec)
                var speculative: SpeculativeDecoding?
                if let settings = deployment.speculative {
                    speculative = try SpeculativeDecoding.make(method: settings.method, draftTokens: settings.draftTokens,
                                                               acceptance: settings.ratesPerPosition, target: spec,
                                                               draftModel: settings.draftModel.flatMap { catalog.model($0) })
                }
                // The drafter's weights and KV come out of the target's KV cache.
                let kvCapacity = speculative?.kvCapacityTokens(alongside: memory) ?? memory.kvCapacityTokens
                guard kvCapacity > 0 else {
                    throw PerformanceError("the drafter's weights leave no room for the KV cache")
                }
                var disaggregation: Disaggregation?
                if let settings = deployment.disaggregation {
                    guard let bandwidth = settings.kvTransferBandwidth ?? spec.hardware.interconnect?.scaleOut?.bandwidth else {
                        throw PerformanceError(DisaggregationSettings.noTransferBandwidthMessage(spec.hardware.id))
                    }
                    disaggregation = Disaggregation(prefillReplicas: settings.prefillReplicas, decodeReplicas: settings.decodeReplicas,
                                                    transferBandwidth: bandwidth.value, kvBytesPerToken: memory.kvBytesPerToken.value)
                }
                let limits = SchedulerLimits(
                    maxSequences: scheduling.maxSequences ?? Int.max, maxBatchedTokens: spec.maxBatchedTokens,
                    chunkedPrefill: scheduling.chunkedPrefill ?? false, kvBlockSize: scheduling.kvBlockSize ?? 16,
                    kvCapacityTokens: kvCapacity,
                    reserveWholeSequence: catalog.engine(deployment.engine)?.scheduling.capacityPolicy == .guaranteedNoEvict,
                    // A deployment serves through the engine's HTTP front end.
                    frontEndLatency: catalog.engine(deployment.engine)?.overheads?.frontEnd?.value ?? 0)
                prepared.append(Prepared(name: deployment.name, replicas: deployment.replicas, model: try StepModel(spec: spec),
                                         memory: memory, limits: limits, router: deployment.router ?? .roundRobin,
                                         prefixCaching: scheduling.prefixCaching ?? false, speculative: speculative,
                                         seed: scenario.seed, disaggregation: disaggregation,
                                         batching: deployment.batching?.batching))
            } catch {
                throw PerformanceError("deployment '\(deployment.name)': \(error.message)")
            }
        }
        return prepared
    }

    /// The seeded requests of the scenario's workload, with the arrival process overridden when given.
    /// Trace arrivals and lengths replay the first `requests` entries of the loaded trace; a prefix-cache hit
    /// rate marks that share of every prompt as cached (see ``Prepared/servable(_:)``).
    public static func requests(_ scenario: Scenario, arrivals override: ArrivalProcess? = nil) -> (ArrivalProcess, [Request]) {
        let workload = scenario.workload
        let trace = workload.trace?.contents
        precondition(!workload.readsTrace || trace != nil,
                     "workload.trace '\(workload.trace?.file ?? "")' is not loaded; load scenarios with ScenarioLoader or ScenarioDocument")
        let arrivals = override ?? arrivalProcess(workload.arrivals, trace: trace)
        let requests = WorkloadGenerator.requests(count: workload.requests, arrivals: arrivals,
                                                  input: lengthModel(workload.inputTokens, recorded: trace?.inputLengths),
                                                  output: lengthModel(workload.outputTokens, recorded: trace?.outputLengths),
                                                  seed: scenario.seed)
        guard let hitRate = workload.prefixCache?.hitRate, hitRate > 0 else { return (arrivals, requests) }
        return (arrivals, requests.map { $0.withPrefixCacheHit(hitRate) })
    }

    /// The mean request rate of the workload's open-loop arrivals in requests per second: the `rate` of
    /// Poisson, gamma and constant arrivals; `rate × mean(hourly_profile)` for diurnal ones; for a replayed trace, the requests replayed over the time between
    /// the first and the last arrival. `nil` for offline and closed-loop workloads.
    public static func meanRequestRate(_ scenario: Scenario) -> Double? {
        let workload = scenario.workload
        switch workload.arrivals.pattern {
        case .poisson, .gamma, .constant: return workload.arrivals.rate
        case .diurnal:
            guard let rate = workload.arrivals.rate, let profile = workload.arrivals.hourlyProfile, !profile.isEmpty else { return nil }
            return rate * profile.reduce(0, +) / Double(profile.count)
        case .trace:
            guard let arrivals = workload.trace?.contents?.arrivals, workload.requests >= 2, arrivals.count >= workload.requests else { return nil }
            let span = arrivals[workload.requests - 1] - arrivals[0]
            return span > 0 ? Double(workload.requests - 1) / span : nil
        case .offline, .concurrency: return nil
        }
    }

    /// The objectives of `slo` that are set, with the simulated values at its percentile.
    public static func objectives(_ slo: ServiceLevelObjective, _ metrics: ServingMetrics) -> [(name: String, limit: Seconds, value: Seconds)] {
        var objectives: [(String, Seconds, Seconds)] = []
        if let limit = slo.timeToFirstToken { objectives.append(("ttft", limit, Seconds(metrics.timeToFirstToken.value(atPercentile: slo.percentile)))) }
        if let limit = slo.timePerOutputToken { objectives.append(("tpot", limit, Seconds(metrics.timePerOutputToken.value(atPercentile: slo.percentile)))) }
        if let limit = slo.endToEnd { objectives.append(("e2e", limit, Seconds(metrics.endToEnd.value(atPercentile: slo.percentile)))) }
        return objectives
    }

    /// Simulates every deployment of `scenario` (resolved) on the same seeded requests.
    /// - Throws: ``PerformanceError`` naming the deployment that cannot be modelled.
    public static func run(_ scenario: Scenario, catalog: ProfileCatalog, efficiencies: KernelEfficiencies,
                           serving: ServingCalibration?) throws(PerformanceError) -> [Result] {
        let (arrivals, requests) = Self.requests(scenario)
        let longest = requests.map { $0.inputTokens + $0.outputTokens }.max() ?? 0
        var results: [Result] = []
        for deployment in try prepare(scenario, catalog: catalog, efficiencies: efficiencies, serving: serving) {
            let lane = deployment.limits.kvCapacityTokens / max(1, deployment.model.spec.pipelineParallel)
            guard longest <= lane else {
                throw PerformanceError("deployment '\(deployment.name)': the longest request (\(longest) tokens) does not fit the KV cache (\(lane) tokens)")
            }
            let metrics = deployment.simulation().run(deployment.servable(requests), arrivals: arrivals)
            results.append(Result(deployment: deployment.name, devices: deployment.devicesPerReplica * deployment.replicas,
                                  metrics: metrics, memory: deployment.memory,
                                  kvCapacityTokens: deployment.limits.kvCapacityTokens, objectives: objectives(scenario.workload.slo, metrics)))
        }
        return results
    }

    static func arrivalProcess(_ arrivals: Arrivals, trace: RequestTrace?) -> ArrivalProcess {
        let schedule = arrivalSchedule(arrivals, trace: trace)
        guard let cap = arrivals.maxConcurrency else { return schedule }
        return .capped(schedule, maxConcurrency: cap)
    }

    /// The arrival times of `arrivals`, without a client's concurrency cap.
    static func arrivalSchedule(_ arrivals: Arrivals, trace: RequestTrace?) -> ArrivalProcess {
        switch arrivals.pattern {
        case .trace: .recorded(arrivals: trace?.arrivals ?? [])
        case .diurnal: .diurnal(rate: arrivals.rate ?? 1, hourlyMultipliers: arrivals.hourlyProfile ?? [])
        case .offline: .offline
        case .concurrency: .closedLoop(concurrency: arrivals.concurrency ?? 1)
        case .poisson: .poisson(rate: arrivals.rate ?? 1)
        case .gamma: .gamma(rate: arrivals.rate ?? 1, burstiness: arrivals.burstiness ?? 1)
        case .constant: .constant(rate: arrivals.rate ?? 1)
        }
    }

    static func lengthModel(_ lengths: LengthDistribution, recorded: [Int]?) -> LengthModel {
        switch lengths.shape {
        case .trace: .recorded(recorded ?? [])
        case .fixed: .fixed(lengths.mean ?? 1)
        case .uniform: .uniform(minimum: lengths.minimum ?? 1, maximum: lengths.maximum ?? 1)
        case .lognormal: .lognormal(mean: Double(lengths.mean ?? 1), standardDeviation: lengths.standardDeviation ?? 1)
        }
    }
}
