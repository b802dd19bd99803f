import Testing
import FleetPerformance
import FleetProfiles
import FleetUnits
@testable import FleetServing

/// A published run made at a submitter's power limit (MLPerf MaxQ) is rebuilt at that cap, never at board power.
struct PowerLimitedRunTests {
    static func row(hardware: String = "nvidia-h200-sxm", devices: Int = 8, detail: String, metric: PublishedMeasurement.Metric = .outputThroughput)
        -> PublishedMeasurement {
        PublishedMeasurement(rawID: "P", line: 1, engine: "tensorrt-llm", engineVersion: nil, model: "llama-2-70b", hardware: hardware,
                             devices: devices, tensorParallel: 1, pipelineParallel: nil, expertParallel: nil,
                             weightPrecision: .fp8, activationPrecision: .fp8, kvPrecision: nil, workload: nil,
                             inputTokens: 222, outputTokens: 294, mode: .offline, load: nil, metric: metric, value: 1,
                             detail: detail, sourceDate: "2024")
    }

    @Test func aListedLimitIsFoundAndAnUnlistedMaxQRunIsRefused() throws {
        let catalog = ServingFixtures.catalog
        let maxQ = Self.row(detail: "MLPerf Inference v4.1 closed Offline scenario; MaxQ power-optimized; TGP 700W")
        #expect(try MeasurementSetup.powerLimit(of: maxQ, catalog: catalog) == Watts(500))
        // Same text on another device count, or another round: no listed limit, so the row is refused.
        #expect(throws: PerformanceError.self) { try MeasurementSetup.powerLimit(of: Self.row(devices: 4, detail: maxQ.detail), catalog: catalog) }
        #expect(throws: PerformanceError.self) {
            try MeasurementSetup.powerLimit(of: Self.row(detail: "MLPerf Inference v9.9 closed Offline scenario; MaxQ"), catalog: catalog)
        }
        #expect(try MeasurementSetup.powerLimit(of: Self.row(detail: "MLPerf Inference v4.1 closed Offline scenario"), catalog: catalog) == nil)
    }

    @Test func theCappedRunIsSlowerAndDrawsTheCappedPower() throws {
        let catalog = ServingFixtures.catalog, efficiencies = ServingFixtures.efficiencies
        let full = Self.row(detail: "MLPerf Inference v4.1 closed Offline scenario")
        let capped = Self.row(detail: "MLPerf Inference v4.1 closed Offline scenario; MaxQ")
        let fullRun = try MeasurementSetup.rebuild(full, catalog: catalog, efficiencies: efficiencies, seed: 1)
        let cappedRun = try MeasurementSetup.rebuild(capped, catalog: catalog, efficiencies: efficiencies, seed: 1)
        #expect(cappedRun.setup.spec.hardware.power.board == Watts(500))
        #expect(cappedRun.metrics.outputThroughput < fullRun.metrics.outputThroughput)
        // Power rows: the capped server power, 200 W less per device than at board power.
        let power = EndToEndValidation([Self.row(detail: full.detail, metric: .systemPower), Self.row(detail: capped.detail, metric: .systemPower)],
                                       catalog: catalog, efficiencies: efficiencies)
        #expect(power.outcomes.count == 2)
        #expect(power.outcomes[0].predicted - power.outcomes[1].predicted == 8 * 200)
    }
}
