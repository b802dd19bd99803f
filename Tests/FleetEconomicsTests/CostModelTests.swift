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

/// Daily load curves, hybrid owning with an overflow, and procurement lead time, against hand-computed values.
struct CostModelLoadCurveTests {
    static let h100: HardwareProfile = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        do { return try ProfileCatalog.load(from: root.appendingPathComponent("Profiles").path).hardware("nvidia-h100-sxm")! } catch {
            preconditionFailure("\(error)")
        }
    }()
    /// Half the day at half the mean, half at 1.5 × the mean.
    static let curve = Array(repeating: 0.5, count: 12) + Array(repeating: 1.5, count: 12)
    static let fleet = CostModel.Fleet(hardware: h100, devicesPerReplica: 8, capacityPerReplica: 10, busy: 1)

    /// 10 requests/s on average: 12 hours at 5 (1 replica) and 12 at 15 (2 replicas) → 1.5 replicas × 8 devices × 730.5 h.
    @Test func onDemandRentingPaysTheHoursEachHourNeeds() {
        var model = CostModel(acquisition: .rentOnDemand(Price(2, .usd)), fleet: Self.fleet, currency: .usd)
        model.loadCurve = Self.curve
        let month = model.months(horizon: 1, requestRate: 10, monthlyGrowth: 0, inputTokens: 100, outputTokens: 100)[0]
        #expect(abs(month.deviceHours - 1.5 * 8 * 730.5) < 1e-9)
        #expect(abs(month.cash.amount - 2 * 8766) < 1e-6)
        #expect(month.devices == 16, "the peak hour's fleet")
    }

    @Test func reservedRentingPaysThePeakFleetEveryHour() {
        var model = CostModel(acquisition: .rentReserved(Price(2, .usd)), fleet: Self.fleet, currency: .usd)
        model.loadCurve = Self.curve
        let month = model.months(horizon: 1, requestRate: 10, monthlyGrowth: 0, inputTokens: 100, outputTokens: 100)[0]
        #expect(month.devices == 16)
        #expect(abs(month.cash.amount - 2 * 16 * 730.5) < 1e-6)
    }

    /// A base of 10 requests/s owns one replica (one 8-GPU server); the 12 peak hours send 5 of their 15
    /// requests/s to the API: 60 of 240 request-hours, a quarter of the month's requests.
    @Test func hybridOwnsTheBaseAndBuysThePeak() {
        let own = CostModel.Acquisition.own(serverPrice: Money(200_000, .usd), devicesPerServer: 8, electricity: nil, pue: 1.5, colocation: nil,
                                            usefulLifeYears: 5, costOfCapital: 0, maintenance: 0)
        var model = CostModel(acquisition: own, fleet: Self.fleet, currency: .usd)
        model.loadCurve = Self.curve
        model.baseRequestRate = 10
        model.overflow = .api(input: Price(1, .usd), output: Price(3, .usd))
        let months = model.months(horizon: 2, requestRate: 10, monthlyGrowth: 0, inputTokens: 100, outputTokens: 100)
        let requests = 10 * 730.5 * 3600
        let api = requests * 0.25 * (100 * 1 + 100 * 3) / 1e6
        #expect(months[0].serversOwned == 1 && months[0].serversBought == 1 && months[1].serversBought == 0)
        #expect(abs(months[0].cash.amount - (200_000 + api)) < 1e-6)
        #expect(abs(months[1].cash.amount - api) < 1e-6)
        #expect(abs(months[0].inputMegatokens - requests * 0.25 * 100 / 1e6) < 1e-6)
        // Economic cost: straight-line-equivalent at 0 % over 5 years = 40000 a year, 3333.33 a month, plus the API.
        #expect(abs(months[1].economicCost.amount - (200_000 / 5 / 12 + api)) < 1e-6)
    }

    /// With a 2-month lead time the server for month 3 is bought in month 1; months 1 and 2 go to the overflow.
    @Test func leadTimeBuysAheadAndOverflowsMeanwhile() {
        let own = CostModel.Acquisition.own(serverPrice: Money(200_000, .usd), devicesPerServer: 8, electricity: Price(0.1, .usd), pue: 1.5,
                                            colocation: nil, usefulLifeYears: 5, costOfCapital: 0, maintenance: 0)
        var model = CostModel(acquisition: own, fleet: Self.fleet, currency: .usd)
        model.leadTimeMonths = 2
        model.overflow = .api(input: Price(1, .usd), output: Price(1, .usd))
        let months = model.months(horizon: 4, requestRate: 5, monthlyGrowth: 0, inputTokens: 100, outputTokens: 100)
        let api = 5 * 730.5 * 3600 * 200 / 1e6
        #expect(months.map(\.serversBought) == [1, 0, 0, 0])
        #expect(months.map(\.serversOwned) == [0, 0, 1, 1])
        #expect(abs(months[0].cash.amount - (200_000 + api)) < 1e-6)
        #expect(abs(months[1].cash.amount - api) < 1e-6)
        #expect(months[0].energy == .zero && months[2].energy.value > 0)
        #expect(months[2].inputMegatokens == 0, "the owned server serves everything once it arrives")
    }
}
