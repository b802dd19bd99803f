import Testing
import FleetPerformance
import FleetProfiles
@testable import FleetServing

/// A throughput benchmark that leaves its tensor parallelism unpublished is rebuilt with the layout of highest
/// simulated throughput, as its submitter would tune it; a published layout is kept as published.
struct MeasurementLayoutTests {
    static func row(_ id: String, hardware: String, devices: Int, tensor: Int? = nil, mode: PublishedMeasurement.Mode,
                    weights: Precision = .fp8, detail: String = "offline benchmark") -> PublishedMeasurement {
        PublishedMeasurement(rawID: id, line: 1, engine: "tensorrt-llm", engineVersion: nil, model: "llama-2-70b", hardware: hardware,
                             devices: devices, tensorParallel: tensor, pipelineParallel: nil, expertParallel: nil,
                             weightPrecision: weights, activationPrecision: weights, kvPrecision: nil, workload: nil,
                             inputTokens: 222, outputTokens: 294, mode: mode, load: nil, metric: .outputThroughput, value: 1,
                             detail: detail, sourceDate: "2024")
    }

    /// Server probes last 60 s here unless a test asks for the benchmark's own 600 s: the ranking does not depend
    /// on it, and a debug build simulates slowly.
    static func rebuild(_ row: PublishedMeasurement, serverDuration: Double = 60) throws -> (setup: MeasurementSetup, metrics: ServingMetrics) {
        try MeasurementSetup.rebuild(row, catalog: ServingFixtures.catalog, efficiencies: ServingFixtures.efficiencies, seed: 1,
                                     serverDuration: serverDuration)
    }

    @Test func anUnpublishedLayoutIsTheFastestOfTheLayoutsThatFit() throws {
        let chosen = try Self.rebuild(Self.row("A", hardware: "nvidia-h200-sxm", devices: 8, mode: .offline))
        // Every tensor size that divides 8 within the H200's 8-GPU NVLink domain, simulated as published.
        var throughputs: [Int: Double] = [:]
        for size in [1, 2, 4, 8] {
            throughputs[size] = try Self.rebuild(Self.row("A", hardware: "nvidia-h200-sxm", devices: 8, tensor: size, mode: .offline))
                .metrics.outputThroughput
        }
        let best = try #require(throughputs.max { $0.value < $1.value })
        #expect(chosen.setup.spec.tensorParallel == best.key)
        #expect(chosen.setup.replicas * chosen.setup.spec.tensorParallel == 8)
        #expect(chosen.metrics.outputThroughput == best.value)
        // Eight replicas of one GPU beat one tensor group of eight for a 70B model that fits one H200.
        #expect(best.key < 8)
    }

    @Test func aLayoutThatCannotHoldTheModelIsNotChosen() throws {
        // 16-bit Llama-2-70B (about 138 GB) cannot fit one 80 GB H100, nor two with room for the KV cache of a request.
        let chosen = try Self.rebuild(Self.row("B", hardware: "nvidia-h100-sxm", devices: 8, mode: .offline, weights: .bf16))
        #expect(chosen.setup.spec.tensorParallel >= 2)
        #expect(throws: PerformanceError.self) {
            try Self.rebuild(Self.row("B", hardware: "nvidia-h100-sxm", devices: 8, tensor: 1, mode: .offline, weights: .bf16))
        }
    }

    @Test func theLayoutStaysWithinOneScaleUpDomain() throws {
        // H100 NVL cards are bridged in pairs: a tensor group never spans two pairs.
        let chosen = try Self.rebuild(Self.row("C", hardware: "nvidia-h100-nvl", devices: 8, mode: .offline))
        #expect(chosen.setup.spec.tensorParallel <= 2)
    }

    @Test func aPublishedLayoutAndALatencyBenchmarkAreRebuiltAsPublished() throws {
        let published = try Self.rebuild(Self.row("D", hardware: "nvidia-h200-sxm", devices: 8, tensor: 8, mode: .offline))
        #expect(published.setup.spec.tensorParallel == 8 && published.setup.replicas == 1)
        // A static-batch latency benchmark states no throughput objective: one tensor group over its devices.
        var batch = Self.row("E", hardware: "nvidia-h200-sxm", devices: 4, mode: .batch)
        batch = PublishedMeasurement(rawID: batch.rawID, line: 1, engine: batch.engine, engineVersion: nil, model: batch.model,
                                     hardware: batch.hardware, devices: 4, tensorParallel: nil, pipelineParallel: nil, expertParallel: nil,
                                     weightPrecision: .fp8, activationPrecision: .fp8, kvPrecision: nil, workload: nil, inputTokens: 222,
                                     outputTokens: 294, mode: .batch, load: 8, metric: .outputThroughput, value: 1, detail: "", sourceDate: "2024")
        #expect(try Self.rebuild(batch).setup.spec.tensorParallel == 4)
    }

    @Test func aServerRowIsRankedAtTheHighestRateWithinItsLimits() throws {
        let detail = "MLPerf Inference v4.1 closed Server scenario; latency limits TTFT p99 2 s / TPOT p99 200 ms"
        let chosen = try Self.rebuild(Self.row("F", hardware: "nvidia-h200-sxm", devices: 2, mode: .server, detail: detail))
        let limits = try #require(chosen.setup.latencyLimits)
        #expect(limits.areMet(by: chosen.metrics))
        for size in [1, 2] {
            let other = try Self.rebuild(Self.row("F", hardware: "nvidia-h200-sxm", devices: 2, tensor: size, mode: .server, detail: detail))
            #expect(other.metrics.outputThroughput <= chosen.metrics.outputThroughput)
        }
    }

    @Test func aServerProbeLastsTheBenchmarksShortestRun() throws {
        let detail = "MLPerf Inference v4.1 closed Server scenario; latency limits TTFT p99 2 s / TPOT p99 200 ms"
        let rebuilt = try Self.rebuild(Self.row("G", hardware: "nvidia-h200-sxm", devices: 1, tensor: 1, mode: .server, detail: detail),
                                     serverDuration: MeasurementSetup.serverMinimumDuration)
        // LoadGen's Server minimum is 600 s: the answer is a steady state, not the ramp-up of the batch.
        #expect(rebuilt.metrics.duration >= 0.95 * MeasurementSetup.serverMinimumDuration)
        #expect(rebuilt.metrics.requests >= Int(0.95 * rebuilt.metrics.requestThroughput * MeasurementSetup.serverMinimumDuration))
        // Near saturation the batch fills the KV cache and a token waits for a long step: TPOT is several times
        // the light-load figure (about 22 ms at half this rate).
        #expect(rebuilt.metrics.timePerOutputToken.mean > 0.06)
        let setup = rebuilt.setup
        #expect(setup.serverProbeCount(rate: 10) == max(setup.requests.count, 6000))
        #expect(setup.serverProbeCount(rate: 1e9) == MeasurementSetup.serverProbeRequestCap)
        #expect(setup.serverProbeCount(rate: 0.001) == setup.requests.count)
    }
}
