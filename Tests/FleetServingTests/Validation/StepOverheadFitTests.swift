import Foundation
import Testing
import FleetPerformance
import FleetProfiles
@testable import FleetServing

/// The step-overhead fit reads only rows that time one step, ignores the overhead the profiles already carry, and
/// the shipped TensorRT-LLM step overhead and front end are the fits of the reference rows, in that order.
struct StepOverheadFitTests {
    static let referenceValidation = ServingFixtures.root.deletingLastPathComponent().appendingPathComponent("shared/reference/validation.csv").path
    static var hasReference: Bool { FileManager.default.fileExists(atPath: referenceValidation) }

    static func row(_ metric: PublishedMeasurement.Metric, mode: PublishedMeasurement.Mode, load: Double?, output: Double?) -> PublishedMeasurement {
        PublishedMeasurement(rawID: "M1", line: 2, engine: "tensorrt-llm", engineVersion: nil, model: "llama-3.1-8b", hardware: "nvidia-h100-sxm",
                             devices: 1, tensorParallel: 1, pipelineParallel: 1, expertParallel: nil, weightPrecision: .bf16,
                             activationPrecision: nil, kvPrecision: nil, workload: "fixed", inputTokens: 128, outputTokens: output,
                             mode: mode, load: load, metric: metric, value: 10, detail: "", sourceDate: "2024")
    }

    @Test func onlyRowsThatTimeOneStepAreRead() {
        #expect(StepOverheadFit.observesOneStep(Self.row(.itlMean, mode: .rate, load: 2, output: 256)))
        #expect(StepOverheadFit.observesOneStep(Self.row(.tpotMean, mode: .concurrency, load: 8, output: 256)))
        #expect(StepOverheadFit.observesOneStep(Self.row(.ttftMean, mode: .batch, load: 1, output: 1)))
        // A p99 is a tail of the queue, a server row's load is searched, a larger batch's TTFT spans its prefill.
        #expect(!StepOverheadFit.observesOneStep(Self.row(.tpotP99, mode: .rate, load: 2, output: 256)))
        #expect(!StepOverheadFit.observesOneStep(Self.row(.tpotMean, mode: .server, load: nil, output: 256)))
        #expect(!StepOverheadFit.observesOneStep(Self.row(.ttftMean, mode: .batch, load: 8, output: 1)))
        #expect(!StepOverheadFit.observesOneStep(Self.row(.ttftMean, mode: .batch, load: 1, output: 128)))
    }

    @Test(.enabled(if: hasReference))
    func theShippedTensorRTLLMOverheadsAreTheFitsOfTheReference() throws {
        let text = try String(contentsOfFile: Self.referenceValidation, encoding: .utf8)
        let measurements = try MeasurementTable(text: text, file: "validation.csv").measurements
        let catalog = ServingFixtures.catalog, efficiencies = ServingFixtures.efficiencies
        let overheads = try #require(catalog.engine("tensorrt-llm")?.overheads)
        // The fit simulates without the profile's step overhead, so refitting with it in place reproduces it.
        let step = try #require(StepOverheadFit.fit(measurements, catalog: catalog, efficiencies: efficiencies).first { $0.engine == "tensorrt-llm" })
        #expect(abs(step.latency - (overheads.step?.value ?? 0)) <= 0.0000501,
                "overheads.step of tensorrt-llm is stale: run fleetsim calibrate --step-overhead")
        #expect(step.sources >= 2 && step.leaveOneSourceOut.median < step.before.median)
        let frontEnd = try #require(FrontEndLatencyFit.fit(measurements, catalog: catalog, efficiencies: efficiencies).first { $0.engine == "tensorrt-llm" })
        #expect(abs(frontEnd.latency - (overheads.frontEnd?.value ?? 0)) <= 0.0000501,
                "overheads.front_end of tensorrt-llm is stale: run fleetsim calibrate --front-end after the step overhead")
    }
}
