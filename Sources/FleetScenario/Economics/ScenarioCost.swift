import FleetEconomics
import Foundation
import FleetLinearAlgebra
import FleetPerformance
import FleetProfiles
import FleetServing
import FleetUnits

/// The cost of every option of a scenario over its horizon: deployments sized by their capacity within
/// the latency objective, owned or rented; APIs paid per token.
public enum ScenarioCost {
    /// A unit price an option pays, with how much of it the option uses: each month (cash) and over the
    /// horizon for the economic cost (capex annualized). The option's costs are linear in the price.
    struct PricedInput: Sendable {
        let name: String
        let monthlyQuantity: [Double]
        let economicQuantity: Double
        let price: Double
    }

    public struct OptionResult: Sendable {
        public let option: String
        /// `own`, `rent-on-demand`, `rent-reserved-1y`, `rent-reserved-3y` or `api`.
        public let acquisition: String
        /// The deployment (nil for APIs).
        public let deployment: String?
        public let hardware: HardwareProfile?
        public let devicesPerReplica: Int?
        public let months: [CostModel.Month]
        /// Requests/s one replica serves within the objective (nil for APIs).
        public let capacityPerReplica: Double?
        /// Fraction of time a replica steps at that capacity.
        public let busy: Double?
        /// Latency against load of one replica (nil for APIs and when the scenario sets no objective).
        public let capacityCurve: CapacitySearch.Result?
        /// Whether energy is at provisioned power because the profile has no sourced idle power.
        public let energyUpperBound: Bool
        /// Monte Carlo results; deterministic values with no spread until ``report(_:catalog:efficiencies:serving:)`` fills them.
        public internal(set) var uncertainty: OptionUncertainty
        let priced: [PricedInput]

        public var totalCash: Double { months.reduce(0) { $0 + $1.cash.amount } }
        /// Input + output tokens served over the horizon.
        public var totalTokens: Double { months.reduce(0) { $0 + $1.tokens } }
        /// Economic cost (capex annualized) over the horizon.
        public var totalEconomicCost: Double { months.reduce(0) { $0 + $1.economicCost.amount } }
        /// Economic cost (capex annualized) per million tokens over the horizon.
        public var costPerMillionTokens: Double { totalEconomicCost / max(1e-9, totalTokens / 1e6) }
        /// Cumulative cash at the end of each month.
        public var cumulativeCash: [Double] {
            var total = 0.0
            return months.map { total += $0.cash.amount; return total }
        }
    }

    /// P10, P50 and P90 of a sampled quantity.
    public struct Percentiles: Sendable, Equatable {
        public let p10: Double
        public let p50: Double
        public let p90: Double
        public init(p10: Double, p50: Double, p90: Double) {
            self.p10 = p10
            self.p50 = p50
            self.p90 = p90
        }
        /// All three equal to `value`.
        public init(_ value: Double) { self.init(p10: value, p50: value, p90: value) }
    }

    /// What the Monte Carlo says about one option.
    public struct OptionUncertainty: Sendable {
        /// Cumulative cash at the end of each month.
        public let cumulativeCash: [Percentiles]
        /// Economic cost per million tokens.
        public let costPerMillionTokens: Percentiles
        public var totalCash: Percentiles { cumulativeCash.last ?? Percentiles(0) }
    }

    /// The month from which one option's cumulative cash is at most another's: deterministic, and the
    /// P10/P50/P90 over the samples (nil: not within the horizon).
    public struct BreakEven: Sendable, Equatable {
        public let month: Int?
        public let p10: Int?
        public let p50: Int?
        public let p90: Int?
    }

    /// How much one option's economic cost per million tokens moves when one uncertain input goes from its
    /// P10 to its P90 with every other input at its deterministic value.
    public struct TornadoBar: Sendable, Equatable {
        public let input: String
        public let inputLow: Double
        public let inputHigh: Double
        public let costAtLow: Double
        public let costAtHigh: Double
        public var swing: Double { abs(costAtHigh - costAtLow) }
    }

    /// Options with their Monte Carlo percentiles; `probabilityCheaper[a][b]` = P(option a's total cash < b's),
    /// `breakEven[a][b]` the month from which a's cumulative cash is at most b's.
    public struct Report: Sendable {
        public let options: [OptionResult]
        public let probabilityCheaper: [[Double]]
        public let breakEven: [[BreakEven]]
        /// Per option, the inputs that move its cost per million tokens, largest swing first.
        public let tornado: [[TornadoBar]]
        public let samples: Int
        /// Names of the inputs sampled (the rest are fixed at their deterministic values).
        public let uncertainInputs: [String]
    }

    /// Mean input and output tokens per request of the scenario's seeded workload.
    public static func meanLengths(_ scenario: Scenario) -> (input: Double, output: Double) {
        let (_, requests) = ScenarioSimulation.requests(scenario)
        let count = Double(max(1, requests.count))
        return (Double(requests.reduce(0) { $0 + $1.inputTokens }) / count, Double(requests.reduce(0) { $0 + $1.outputTokens }) / count)
    }

    /// One replica of a deployment: requests/s within the objective, its busy fraction there, and the latency
    /// curve of the capacity search (nil without an objective).
    struct ReplicaCapacity: Sendable {
        let perReplica: Double
        let busy: Double
        let curve: CapacitySearch.Result?
    }

    /// - Throws: ``PerformanceError`` for what cannot be priced or modelled, naming the option.
    public static func run(_ scenario: Scenario, catalog: ProfileCatalog, efficiencies: KernelEfficiencies,
                           serving: ServingCalibration?) throws(PerformanceError) -> [OptionResult] {
        try price(scenario, capacities: try capacities(scenario, catalog: catalog, efficiencies: efficiencies, serving: serving),
                  lengths: meanLengths(scenario), catalog: catalog)
    }

    /// The capacity of one replica of each deployment an option uses: the capacity search under the
    /// objective, or the saturated throughput without one.
    static func capacities(_ scenario: Scenario, catalog: ProfileCatalog, efficiencies: KernelEfficiencies,
                           serving: ServingCalibration?) throws(PerformanceError) -> [String: ReplicaCapacity] {
        let workload = scenario.workload
        var capacities: [String: ReplicaCapacity] = [:]
        let used = Set(scenario.options.compactMap(\.deployment))
        var single = scenario
        single.deployments = scenario.deployments.filter { used.contains($0.name) }.map { var d = $0; d.replicas = 1; return d }
        let hasObjective = workload.slo.timeToFirstToken != nil || workload.slo.timePerOutputToken != nil || workload.slo.endToEnd != nil
        if hasObjective {
            for result in try CapacitySearch.run(single, catalog: catalog, efficiencies: efficiencies, serving: serving) {
                let busy = result.curve.first { abs($0.rate - result.capacity) < 1e-9 }?.metrics.utilization ?? 1
                capacities[result.deployment] = ReplicaCapacity(perReplica: result.capacity, busy: busy, curve: result)
            }
        } else {
            for deployment in try ScenarioSimulation.prepare(single, catalog: catalog, efficiencies: efficiencies, serving: serving) {
                let (arrivals, offline) = ScenarioSimulation.requests(single, arrivals: .offline)
                let metrics = deployment.simulation(replicas: 1).run(deployment.servable(offline), arrivals: arrivals)
                capacities[deployment.name] = ReplicaCapacity(perReplica: metrics.requestThroughput, busy: 1, curve: nil)
            }
        }
        return capacities
    }

    /// Every option's months, given the replica capacities and the mean request lengths (cheap: no simulation).
    static func price(_ scenario: Scenario, capacities: [String: ReplicaCapacity], lengths: (input: Double, output: Double),
                      catalog: ProfileCatalog) throws(PerformanceError) -> [OptionResult] {
        guard let rate = ScenarioSimulation.meanRequestRate(scenario) else {
            throw PerformanceError("cost needs a request rate: set 'workload.arrivals' to poisson, gamma or constant with a 'rate', "
                                   + "or replay a trace whose requests span some time")
        }
        let finance = scenario.finance
        let rates = ExchangeRates(reportingCurrency: scenario.currency, rates: Dictionary(uniqueKeysWithValues:
            scenario.exchangeRates.compactMap { code, money in Currency(code: code).map { ($0, money.amount) } }))
        let (inputMean, outputMean) = lengths
        func convert<Basis>(_ price: Price<Basis>, _ what: String) throws(PerformanceError) -> Price<Basis> {
            do { return try rates.convert(price) } catch { throw PerformanceError("\(what): \(error.description)") }
        }
        var results: [OptionResult] = []
        for option in scenario.options {
            let acquisition: CostModel.Acquisition
            var overflowTerms: CostModel.Overflow?
            var fleet: CostModel.Fleet?
            var upperBound = false
            if let apiName = option.api, let api = finance.apis.first(where: { $0.name == apiName }) {
                acquisition = .api(input: try convert(api.input, "option '\(option.name)'"), output: try convert(api.output, "option '\(option.name)'"),
                                   yearlyDecline: api.yearlyPriceDecline?.value ?? 0)
            } else if let name = option.deployment, let deployment = scenario.deployments.first(where: { $0.name == name }),
                      let uncapped = catalog.hardware(deployment.hardware), let replica = capacities[name] {
                let perReplica = replica.perReplica, busy = replica.busy
                let hardware = try DeploymentSpec.capped(uncapped, at: deployment.powerCap, catalog: catalog)
                guard perReplica > 0 else {
                    throw PerformanceError("option '\(option.name)': one replica of '\(name)' cannot meet the latency objective at any load")
                }
                let servingFleet = CostModel.Fleet(hardware: hardware, devicesPerReplica: deployment.devicesPerReplica,
                                                   capacityPerReplica: perReplica, busy: busy)
                try checkFleetSize(servingFleet, option: option.name, deployment: name, finance: finance, rate: rate)
                fleet = servingFleet
                upperBound = EnergyModel.averagePower(perDevice: hardware, busy: busy)?.upperBound ?? true
                switch option.acquisition ?? .own {
                case .own:
                    let pricedServer = hardware.servers?.first { $0.price != nil }
                    let stated = option.serverPrice ?? finance.owning.serverPrice
                    guard let price = stated ?? pricedServer?.price else {
                        throw PerformanceError("option '\(option.name)': no purchase price for '\(hardware.id)'; set 'server_price' on the option or 'finance.owning.server_price'")
                    }
                    let converted: Money
                    do { converted = try rates.convert(price) } catch { throw PerformanceError("option '\(option.name)': \(error.description)") }
                    let perServer = stated == nil ? (pricedServer?.devices ?? deployment.devices) : (hardware.servers?.first?.devices ?? deployment.devices)
                    let electricity = option.electricity ?? finance.owning.electricity
                    acquisition = .own(serverPrice: converted, devicesPerServer: max(1, perServer),
                                       electricity: try electricity.map { price throws(PerformanceError) in try convert(price, "electricity") },
                                       pue: finance.owning.pue,
                                       colocation: try finance.owning.colocation.map { price throws(PerformanceError) in try convert(price, "colocation") },
                                       usefulLifeYears: finance.owning.usefulLifeYears, costOfCapital: finance.owning.costOfCapital.value,
                                       maintenance: finance.owning.maintenance.value, depreciation: finance.owning.depreciation,
                                       residualFraction: finance.owning.residualValue.value)
                    if let overflow = option.overflow {
                        if let apiName = overflow.api, let api = finance.apis.first(where: { $0.name == apiName }) {
                            overflowTerms = .api(input: try convert(api.input, "option '\(option.name)'"), output: try convert(api.output, "option '\(option.name)'"),
                                                 yearlyDecline: api.yearlyPriceDecline?.value ?? 0)
                        } else if let onDemand = finance.renting.onDemand {
                            overflowTerms = .rentOnDemand(try convert(onDemand, "on-demand rent"))
                        }
                    }
                case .rentOnDemand:
                    acquisition = .rentOnDemand(try convert(finance.renting.onDemand!, "on-demand rent"))
                case .rentReserved1Year:
                    acquisition = .rentReserved(try convert(finance.renting.reserved1Year!, "1-year reserved rent"))
                case .rentReserved3Year:
                    acquisition = .rentReserved(try convert(finance.renting.reserved3Year!, "3-year reserved rent"))
                }
            } else {
                throw PerformanceError("option '\(option.name)' cannot be priced")
            }
            var model = CostModel(acquisition: acquisition, fleet: fleet, currency: scenario.currency)
            model.loadCurve = finance.dailyLoad ?? [1]
            model.leadTimeMonths = option.leadTimeMonths ?? 0
            model.baseRequestRate = option.baseRate
            model.overflow = overflowTerms
            let months = model.months(horizon: finance.horizonMonths, requestRate: rate, monthlyGrowth: finance.monthlyDemandGrowth.value,
                                      inputTokens: inputMean, outputTokens: outputMean)
            func input(_ name: String, _ quantity: (CostModel.Month) -> Double, price: Double, economic: Double? = nil) -> PricedInput {
                let monthly = months.map(quantity)
                return PricedInput(name: name, monthlyQuantity: monthly, economicQuantity: economic ?? monthly.reduce(0, +), price: price)
            }
            var priced: [PricedInput] = []
            switch acquisition {
            case let .own(price, _, electricity, _, colocation, life, capital, maintenance, depreciation, residual):
                let serverName = option.serverPrice != nil ? "\(option.name).server_price"
                    : finance.owning.serverPrice == nil ? "server_price:\(fleet?.hardware.id ?? "")" : "server_price"
                let yearlyPerServer = CostModel.yearlyCapitalCost(1, depreciation: depreciation, costOfCapital: capital,
                                                                  usefulLifeYears: life, residualFraction: residual) + maintenance
                let serverMonths = months.reduce(0) { $0 + $1.serversOwned }
                priced.append(input(serverName, { $0.serversBought + $0.serversOwned * maintenance / 12 }, price: price.amount,
                                    economic: serverMonths * yearlyPerServer / 12))
                if let electricity {
                    priced.append(input(option.electricity != nil ? "\(option.name).electricity" : "electricity", { $0.energy.kilowattHours },
                                        price: electricity.amount))
                }
                if let colocation { priced.append(input("colocation", \.provisionedKilowatts, price: colocation.amount)) }
            case let .rentOnDemand(price):
                priced.append(input("on_demand", \.deviceHours, price: price.amount))
            case let .rentReserved(price):
                priced.append(input(option.acquisition == .rentReserved1Year ? "reserved_1y" : "reserved_3y", \.deviceHours, price: price.amount))
            case let .api(input: inputPrice, output: outputPrice, _):
                priced.append(input("api.\(option.api!).input", \.inputMegatokens, price: inputPrice.amount))
                priced.append(input("api.\(option.api!).output", \.outputMegatokens, price: outputPrice.amount))
            }
            switch overflowTerms {
            case let .api(inputPrice, outputPrice, _)?:
                priced.append(input("api.\(option.overflow!.api!).input", \.inputMegatokens, price: inputPrice.amount))
                priced.append(input("api.\(option.overflow!.api!).output", \.outputMegatokens, price: outputPrice.amount))
            case let .rentOnDemand(price)?:
                priced.append(input("on_demand", \.deviceHours, price: price.amount))
            case nil: break
            }
            let deploymentName = option.api == nil ? option.deployment : nil
            results.append(OptionResult(
                option: option.name, acquisition: option.api != nil ? "api" : option.baseRate != nil ? "own-hybrid" : (option.acquisition ?? .own).rawValue,
                deployment: deploymentName, hardware: fleet?.hardware, devicesPerReplica: fleet?.devicesPerReplica, months: months,
                capacityPerReplica: fleet?.capacityPerReplica, busy: fleet?.busy, capacityCurve: deploymentName.flatMap { capacities[$0]?.curve },
                energyUpperBound: upperBound, uncertainty: OptionUncertainty(cumulativeCash: [], costPerMillionTokens: Percentiles(0)),
                priced: priced))
            let result = results[results.count - 1]
            results[results.count - 1].uncertainty = OptionUncertainty(cumulativeCash: result.cumulativeCash.map(Percentiles.init),
                                                                       costPerMillionTokens: Percentiles(result.costPerMillionTokens))
        }
        return results
    }

    /// The largest fleet of the horizon (demand at its peak month) must be countable.
    /// - Throws: ``PerformanceError`` naming the option, the demand and the fields that set it.
    static func checkFleetSize(_ fleet: CostModel.Fleet, option: String, deployment: String, finance: Finance,
                               rate: Double) throws(PerformanceError) {
        let dailyPeak = finance.dailyLoad.map { load in (load.max() ?? 1) / max(1e-300, load.reduce(0, +) / Double(max(1, load.count))) } ?? 1
        let peakRate = rate * max(1, pow(1 + finance.monthlyDemandGrowth.value, Double(finance.horizonMonths - 1))) * dailyPeak
        let devices = fleet.devices(servingRate: peakRate)
        guard !(devices <= CostModel.Fleet.largestDeviceCount) else { return }
        throw PerformanceError("option '\(option)': serving \(UnitFormatter.number(peakRate)) requests/s with '\(deployment)' takes "
            + "\(UnitFormatter.number(devices)) devices, more than the \(UnitFormatter.number(CostModel.Fleet.largestDeviceCount)) "
            + "the cost model counts; lower 'workload.arrivals.rate' or 'finance.monthly_demand_growth'")
    }
}
