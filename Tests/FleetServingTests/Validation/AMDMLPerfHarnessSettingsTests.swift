import Testing
import FleetPerformance
import FleetProfiles
@testable import FleetServing

/// AMD's MLPerf Inference v4.1 harness batches Server queries before its vLLM instances (96 queries or 0.3 s) and
/// runs vLLM without chunked prefill, 49152 batched tokens, 1024 sequences and 97 % of each device's memory.
struct AMDMLPerfHarnessSettingsTests {
    static func row(hardware: String = "amd-mi300x", engine: String = "vllm", mode: PublishedMeasurement.Mode = .server,
                    detail: String) -> PublishedMeasurement {
        PublishedMeasurement(rawID: "A", line: 1, engine: engine, engineVersion: nil, model: "llama-2-70b", hardware: hardware,
                             devices: 1, tensorParallel: 1, pipelineParallel: nil, expertParallel: nil,
                             weightPrecision: .fp8, activationPrecision: nil, kvPrecision: nil, workload: "openorca",
                             inputTokens: nil, outputTokens: nil, mode: mode, load: mode == .server ? nil : 1,
                             metric: .ttftMean, value: 1, detail: detail, sourceDate: "2024")
    }

    static func setup(_ row: PublishedMeasurement) throws -> MeasurementSetup {
        try MeasurementSetup.make(row, catalog: ServingFixtures.catalog, efficiencies: ServingFixtures.efficiencies, seed: 1)
    }

    static let v41Server = "MLPerf Inference v4.1 closed Server scenario; latency limits TTFT p99 2 s / TPOT p99 200 ms"

    @Test func aV41ServerRowOfVLLMOnAMDRunsTheHarnessSettings() throws {
        let setup = try Self.setup(Self.row(detail: Self.v41Server))
        #expect(setup.batching == RequestBatching(maxRequests: 96, maxWait: 0.3))
        #expect(setup.simulation(try StepModel(spec: setup.spec)).batching == setup.batching)
        #expect(!setup.limits.chunkedPrefill)
        #expect(setup.limits.maxBatchedTokens == 49152)
        #expect(setup.limits.maxSequences == 1024)
        // The memory plan takes the harness's memory share and sizes its activation workspace for its token budget.
        #expect(setup.spec.memoryFraction == 0.97)
        #expect(setup.spec.maxBatchedTokens == 49152)
    }

    /// Later rounds, other hardware, other engines and the Offline scenario keep the engine profile's behaviour.
    @Test func otherRowsKeepTheEngineProfile() throws {
        let v50 = Self.v41Server.replacingOccurrences(of: "v4.1", with: "v5.0")
        for row in [Self.row(detail: v50), Self.row(hardware: "nvidia-h100-sxm", detail: Self.v41Server),
                    Self.row(engine: "sglang", detail: Self.v41Server),
                    Self.row(mode: .offline, detail: "MLPerf Inference v4.1 closed Offline scenario")] {
            let setup = try Self.setup(row)
            #expect(setup.batching == nil, "\(row.hardware) \(row.engine) \(row.detail)")
            #expect(setup.limits.maxBatchedTokens != 49152)
        }
    }
}
