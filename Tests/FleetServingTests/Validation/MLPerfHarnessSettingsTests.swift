import Testing
import FleetPerformance
import FleetProfiles
@testable import FleetServing

/// NVIDIA's MLPerf harness runs TensorRT-LLM with the max-utilization capacity policy, where the engine's own
/// default reserves each request's whole output at admission (guaranteed no evict).
struct MLPerfHarnessSettingsTests {
    static func row(engine: String, detail: String, mode: PublishedMeasurement.Mode = .server) -> PublishedMeasurement {
        PublishedMeasurement(rawID: "H", line: 1, engine: engine, engineVersion: nil, model: "llama-3.3-70b", hardware: "nvidia-h200-sxm",
                             devices: 1, tensorParallel: 1, pipelineParallel: nil, expertParallel: nil,
                             weightPrecision: .fp8, activationPrecision: nil, kvPrecision: nil, workload: nil,
                             inputTokens: 128, outputTokens: 128, mode: mode, load: nil, metric: .outputThroughput, value: 1,
                             detail: detail, sourceDate: "2025")
    }

    static func reservesWholeSequence(_ row: PublishedMeasurement) throws -> Bool {
        try MeasurementSetup.make(row, catalog: ServingFixtures.catalog, efficiencies: ServingFixtures.efficiencies, seed: 1)
            .limits.reserveWholeSequence
    }

    @Test func recognizesMLPerfResults() {
        #expect(MLPerfHarnessSettings.describes("MLPerf Inference v4.1 closed Offline scenario; TensorRT 10.1"))
        #expect(!MLPerfHarnessSettings.describes("Triton tensorrtllm_backend online serving; 500 requests"))
    }

    static let server = "MLPerf Inference v4.1 closed Server scenario; latency limits TTFT p99 2 s / TPOT p99 200 ms"

    @Test func anMLPerfServerRunAdmitsWithoutReservingTheOutput() throws {
        #expect(try !Self.reservesWholeSequence(Self.row(engine: "tensorrt-llm", detail: Self.server)))
        // An Offline run keeps the reservation (its batch sized to the KV cache), and so does a server run that is
        // not MLPerf's: the engine's own default, guaranteed no evict.
        #expect(try Self.reservesWholeSequence(Self.row(engine: "tensorrt-llm", detail: "MLPerf Inference v4.1 closed Offline scenario",
                                                        mode: .offline)))
        #expect(try Self.reservesWholeSequence(Self.row(engine: "tensorrt-llm", detail: "server benchmark; TTFT p99 2 s / TPOT p99 200 ms")))
    }
}
