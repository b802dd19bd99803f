import Testing
import FleetPerformance
import FleetProfiles
@testable import FleetScenario

/// The comparison behind `fleetsim compare`: Monte Carlo per month, break-even distribution, tornado, checks.
struct ScenarioComparisonTests {
    static let efficiencies: KernelEfficiencies = {
        do {
            return try Document(contentsOf: Fixtures.root.appendingPathComponent("Profiles/calibration/kernels.yaml").path)
                .decode(KernelEfficiencies.self)
        } catch { preconditionFailure("\(error)") }
    }()

    func comparison(uncertainty: String = "", checks: String = "") throws -> ScenarioComparison {
        var text = Fixtures.valid
            .replacingOccurrences(of: "  arrivals: {pattern: poisson, rate: 2}",
                                  with: "  arrivals: {pattern: poisson, rate: 2}\n  requests: 300\n  slo: {percentile: 99, ttft: 2 s, tpot: 100 ms}")
            .replacingOccurrences(of: "finance:\n", with: "finance:\n  horizon_months: 24\n" + uncertainty)
        text += checks
        let scenario = try ScenarioLoader.load(text: text, file: "compare.yaml", catalog: Fixtures.catalog)
        return try ScenarioComparison.run(scenario, catalog: Fixtures.catalog, efficiencies: Self.efficiencies, serving: nil)
    }

    @Test func withoutUncertainInputsEveryPercentileIsTheDeterministicValue() throws {
        let result = try comparison()
        #expect(result.cost.uncertainInputs.isEmpty)
        for option in result.options {
            for (band, cash) in zip(option.cost.uncertainty.cumulativeCash, option.cost.cumulativeCash) {
                #expect(abs(band.p10 - cash) <= 1e-6 * cash && abs(band.p90 - cash) <= 1e-6 * cash)
            }
            #expect(abs(option.cost.uncertainty.costPerMillionTokens.p50 / option.cost.costPerMillionTokens - 1) < 1e-9)
        }
        for (a, row) in result.cost.breakEven.enumerated() {
            for (b, breakEven) in row.enumerated() where breakEven.month != nil {
                #expect(a != b && breakEven.p10 == breakEven.month && breakEven.p90 == breakEven.month)
            }
        }
    }

    /// Renting is linear in the hourly price: its tornado bar spans device-hours × (P90 − P10) per million
    /// tokens, and its cost per million tokens at the price's P10 and P90 bracket the Monte Carlo P50.
    @Test func tornadoOfALinearPriceSpansQuantityTimesTheDecileRange() throws {
        let result = try comparison(uncertainty: "  uncertainty:\n    samples: 4000\n    inputs:\n      on_demand: {low: 2, high: 4}\n")
        let rent = try #require(result.options.first { $0.name == "rent" })
        let bar = try #require(result.cost.tornado[1].first)
        #expect(bar.input == "on_demand")
        #expect(abs(bar.inputLow - 2.2) < 1e-12 && abs(bar.inputHigh - 3.8) < 1e-12)
        let deviceHours = rent.cost.months.reduce(0) { $0 + $1.deviceHours }
        #expect(abs(bar.swing - deviceHours * 1.6 / (rent.cost.totalTokens / 1e6)) < 1e-9 * bar.swing)
        let median = rent.cost.uncertainty.costPerMillionTokens.p50
        #expect(bar.costAtLow < median && median < bar.costAtHigh)
        // Cumulative bands never shrink month over month and stay ordered.
        var previous = 0.0
        for band in rent.cost.uncertainty.cumulativeCash {
            #expect(band.p10 <= band.p50 && band.p50 <= band.p90)
            #expect(band.p50 >= previous)
            previous = band.p50
        }
        #expect(result.cost.tornado[2].isEmpty, "the API option pays no uncertain input")
    }

    @Test func checksNameTheOptionMetricValueAndLimit() throws {
        let result = try comparison(checks: "checks:\n  max_cost_per_mtok: 0.5 USD/Mtok\n  max_ttft_p99: 10 ms\n")
        let outcomes = CheckOutcome.evaluate(result.scenario.checks, on: result)
        #expect(outcomes.map(\.option) == ["own", "own", "rent", "rent", "tokens"], "latency checks skip the API option")
        #expect(outcomes.filter { $0.check == "max_ttft_p99" }.allSatisfy { !$0.passed && $0.value > 0.01 })
        let tokens = try #require(outcomes.last)
        #expect(tokens.passed && abs(tokens.value - 0.4) < 1e-12)
        #expect(tokens.description == "pass: tokens max_cost_per_mtok = 0.4 USD/Mtok (limit ≤ 0.5 USD/Mtok)")
        let onlyRent = CheckOutcome.evaluate(result.scenario.checks.overridden(by: Checks(options: ["rent"])), on: result)
        #expect(Set(onlyRent.map(\.option)) == ["rent"])
    }

    /// Useful life and demand growth are not prices: each sample re-prices the options. A longer life lowers
    /// the owned option's cost per token; the same seed gives the same bands.
    @Test func nonPriceInputsWidenTheBandsAndJoinTheTornado() throws {
        let uncertainty = "  uncertainty:\n    samples: 300\n    inputs:\n      useful_life_years: {low: 3, high: 9}\n"
            + "      monthly_demand_growth: {low: 0, high: 0.05}\n"
        let result = try comparison(uncertainty: uncertainty)
        #expect(result.cost.uncertainInputs == ["useful_life_years", "monthly_demand_growth"])
        let own = try #require(result.options.first { $0.name == "own" })
        let band = own.cost.uncertainty.costPerMillionTokens
        #expect(band.p10 < band.p90)
        let life = try #require(result.cost.tornado[0].first { $0.input == "useful_life_years" })
        #expect(life.inputLow == 3.6 && abs(life.inputHigh - 8.4) < 1e-12)
        #expect(life.costAtHigh < life.costAtLow, "a longer life spreads the capex thinner")
        #expect(result.cost.tornado[0].contains { $0.input == "monthly_demand_growth" })
        #expect(!result.cost.tornado[1].contains { $0.input == "useful_life_years" }, "renting has no useful life")
        #expect(result.cost.tornado[2].isEmpty, "an API's price per token moves with neither")
        let again = try comparison(uncertainty: uncertainty)
        #expect(again.options.map(\.cost.uncertainty.totalCash) == result.options.map(\.cost.uncertainty.totalCash))
    }
}
