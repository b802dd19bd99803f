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
    public struct OptionResult: Sendable {
        public let option: String
        public let months: [CostModel.Month]
        /// Requests/s one replica serves within the objective (nil for APIs).
        public let capacityPerReplica: Double?
        /// Whether energy is at provisioned power because the profile has no sourced idle power.
        public let energyUpperBound: Bool
        /// P10, P50 and P90 of total cash over the horizon (Monte Carlo over `finance.uncertainty`).
        public internal(set) var totalCashPercentiles: (p10: Double, p50: Double, p90: Double) = (0, 0, 0)
        /// Unit prices this option pays, by input name, with the quantity and deterministic price.
        let priced: [(name: String, quantity: Double, price: Double)]

        public var totalCash: Double { months.reduce(0) { $0 + $1.cash.amount } }
        /// Economic cost (capex annualized) per million tokens over the horizon.
        public var costPerMillionTokens: Double {
            months.reduce(0) { $0 + $1.economicCost.amount } / max(1e-9, months.reduce(0) { $0 + $1.tokens } / 1e6)
        }
    }

    /// Options with their Monte Carlo percentiles, and `probabilityCheaper[a][b]` = P(option a's total cash < b's).
    public struct Report: Sendable {
        public let options: [OptionResult]
        public let probabilityCheaper: [[Double]]
        public let samples: Int
        /// Names of the inputs sampled (the rest are fixed at their deterministic values).
        public let uncertainInputs: [String]
    }

    /// Runs ``run(_:catalog:efficiencies:serving:)`` and the Monte Carlo over the scenario's uncertain prices:
    /// all samples of all options as one matrix product.
    public static func report(_ scenario: Scenario, catalog: ProfileCatalog, efficiencies: KernelEfficiencies,
                              serving: ServingCalibration?) throws(PerformanceError) -> Report {
        var options = try run(scenario, catalog: catalog, efficiencies: efficiencies, serving: serving)
        var columns: [String] = []
        var deterministic: [String: Double] = [:]
        for option in options {
            for (name, _, price) in option.priced where deterministic[name] == nil {
                columns.append(name)
                deterministic[name] = price
            }
        }
        let uncertainty = scenario.finance.uncertainty
        let inputs: [(name: String, distribution: Distribution)] = columns.map { name in
            let key = name.hasPrefix("server_price:") ? "server_price" : name
            if let spec = uncertainty.inputs[key], case let .success(distribution) = spec.resolved() { return (name, distribution) }
            return (name, .fixed(deterministic[name]!))
        }
        var quantities = Matrix(rows: options.count, columns: columns.count)
        var fixed: [Double] = []
        for (row, option) in options.enumerated() {
            var covered = 0.0
            for (name, quantity, price) in option.priced {
                quantities[row, columns.firstIndex(of: name)!] += quantity
                covered += quantity * price
            }
            fixed.append(option.totalCash - covered)
        }
        let monteCarlo = MonteCarlo(inputs: inputs, quantities: quantities, fixedCosts: fixed)
        let costs = monteCarlo.sampleCosts(samples: uncertainty.samples, seed: scenario.seed)
        for (index, percentiles) in MonteCarlo.percentiles(costs).enumerated() { options[index].totalCashPercentiles = percentiles }
        let probability = options.indices.map { a in options.indices.map { b in a == b ? 0 : MonteCarlo.probabilityCheaper(costs, a, b) } }
        let sampled = inputs.filter { if case .fixed = $0.distribution { false } else { true } }.map(\.name)
        return Report(options: options, probabilityCheaper: probability, samples: uncertainty.samples, uncertainInputs: sampled)
    }

    /// - Throws: ``PerformanceError`` for what cannot be priced or modelled, naming the option.
    public static func run(_ scenario: Scenario, catalog: ProfileCatalog, efficiencies: KernelEfficiencies,
                           serving: ServingCalibration?) throws(PerformanceError) -> [OptionResult] {
        let workload = scenario.workload
        guard let rate = workload.arrivals.rate, [.poisson, .gamma, .constant].contains(workload.arrivals.pattern) else {
            throw PerformanceError("cost needs a request rate: set 'workload.arrivals' to poisson, gamma or constant with a 'rate'")
        }
        let finance = scenario.finance
        let rates = ExchangeRates(reportingCurrency: scenario.currency, rates: Dictionary(uniqueKeysWithValues:
            scenario.exchangeRates.compactMap { code, money in Currency(code: code).map { ($0, money.amount) } }))
        let (_, requests) = ScenarioSimulation.requests(scenario)
        let inputMean = Double(requests.reduce(0) { $0 + $1.inputTokens }) / Double(max(1, requests.count))
        let outputMean = Double(requests.reduce(0) { $0 + $1.outputTokens }) / Double(max(1, requests.count))
        // Capacity of one replica of each deployment that an option uses.
        var capacity: [String: (Double, Double)] = [:]
        let used = Set(scenario.options.compactMap(\.deployment))
        var single = scenario
        single.deployments = scenario.deployments.filter { used.contains($0.name) }.map { var d = $0; d.replicas = 1; return d }
        let hasObjective = workload.slo.timeToFirstToken != nil || workload.slo.timePerOutputToken != nil || workload.slo.endToEnd != nil
        if hasObjective {
            for result in try CapacitySearch.run(single, catalog: catalog, efficiencies: efficiencies, serving: serving) {
                let busy = result.curve.first { abs($0.rate - result.capacity) < 1e-9 }?.metrics.utilization ?? 1
                capacity[result.deployment] = (result.capacity, busy)
            }
        } else {
            for deployment in try ScenarioSimulation.prepare(single, catalog: catalog, efficiencies: efficiencies, serving: serving) {
                let (arrivals, offline) = ScenarioSimulation.requests(single, arrivals: .offline)
                let metrics = ServingSimulation(model: deployment.model, limits: deployment.limits, replicas: 1).run(offline, arrivals: arrivals)
                capacity[deployment.name] = (metrics.requestThroughput, 1)
            }
        }
        func convert<Basis>(_ price: Price<Basis>, _ what: String) throws(PerformanceError) -> Price<Basis> {
            do { return try rates.convert(price) } catch { throw PerformanceError("\(what): \(error.description)") }
        }
        var results: [OptionResult] = []
        for option in scenario.options {
            let acquisition: CostModel.Acquisition
            var fleet: CostModel.Fleet?
            var upperBound = false
            if let apiName = option.api, let api = finance.apis.first(where: { $0.name == apiName }) {
                acquisition = .api(input: try convert(api.input, "option '\(option.name)'"), output: try convert(api.output, "option '\(option.name)'"),
                                   yearlyDecline: api.yearlyPriceDecline?.value ?? 0)
            } else if let name = option.deployment, let deployment = scenario.deployments.first(where: { $0.name == name }),
                      let hardware = catalog.hardware(deployment.hardware), let (perReplica, busy) = capacity[name] {
                guard perReplica > 0 else {
                    throw PerformanceError("option '\(option.name)': one replica of '\(name)' cannot meet the latency objective at any load")
                }
                let servingFleet = CostModel.Fleet(hardware: hardware, devicesPerReplica: deployment.devices,
                                                   capacityPerReplica: perReplica, busy: busy)
                try checkFleetSize(servingFleet, option: option.name, deployment: name, finance: finance, rate: rate)
                fleet = servingFleet
                upperBound = EnergyModel.averagePower(perDevice: hardware, busy: busy)?.upperBound ?? true
                switch option.acquisition ?? .own {
                case .own:
                    let pricedServer = hardware.servers?.first { $0.price != nil }
                    guard let price = finance.owning.serverPrice ?? pricedServer?.price else {
                        throw PerformanceError("option '\(option.name)': no purchase price for '\(hardware.id)'; set 'finance.owning.server_price'")
                    }
                    let converted: Money
                    do { converted = try rates.convert(price) } catch { throw PerformanceError("option '\(option.name)': \(error.description)") }
                    let perServer = finance.owning.serverPrice == nil ? (pricedServer?.devices ?? deployment.devices)
                        : (hardware.servers?.first?.devices ?? deployment.devices)
                    acquisition = .own(serverPrice: converted, devicesPerServer: max(1, perServer),
                                       electricity: try finance.owning.electricity.map { price throws(PerformanceError) in try convert(price, "electricity") },
                                       pue: finance.owning.pue,
                                       colocation: try finance.owning.colocation.map { price throws(PerformanceError) in try convert(price, "colocation") },
                                       usefulLifeYears: finance.owning.usefulLifeYears, costOfCapital: finance.owning.costOfCapital.value,
                                       maintenance: finance.owning.maintenance.value, depreciation: finance.owning.depreciation,
                                       residualFraction: finance.owning.residualValue.value)
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
            let model = CostModel(acquisition: acquisition, fleet: fleet, currency: scenario.currency)
            let months = model.months(horizon: finance.horizonMonths, requestRate: rate, monthlyGrowth: finance.monthlyDemandGrowth.value,
                                      inputTokens: inputMean, outputTokens: outputMean)
            func total(_ quantity: (CostModel.Month) -> Double) -> Double { months.reduce(0) { $0 + quantity($1) } }
            var priced: [(String, Double, Double)] = []
            switch acquisition {
            case let .own(price, _, electricity, _, colocation, _, _, maintenance, _, _):
                let serverName = finance.owning.serverPrice == nil ? "server_price:\(fleet?.hardware.id ?? "")" : "server_price"
                priced.append((serverName, total(\.serversBought) + total(\.serversOwned) * maintenance / 12, price.amount))
                if let electricity { priced.append(("electricity", total { $0.energy.kilowattHours }, electricity.amount)) }
                if let colocation { priced.append(("colocation", total(\.provisionedKilowatts), colocation.amount)) }
            case let .rentOnDemand(price):
                priced.append(("on_demand", total(\.deviceHours), price.amount))
            case let .rentReserved(price):
                let name = option.acquisition == .rentReserved1Year ? "reserved_1y" : "reserved_3y"
                priced.append((name, total(\.deviceHours), price.amount))
            case let .api(input, output, _):
                priced.append(("api.\(option.api!).input", total(\.inputMegatokens), input.amount))
                priced.append(("api.\(option.api!).output", total(\.outputMegatokens), output.amount))
            }
            results.append(OptionResult(option: option.name, months: months, capacityPerReplica: fleet?.capacityPerReplica,
                                        energyUpperBound: upperBound, priced: priced))
        }
        return results
    }

    /// The largest fleet of the horizon (demand at its peak month) must be countable.
    /// - Throws: ``PerformanceError`` naming the option, the demand and the fields that set it.
    static func checkFleetSize(_ fleet: CostModel.Fleet, option: String, deployment: String, finance: Finance,
                               rate: Double) throws(PerformanceError) {
        let peakRate = rate * max(1, pow(1 + finance.monthlyDemandGrowth.value, Double(finance.horizonMonths - 1)))
        let devices = fleet.devices(servingRate: peakRate)
        guard !(devices <= CostModel.Fleet.largestDeviceCount) else { return }
        throw PerformanceError("option '\(option)': serving \(UnitFormatter.number(peakRate)) requests/s with '\(deployment)' takes "
            + "\(UnitFormatter.number(devices)) devices, more than the \(UnitFormatter.number(CostModel.Fleet.largestDeviceCount)) "
            + "the cost model counts; lower 'workload.arrivals.rate' or 'finance.monthly_demand_growth'")
    }
}
