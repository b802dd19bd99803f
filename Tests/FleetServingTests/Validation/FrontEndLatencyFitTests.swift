import Testing
@testable import FleetServing

/// The front-end fit is the median residual, never negative, and its errors are those of the shifted TTFT.
struct FrontEndLatencyFitTests {
    static func observation(_ id: String, simulated: Double, measured: Double, source: String = "a") -> FrontEndLatencyFit.Observation {
        .init(rawID: id, engine: "e", source: source, simulated: simulated, measured: measured)
    }

    @Test func theFitIsTheMedianResidualAndOverloadedRowsDoNotMoveIt() {
        // Residuals 0.010, 0.012, 0.011 and one overloaded row at 0.700: median of four = (0.011 + 0.012) / 2.
        let group = [Self.observation("1", simulated: 0.020, measured: 0.030), Self.observation("2", simulated: 0.040, measured: 0.052),
                     Self.observation("3", simulated: 0.009, measured: 0.020), Self.observation("4", simulated: 0.500, measured: 1.200)]
        #expect(abs(FrontEndLatencyFit.fit(group) - 0.0115) < 1e-12)
        // Row 1 with the fitted latency: (0.020 + 0.0115) / 0.030 − 1 = +5 %.
        #expect(abs(FrontEndLatencyFit.error(group[0], 0.0115) - 5) < 1e-9)
    }

    @Test func aModelThatOverestimatesGetsNoNegativeFrontEnd() {
        let group = [Self.observation("1", simulated: 0.030, measured: 0.020), Self.observation("2", simulated: 0.050, measured: 0.040)]
        #expect(FrontEndLatencyFit.fit(group) == 0)
    }
}
