import Foundation
import Testing
import FleetProfiles
import FleetUnits
@testable import FleetEconomics

struct CostModelTests {
    /// CRF at 8 % over 6 years: 0.08 · 1.08⁶ / (1.08⁶ − 1) = 0.08 · 1.586874 / 0.586874 = 0.216315.
    @Test func capitalRecoveryFactorMatchesHandComputation() {
        #expect(abs(CapitalRecovery.factor(rate: 0.08, years: 6) - 0.216315) < 1e-6)
        #expect(CapitalRecovery.factor(rate: 0, years: 5) == 0.2)
    }

    /// (100,000 − 10,000) / 5 years = 18,000 a year.
    @Test func straightLineDepreciationMatchesHandComputation() {
        #expect(CapitalRecovery.straightLine(cost: 100_000, residual: 10_000, years: 5) == 18_000)
    }

    /// One DGX H100 (10.2 kW for 8 GPUs) at PUE 1.58 for one 730.5-hour month:
    /// 10,200 W · 1.58 · 730.5 h = 11,772,738 Wh.
    @Test func energyOfAServerMonthMatchesHandComputation() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let catalog = try ProfileCatalog.load(from: root.appendingPathComponent("Profiles").path)
        let h100 = try #require(catalog.hardware("nvidia-h100-sxm"))
        let perDevice = try #require(EnergyModel.provisionedPower(perDevice: h100))
        #expect(perDevice == Watts(1275))
        let energy = EnergyModel.facilityEnergy(itPower: perDevice * 8, pue: 1.58, duration: Seconds(730.5 * 3600))
        #expect(abs(energy.value / 3600 - 11_772_738) < 1e-3)
    }

    /// Own: 101 in month 1 then 1 a month (cumulative 100 + m); rent: 10 a month (cumulative 10 m).
    /// 100 + m ≤ 10 m from m ≥ 11.1: owning is no dearer from month 12 (112 ≤ 120; month 11: 111 > 110).
    @Test func breakEvenMonthMatchesHandComputation() {
        func months(_ cash: [Double]) -> [CostModel.Month] {
            cash.enumerated().map { CostModel.Month(index: $0.offset + 1, requestRate: 1, devices: 1, cash: Money($0.element, .usd),
                                                    economicCost: Money($0.element, .usd), energy: .zero, tokens: 1) }
        }
        let own = months([101] + Array(repeating: 1, count: 35))
        let rent = months(Array(repeating: 10, count: 36))
        #expect(CostModel.breakEvenMonth(own, rent) == 12)
        #expect(CostModel.breakEvenMonth(rent, own) == 1)
    }

    /// A 40 % yearly decline: month 13 costs 0.6 of month 1.
    @Test func apiPricesDeclineYearOnYear() {
        let model = CostModel(acquisition: .api(input: Price(0.5, .usd), output: Price(1.5, .usd), yearlyDecline: 0.4), fleet: nil, currency: .usd)
        let months = model.months(horizon: 13, requestRate: 1, monthlyGrowth: 0, inputTokens: 1000, outputTokens: 200)
        #expect(abs(months[12].cash.amount / months[0].cash.amount - 0.6) < 1e-12)
    }

    @Test func apiCostIsTokensTimesPrices() {
        let model = CostModel(acquisition: .api(input: Price(0.5, .usd), output: Price(1.5, .usd)), fleet: nil, currency: .usd)
        let month = model.months(horizon: 1, requestRate: 1, monthlyGrowth: 0, inputTokens: 1000, outputTokens: 200)[0]
        let requests = 730.5 * 3600
        #expect(abs(month.cash.amount - requests * (1000 * 0.5 + 200 * 1.5) / 1e6) < 1e-6)
    }
}

struct DepreciationTests {
    /// 100,000 with 10,000 left after 5 years at 8 %: 1.08⁵ = 1.469328, 10,000 / 1.469328 = 6,805.83,
    /// CRF(8 %, 5) = 0.08 · 1.469328 / 0.469328 = 0.250456; (100,000 − 6,805.83) · 0.250456 = 23,341.08 a year.
    @Test func annualizedCostNetOfResidualMatchesHandComputation() {
        #expect(abs(CapitalRecovery.annualized(cost: 100_000, residual: 10_000, rate: 0.08, years: 5) - 23_341.08) < 0.01)
    }

    /// One 8-GPU server of 120,000 with 10 % residual after 5 years: straight line (120,000 − 12,000) / 5 / 12
    /// = 1,800 a month; capital recovery at 8 % 23,341.08 · 1.2 / 12 = 2,334.11 a month.
    @Test func depreciationChoiceSetsTheMonthlyEconomicCost() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let h100 = try #require(try ProfileCatalog.load(from: root.appendingPathComponent("Profiles").path).hardware("nvidia-h100-sxm"))
        func month(_ depreciation: CostModel.Depreciation) -> Double {
            let model = CostModel(acquisition: .own(serverPrice: Money(120_000, .usd), devicesPerServer: 8, electricity: nil, pue: 1.5,
                                                    colocation: nil, usefulLifeYears: 5, costOfCapital: 0.08, maintenance: 0,
                                                    depreciation: depreciation, residualFraction: 0.1),
                                  fleet: .init(hardware: h100, devicesPerReplica: 8, capacityPerReplica: 10, busy: 1), currency: .usd)
            return model.months(horizon: 1, requestRate: 5, monthlyGrowth: 0, inputTokens: 1, outputTokens: 1)[0].economicCost.amount
        }
        #expect(abs(month(.straightLine) - 1_800) < 1e-9)
        #expect(abs(month(.capitalRecovery) - 2_334.108) < 0.01)
    }
}
