import Testing
@testable import FleetPerformance

struct AttentionKernelEfficiencyTests {
    @Test func efficiencyIsHalfOfTheLongSequenceValueAtTheOverheadLength() {
        let kernel = AttentionKernelEfficiency(value: 0.6, overheadTokens: 800, rows: [])
        #expect(kernel.efficiency(sequence: 800) == 0.3)
        #expect(kernel.efficiency(sequence: nil) == 0.6)
        #expect(kernel.efficiency(sequence: 1_000_000) < 0.6 && kernel.efficiency(sequence: 1_000_000) > 0.599)
    }

    @Test func fitRecoversBothParametersFromRowsAtSeveralLengths() throws {
        let truth = AttentionKernelEfficiency(value: 0.66, overheadTokens: 600, rows: [])
        let samples = [512.0, 2048, 16384].map { (truth.efficiency(sequence: $0) * 989.4, 989.4, Optional($0), "M\(Int($0))") }
        let fit = try #require(AttentionKernelEfficiency.fit(samples))
        #expect(abs(fit.value - 0.66) < 1e-9 && abs(fit.overheadTokens - 600) < 1e-6)
    }

    @Test func withoutLengthsOrWithAFallingCurveTheOverheadIsZero() throws {
        let unstated = try #require(AttentionKernelEfficiency.fit([(600, 1000, nil, "M1"), (640, 1000, nil, "M2")]))
        #expect(unstated.overheadTokens == 0 && abs(unstated.value - 0.62) < 1e-12)
        // Faster at short sequences would need a negative S₀: the mean ratio is kept instead.
        let falling = try #require(AttentionKernelEfficiency.fit([(700, 1000, 512, "M1"), (500, 1000, 8192, "M2")]))
        #expect(falling.overheadTokens == 0 && abs(falling.value - 0.6) < 1e-12)
        #expect(AttentionKernelEfficiency.fit([]) == nil)
    }
}
