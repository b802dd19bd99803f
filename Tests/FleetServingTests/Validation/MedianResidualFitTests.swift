import Testing
@testable import FleetServing

/// The per-engine latency fits are the median residual, never negative, and their errors are those of the
/// shifted figure.
struct MedianResidualFitTests {
    static func observation(_ id: String, simulated: Double, measured: Double, source: String = "a") -> MedianResidualFit.Observation {
        .init(rawID: id, engine: "e", source: source, simulated: simulated, measured: measured)
    }

    @Test func theFitIsTheMedianResidualAndOverloadedRowsDoNotMoveIt() {
        // Residuals 0.010, 0.012, 0.011 and one overloaded row at 0.700: median of four = (0.011 + 0.012) / 2.
        let group = [Self.observation("1", simulated: 0.020, measured: 0.030), Self.observation("2", simulated: 0.040, measured: 0.052),
                     Self.observation("3", simulated: 0.009, measured: 0.020), Self.observation("4", simulated: 0.500, measured: 1.200)]
        #expect(abs(MedianResidualFit.fit(group) - 0.0115) < 1e-12)
        // Row 1 with the fitted latency: (0.020 + 0.0115) / 0.030 − 1 = +5 %.
        #expect(abs(MedianResidualFit.error(group[0], 0.0115) - 5) < 1e-9)
    }

    @Test func aModelThatOverestimatesGetsNoNegativeLatency() {
        let group = [Self.observation("1", simulated: 0.030, measured: 0.020), Self.observation("2", simulated: 0.050, measured: 0.040)]
        #expect(MedianResidualFit.fit(group) == 0)
    }

    @Test func leavingASourceOutFitsItsRowsWithTheOthersOnly() throws {
        // Source "a" residuals 2, 2, 2 ms; source "b" residuals 4, 4, 4 ms. Together the median is 3 ms; "a" left
        // out, "b" fits 4 ms, so a's rows come out 2 ms slow: (0.010 + 0.004) / 0.012 − 1 = +16.7 %; "b" left out,
        // b's rows come out 2 ms fast: (0.010 + 0.002) / 0.014 − 1 = −14.3 %.
        let group = (1...3).map { Self.observation("a\($0)", simulated: 0.010, measured: 0.012, source: "a") }
            + (1...3).map { Self.observation("b\($0)", simulated: 0.010, measured: 0.014, source: "b") }
        let result = try #require(MedianResidualFit.results(group, minimumRows: 3).first)
        #expect(abs(result.latency - 0.003) < 1e-12)
        #expect(result.sources == 2)
        #expect(abs(result.leaveOneSourceOut.maximum - 100.0 / 6.0) < 1e-9)
        #expect(abs(result.leaveOneSourceOut.median - (100.0 / 6.0 + 100.0 / 7.0) / 2) < 1e-9)
        #expect(MedianResidualFit.results(Array(group.prefix(2)), minimumRows: 3).isEmpty)
    }
}
