import Foundation
import Testing
@testable import FleetServing

/// The latency limits a server benchmark's description states, and the load search that runs the rebuild
/// at the highest rate within them.
struct LatencyLimitsTests {
    @Test func readsSecondsMillisecondsAndPerUserRates() throws {
        let server = try #require(MeasurementSetup.LatencyLimits(
            detail: "MLPerf Inference v4.1 closed Server scenario; latency limits TTFT p99 2 s / TPOT p99 200 ms; DGX H100"))
        #expect(server.timeToFirstTokenP99 == 2)
        #expect(server.timePerOutputTokenP99 == 0.2)
        let interactive = try #require(MeasurementSetup.LatencyLimits(detail: "Interactive scenario; TTFT p99 450 ms / TPOT p99 40 ms; ROCm"))
        #expect(interactive.timeToFirstTokenP99 == 0.45)
        #expect(interactive.timePerOutputTokenP99 == 0.04)
        let perUser = try #require(MeasurementSetup.LatencyLimits(detail: "Server scenario; TTFT p99 2 s and 12.5 tok/s/user; DeepSeek-R1"))
        #expect(perUser.timeToFirstTokenP99 == 2)
        #expect(perUser.timePerOutputTokenP99 == 0.08)
    }

    @Test func aDescriptionWithoutLimitsHasNone() {
        #expect(MeasurementSetup.LatencyLimits(detail: "MLPerf Inference v5.1 closed Server scenario; TensorRT 10.11 CUDA 12.9") == nil)
        #expect(MeasurementSetup.LatencyLimits(detail: "TTFT p99 fast") == nil)
    }

    @Test func theLoadSearchFindsTheRateWhereTheObjectiveStopsHolding() {
        // An objective that holds up to 37 requests/s: the search brackets it within 1 % of the bound (105).
        let rate = LoadSearch.highestRate(saturation: 100) { $0 <= 37 }
        #expect(rate <= 37 && rate > 37 - 1.05)
        #expect(LoadSearch.highestRate(saturation: 100) { _ in true } == 105)
        #expect(LoadSearch.highestRate(saturation: 100) { _ in false } == 0)
        #expect(LoadSearch.highestRate(saturation: 0) { _ in true } == 0)
    }

    @Test func anExpandingSearchGoesPastTheSaturatedRateWhileTheObjectiveHolds() {
        // Holding up to 300 requests/s against a saturated rate of 100: the bound rises by 1.25 from 105 until it
        // fails (256.3 meets, 320.4 does not), then bisection brackets the rate within 1 % of 320.4.
        let rate = LoadSearch.highestRate(saturation: 100, expandsPastSaturation: true) { $0 <= 300 }
        #expect(rate <= 300 && rate > 300 - 3.3)
        // Below the saturated rate it searches as before, and it stops rising after eight expansions.
        #expect(LoadSearch.highestRate(saturation: 100, expandsPastSaturation: true) { $0 <= 37 }
                == LoadSearch.highestRate(saturation: 100) { $0 <= 37 })
        let ceiling = LoadSearch.highestRate(saturation: 100, expandsPastSaturation: true) { _ in true }
        #expect(abs(ceiling - 105 * pow(LoadSearch.expansionFactor, Double(LoadSearch.maximumExpansions))) < 1e-9)
    }
}
