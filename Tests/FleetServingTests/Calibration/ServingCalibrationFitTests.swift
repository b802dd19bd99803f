import Testing
import FleetPerformance
import FleetProfiles
@testable import FleetServing

/// The serving fit scales the modelled step times per engine and hardware family, keeps the engine's sourced
/// step overhead, and keeps only entries that improve their rows when each source is left out.
struct ServingCalibrationFitTests {
    /// A row whose measured duration is `scale` × its variable time plus its fixed time and engine overhead,
    /// times a per-row `noise` factor.
    static func observation(_ id: Int, source: String, family: String = "blackwell", scale: Double, noise: Double = 1) -> ServingCalibrationFit.Observation {
        let variable = 10.0 + Double(id % 7), fixed = 1.0, steps = 400.0 + Double(id % 5) * 50, engineStep = 0.0025
        return .init(rawID: "R\(id)", source: source, engine: "tensorrt-llm", family: family,
                     modelledTime: variable + fixed, fixedTime: fixed, engineStep: engineStep, steps: steps,
                     measuredTime: (scale * variable + fixed + steps * engineStep) * noise)
    }

    @Test func aFamilySlowerThanModelledIsScaledAndKeepsTheEnginesOverhead() throws {
        let rows = (0..<40).map { Self.observation($0, source: $0 < 20 ? "A" : "B", scale: 1.35, noise: $0 % 2 == 0 ? 1.02 : 0.98) }
        let (calibration, report) = ServingCalibrationFit.fitWithReport(rows, fittedFrom: "test")
        let entry = try #require(calibration.entries.first)
        // The ridge row pulls toward 1 with the weight of one row among forty: the scale lands within 2 %.
        #expect(abs(entry.timeScale - 1.35) < 0.03)
        #expect(entry.stepOverhead.value == 0.0025)
        #expect(report.entries.map(\.kept) == [true])
        #expect(report.after.median < report.before.median)
        #expect(report.leaveOneSourceOut.median < report.before.median)
    }

    @Test func anEntryFromOneSourceIsNotKept() {
        let rows = (0..<10).map { Self.observation($0, source: "A", family: "ada", scale: 1.5) }
        let (calibration, report) = ServingCalibrationFit.fitWithReport(rows, fittedFrom: "test")
        #expect(calibration.entries.isEmpty)
        #expect(report.entries.map(\.sources) == [1])
        // Dropped entries count uncalibrated in every summary.
        #expect(report.after.median == report.before.median)
        #expect(report.leaveOneSourceOut.median == report.before.median)
    }

    @Test func anEntryThatDoesNotCarryAcrossSourcesIsNotKept() {
        // Source A runs 40 % slower than modelled and source B 30 % faster: each fit without one source
        // predicts the other worse than the uncalibrated model.
        let rows = (0..<20).map { Self.observation($0, source: $0 < 10 ? "A" : "B", scale: $0 < 10 ? 1.4 : 0.7) }
        let (calibration, report) = ServingCalibrationFit.fitWithReport(rows, fittedFrom: "test")
        #expect(calibration.entries.isEmpty)
        #expect(report.entries.map(\.kept) == [false])
    }

    @Test func theShippedCalibrationKeepsEachEnginesStepOverhead() throws {
        let shipped = try #require(ServingFixtures.serving)
        #expect(!shipped.entries.isEmpty)
        for entry in shipped.entries {
            let engine = try #require(ServingFixtures.catalog.engine(entry.engine))
            #expect(entry.stepOverhead.value == engine.overheads?.step?.value ?? 0, "\(entry.engine) on \(entry.family)")
            #expect(!entry.rows.isEmpty)
        }
    }
}
