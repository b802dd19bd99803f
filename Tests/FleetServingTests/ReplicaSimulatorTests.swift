import Foundation
import Testing
import FleetPerformance
import FleetProfiles
@testable import FleetServing

enum ServingFixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let catalog: ProfileCatalog = {
        do { return try ProfileCatalog.load(from: root.appendingPathComponent("Profiles").path) } catch { preconditionFailure("\(error)") }
    }()
    static let efficiencies: KernelEfficiencies = {
        do {
            return try Document(contentsOf: root.appendingPathComponent("Profiles/calibration/kernels.yaml").path).decode(KernelEfficiencies.self)
        } catch { preconditionFailure("\(error)") }
    }()

    /// The shipped serving calibration (`Profiles/calibration/serving.yaml`).
    static let serving: ServingCalibration? = {
        do {
            return try Document(contentsOf: root.appendingPathComponent("Profiles/calibration/serving.yaml").path).decode(ServingCalibration.self)
        } catch { preconditionFailure("\(error)") }
    }()

    static func model(_ id: String = "llama-3.1-8b", hardware: String = "nvidia-h100-sxm") throws -> (StepModel, MemoryPlan) {
        let spec = try DeploymentSpec.resolve(model: id, hardware: hardware, engine: "vllm", catalog: catalog, efficiencies: efficiencies,
                                              weights: .fp8, activations: .fp8, kvCache: .fp8, tensorParallel: 1)
        return (try StepModel(spec: spec), try MemoryPlan(spec: spec))
    }

    static func limits(_ memory: MemoryPlan, maxSequences: Int = 256, kvTokens: Int? = nil) -> SchedulerLimits {
        SchedulerLimits(maxSequences: maxSequences, maxBatchedTokens: 8192, chunkedPrefill: true, kvBlockSize: 16,
                        kvCapacityTokens: kvTokens ?? memory.kvCapacityTokens)
    }
}

struct ReplicaSimulatorTests {
    @Test func everyRequestCompletesWithTheTokensItAskedFor() throws {
        let (model, memory) = try ServingFixtures.model()
        let requests = WorkloadGenerator.requests(count: 500, arrivals: .poisson(rate: 20), input: .uniform(minimum: 10, maximum: 3000),
                                                  output: .lognormal(mean: 200, standardDeviation: 150), seed: 7)
        let run = ReplicaSimulator(model: model, limits: ServingFixtures.limits(memory)).run(requests)
        #expect(run.records.count == requests.count)
        #expect(run.records.reduce(0) { $0 + $1.outputTokens } == requests.reduce(0) { $0 + $1.outputTokens })
        for record in run.records {
            #expect(record.firstToken >= record.arrival && record.finish >= record.firstToken)
        }
    }

    @Test func preemptionHappensWhenKVIsShortAndLosesNoRequest() throws {
        let (model, memory) = try ServingFixtures.model()
        let requests = WorkloadGenerator.requests(count: 64, arrivals: .offline, input: .fixed(512), output: .fixed(512), seed: 1)
        // Room for ~8 whole requests: admission overcommits on prompts, decodes then run out of blocks.
        let run = ReplicaSimulator(model: model, limits: ServingFixtures.limits(memory, kvTokens: 8 * 1024)).run(requests)
        #expect(run.preemptions > 0)
        #expect(run.records.count == 64)
        #expect(run.records.allSatisfy { $0.outputTokens == 512 })
    }

    /// A preempted request resumes where it stopped: its prompt and the output so far are recomputed in one
    /// prefill and the output already streamed is not sampled again, so the run samples exactly the tokens
    /// requested however often it preempts.
    @Test func preemptedRequestsResumeWithoutSamplingTheirOutputAgain() throws {
        let (model, memory) = try ServingFixtures.model()
        let requests = WorkloadGenerator.requests(count: 64, arrivals: .offline, input: .fixed(512), output: .fixed(512), seed: 1)
        let run = ReplicaSimulator(model: model, limits: ServingFixtures.limits(memory, kvTokens: 8 * 1024)).run(requests)
        #expect(run.preemptions > 10)
        #expect(run.sampledTokens == 64 * 512)
        #expect(run.records.allSatisfy { $0.outputTokens == 512 && $0.firstToken < $0.finish })
    }

    /// The front end delays what the client sees, not the engine: with open-loop arrivals every request's
    /// first token and completion come exactly its latency later, and the time between tokens is unchanged.
    @Test func frontEndLatencyAddsToFirstTokenAndCompletionOnly() throws {
        let (model, memory) = try ServingFixtures.model()
        let requests = WorkloadGenerator.requests(count: 200, arrivals: .poisson(rate: 10), input: .fixed(300), output: .fixed(100), seed: 3)
        var limits = ServingFixtures.limits(memory)
        let without = ReplicaSimulator(model: model, limits: limits).run(requests)
        limits.frontEndLatency = 0.0115
        let with = ReplicaSimulator(model: model, limits: limits).run(requests)
        #expect(with.steps == without.steps)
        for (plain, served) in zip(without.records, with.records) {
            #expect(abs(served.firstToken - plain.firstToken - 0.0115) < 1e-9)
            #expect(abs(served.finish - plain.finish - 0.0115) < 1e-9)
        }
    }

    @Test func sameSeedGivesTheSameMetrics() throws {
        let (model, memory) = try ServingFixtures.model()
        func metrics() -> ServingMetrics {
            let requests = WorkloadGenerator.requests(count: 300, arrivals: .gamma(rate: 15, burstiness: 2), input: .fixed(800),
                                                      output: .uniform(minimum: 50, maximum: 400), seed: 42)
            return ServingSimulation(model: model, limits: ServingFixtures.limits(memory), replicas: 2).run(requests, arrivals: .gamma(rate: 15, burstiness: 2))
        }
        #expect(metrics() == metrics())
    }

    @Test func moreReplicasNeverLowerThroughput() throws {
        let (model, memory) = try ServingFixtures.model()
        let requests = WorkloadGenerator.requests(count: 800, arrivals: .offline, input: .fixed(1024), output: .fixed(128), seed: 3)
        var previous = 0.0
        for replicas in [1, 2, 4] {
            let metrics = ServingSimulation(model: model, limits: ServingFixtures.limits(memory), replicas: replicas).run(requests, arrivals: .offline)
            #expect(metrics.outputThroughput >= previous)
            previous = metrics.outputThroughput
        }
    }

    /// At a rate far below capacity a request never waits: TTFT is one prefill step and TPOT one decode step
    /// of a batch of one (the M/D/1 limit of zero load).
    @Test func lightLoadHasNoQueueing() throws {
        let (model, memory) = try ServingFixtures.model()
        let requests = WorkloadGenerator.requests(count: 50, arrivals: .constant(rate: 0.2), input: .fixed(256), output: .fixed(64), seed: 5)
        let metrics = ServingSimulation(model: model, limits: ServingFixtures.limits(memory), replicas: 1).run(requests, arrivals: .constant(rate: 0.2))
        let prefill = model.stepTime(model.features(of: .prefill(batch: 1, tokens: 256)))
        #expect(abs(metrics.timeToFirstToken.mean - prefill) <= 1e-9 * prefill)
        let firstDecode = model.stepTime(model.features(of: .decode(batch: 1, context: 256)))
        let lastDecode = model.stepTime(model.features(of: .decode(batch: 1, context: 256 + 62)))
        #expect(metrics.timePerOutputToken.mean >= firstDecode && metrics.timePerOutputToken.mean <= lastDecode)
    }

    /// A batch of one with fixed lengths is an M/D/1 queue: every request takes the same service time D (its
    /// prefill and decode steps alone), so under Poisson arrivals at λ the mean wait is Pollaczek–Khinchine's
    /// `W_q = ρ·D / (2(1 − ρ))`, ρ = λ·D, and the mean E2E `W_q + D`. The tolerance is about twice the standard
    /// error of a 20,000-request mean at that utilization (waits are correlated, more so as ρ grows).
    @Test(arguments: [(0.5, 0.03), (0.7, 0.06)])
    func aBatchOfOneIsAnMD1Queue(utilization: Double, tolerance: Double) throws {
        let (model, memory) = try ServingFixtures.model()
        let limits = ServingFixtures.limits(memory, maxSequences: 1)
        let alone = try #require(ReplicaSimulator(model: model, limits: limits)
            .run([Request(arrival: 0, inputTokens: 512, outputTokens: 64)]).records.first)
        let service = alone.finish, prefill = alone.firstToken
        let arrivals = ArrivalProcess.poisson(rate: utilization / service)
        let requests = WorkloadGenerator.requests(count: 20_000, arrivals: arrivals, input: .fixed(512), output: .fixed(64), seed: 21)
        let metrics = ServingSimulation(model: model, limits: limits, replicas: 1).run(requests, arrivals: arrivals)
        let wait = utilization * service / (2 * (1 - utilization))
        #expect(abs(metrics.endToEnd.mean / (wait + service) - 1) < tolerance, "E2E \(metrics.endToEnd.mean) s, M/D/1 \(wait + service) s")
        // Service is deterministic: every request's E2E exceeds its TTFT by the same decode time.
        #expect(abs(metrics.endToEnd.mean - metrics.timeToFirstToken.mean - (service - prefill)) < 1e-9 * service)
        // Little's law on the open loop: the run keeps up, so its throughput is the arrival rate.
        #expect(abs(metrics.requestThroughput / (utilization / service) - 1) < 0.02)
    }

    /// Little's law on a closed loop: concurrency N = throughput × mean latency (requests/s × s).
    @Test func closedLoopObeysLittlesLaw() throws {
        let (model, memory) = try ServingFixtures.model()
        let requests = WorkloadGenerator.requests(count: 2000, arrivals: .closedLoop(concurrency: 32), input: .fixed(512), output: .fixed(128), seed: 9)
        let metrics = ServingSimulation(model: model, limits: ServingFixtures.limits(memory), replicas: 1).run(requests, arrivals: .closedLoop(concurrency: 32))
        let inSystem = metrics.requestThroughput * metrics.endToEnd.mean
        #expect(abs(inSystem / 32 - 1) < 0.02)
    }
}

struct CapacityPolicyTests {
    /// Guaranteed-no-evict admission (TensorRT-LLM) reserves the whole output, so it never preempts where
    /// on-demand admission (vLLM) overcommits and does.
    @Test func guaranteedNoEvictNeverPreempts() throws {
        let (model, memory) = try ServingFixtures.model()
        let requests = WorkloadGenerator.requests(count: 64, arrivals: .offline, input: .fixed(512), output: .fixed(512), seed: 1)
        var limits = ServingFixtures.limits(memory, kvTokens: 8 * 1024)
        let onDemand = ReplicaSimulator(model: model, limits: limits).run(requests)
        limits.reserveWholeSequence = true
        let reserved = ReplicaSimulator(model: model, limits: limits).run(requests)
        #expect(onDemand.preemptions > 0)
        #expect(reserved.preemptions == 0)
        #expect(reserved.records.count == 64)
    }
}
