import Foundation
import FleetEconomics
import FleetPerformance
import FleetProfiles
import FleetServing
import FleetUnits

/// `fleetsim plan`: the fleets that fit a facility budget, and the frontier of served load against cost.
///
/// For every combination of the plan's hardware, precision, tensor parallelism and power cap, one replica's
/// capacity within the scenario's latency objective is found (``CapacitySearch``). The budget then sizes the
/// fleet: as many replicas as the facility power (provisioned IT power × PUE), the capital and the racks
/// allow, whichever is tightest. Owning that fleet at the load it serves gives the cost per million tokens
/// over the finance horizon. A candidate is on the frontier when no other serves more tokens at a lower cost.
public enum PowerPlan {
    public struct Candidate: Sendable {
        public let name: String
        public let hardware: String
        public let engine: String
        public let precision: Precision
        public let tensor: Int
        public let powerCap: Watts?
        /// Why the candidate cannot serve (does not fit, precision not supported, misses the objective); nil when it can.
        public let infeasible: String?
        public let devicesPerReplica: Int
        /// Requests/s one replica serves within the objective.
        public let capacityPerReplica: Double
        /// Power of one replica at that capacity.
        public let power: PowerFigures?
        public let replicas: Int
        /// The budget that bounds the replica count: `power`, `capex` or `racks`.
        public let limitedBy: String
        /// Purchase price of the fleet (nil without a server price).
        public let capex: Double?
        /// Economic cost per million tokens of owning the fleet at the load it serves (nil without a server price).
        public let costPerMillionTokens: Double?
        public internal(set) var onFrontier = false

        public var devices: Int { replicas * devicesPerReplica }
        public var servedRequestRate: Double { Double(replicas) * capacityPerReplica }
        public var servedOutputTokensPerSecond: Double { Double(replicas) * (power?.outputTokensPerSecond ?? 0) }
        /// Facility power provisioned for the whole fleet.
        public var provisionedPower: Watts { (power?.provisioned ?? .zero) * Double(replicas) }
        public var averagePower: Watts { (power?.average ?? .zero) * Double(replicas) }
    }

    /// - Throws: ``PerformanceError`` when the scenario has no plan or budget, or no latency objective.
    /// - Parameter progress: called before each candidate with its number, the total and its name.
    public static func run(_ scenario: Scenario, catalog: ProfileCatalog, efficiencies: KernelEfficiencies,
                           serving: ServingCalibration?,
                           progress: (_ done: Int, _ total: Int, _ name: String) -> Void = { _, _, _ in }) throws(PerformanceError) -> [Candidate] {
        guard let plan = scenario.plan, let budget = scenario.budget else {
            throw PerformanceError("plan needs 'plan:' (the deployments to search) and 'budget:' (at least 'power') in the scenario")
        }
        let outputMean = ScenarioCost.meanLengths(scenario).output
        let inputMean = ScenarioCost.meanLengths(scenario).input
        var candidates: [Candidate] = []
        let total = plan.hardware.count * plan.precisions.count * plan.tensor.count * plan.powerCaps.count
        for hardwareID in plan.hardware {
            guard let hardware = catalog.hardware(hardwareID) else { continue }
            let engine = plan.engines.first { catalog.engine($0)?.hardwareVendors.contains(hardware.vendor) ?? false }
            for precision in plan.precisions {
                for tensor in plan.tensor {
                    for choice in plan.powerCaps {
                        let name = "\(hardwareID) \(precision.rawValue) tp\(tensor)" + (choice.watts.map { " cap \(UnitFormatter.number($0.value)) W" } ?? "")
                        progress(candidates.count, total, name)
                        func infeasible(_ reason: String) -> Candidate {
                            Candidate(name: name, hardware: hardwareID, engine: engine ?? "-", precision: precision, tensor: tensor, powerCap: choice.watts,
                                      infeasible: reason, devicesPerReplica: tensor, capacityPerReplica: 0, power: nil, replicas: 0,
                                      limitedBy: "-", capex: nil, costPerMillionTokens: nil)
                        }
                        guard let engine else {
                            candidates.append(infeasible("no engine of \(plan.engines.joined(separator: ", ")) runs on \(hardware.vendor.rawValue) hardware"))
                            continue
                        }
                        let deployment = Deployment(
                            name: name, hardware: hardwareID, model: plan.model, engine: engine, devices: tensor, replicas: 1,
                            precision: PrecisionChoice(weights: precision, activations: precision, kvCache: precision),
                            parallelism: Parallelism(tensor: tensor, pipeline: 1, expert: 1), scheduling: plan.scheduling,
                            powerCap: choice.watts)
                        var single = scenario
                        single.deployments = [deployment]
                        single = ScenarioLoader.resolve(single, catalog: catalog)
                        let capacity: CapacitySearch.Result
                        let capped: HardwareProfile
                        do {
                            capped = try DeploymentSpec.capped(hardware, at: choice.watts, catalog: catalog)
                            capacity = try CapacitySearch.run(single, catalog: catalog, efficiencies: efficiencies, serving: serving)[0]
                        } catch {
                            candidates.append(infeasible(error.message.replacingOccurrences(of: "deployment '\(name)': ", with: "")))
                            continue
                        }
                        guard capacity.capacity > 0 else {
                            candidates.append(infeasible("misses the latency objective at any load"))
                            continue
                        }
                        let busy = capacity.curve.first { abs($0.rate - capacity.capacity) < 1e-9 }?.metrics.utilization ?? 1
                        guard let power = PowerFigures(hardware: capped, devices: tensor, pue: scenario.finance.owning.pue, busy: busy,
                                                       outputTokensPerSecond: capacity.capacity * outputMean) else {
                            candidates.append(infeasible("no sourced power figure for '\(hardwareID)'"))
                            continue
                        }
                        candidates.append(size(name: name, hardware: capped, engine: engine, precision: precision, tensor: tensor,
                                               cap: choice.watts, capacity: capacity.capacity, busy: busy, power: power, budget: budget,
                                               plan: plan, scenario: scenario, inputMean: inputMean, outputMean: outputMean))
                    }
                }
            }
        }
        markFrontier(&candidates)
        return candidates
    }

    /// Sizes one feasible candidate to the budget and prices it.
    static func size(name: String, hardware: HardwareProfile, engine: String, precision: Precision, tensor: Int, cap: Watts?,
                     capacity: Double, busy: Double, power: PowerFigures, budget: PowerBudget, plan: PlanSpace, scenario: Scenario,
                     inputMean: Double, outputMean: Double) -> Candidate {
        let server = hardware.servers?.first
        let devicesPerServer = Double(max(1, server?.devices ?? tensor))
        let serverPrice = plan.serverPrices[hardware.id] ?? hardware.servers?.first { $0.price != nil }?.price
        let rates = ExchangeRates(reportingCurrency: scenario.currency, rates: Dictionary(uniqueKeysWithValues:
            scenario.exchangeRates.compactMap { code, money in Currency(code: code).map { ($0, money.amount) } }))
        let price = serverPrice.flatMap { try? rates.convert($0) }
        var limits: [(String, Int)] = [("power", Int((budget.power.value / power.provisioned.value).rounded(.down)))]
        let capexPerReplica = price.map { $0.amount * Double(tensor) / devicesPerServer }
        if let capex = budget.capex.flatMap({ try? rates.convert($0) }), let capexPerReplica, capexPerReplica > 0 {
            limits.append(("capex", Int((capex.amount / capexPerReplica).rounded(.down))))
        }
        if let racks = budget.racks, let rackPower = budget.rackPower, let itPerDevice = EnergyModel.provisionedPower(perDevice: hardware) {
            let devicesPerRack = (rackPower.value / (itPerDevice.value * devicesPerServer)).rounded(.down) * devicesPerServer
            limits.append(("racks", Int((Double(racks) * devicesPerRack / Double(tensor)).rounded(.down))))
        }
        let (limitedBy, replicas) = limits.min { $0.1 < $1.1 }!
        var cost: Double?
        if let price, replicas > 0 {
            let owning = scenario.finance.owning
            let fleet = CostModel.Fleet(hardware: hardware, devicesPerReplica: tensor, capacityPerReplica: capacity, busy: busy)
            let model = CostModel(acquisition: .own(serverPrice: price, devicesPerServer: Int(devicesPerServer),
                                                    electricity: owning.electricity.flatMap { try? rates.convert($0) }, pue: owning.pue,
                                                    colocation: owning.colocation.flatMap { try? rates.convert($0) },
                                                    usefulLifeYears: owning.usefulLifeYears, costOfCapital: owning.costOfCapital.value,
                                                    maintenance: owning.maintenance.value, depreciation: owning.depreciation,
                                                    residualFraction: owning.residualValue.value),
                                  fleet: fleet, currency: scenario.currency)
            let months = model.months(horizon: scenario.finance.horizonMonths, requestRate: Double(replicas) * capacity * (1 - 1e-9),
                                      monthlyGrowth: 0, inputTokens: inputMean, outputTokens: outputMean)
            let tokens = months.reduce(0) { $0 + $1.tokens }
            cost = tokens > 0 ? months.reduce(0) { $0 + $1.economicCost.amount } / (tokens / 1e6) : nil
        }
        return Candidate(name: name, hardware: hardware.id, engine: engine, precision: precision, tensor: tensor, powerCap: cap,
                         infeasible: replicas > 0 ? nil : "one replica (\(power.provisioned)) exceeds the \(limitedBy) budget",
                         devicesPerReplica: tensor, capacityPerReplica: capacity, power: power, replicas: replicas, limitedBy: limitedBy,
                         capex: capexPerReplica.map { $0 * Double(replicas) }, costPerMillionTokens: cost)
    }

    /// Marks the candidates that no other beats on both served tokens (more) and cost per token (less).
    static func markFrontier(_ candidates: inout [Candidate]) {
        let priced = candidates.indices.filter { candidates[$0].infeasible == nil && candidates[$0].costPerMillionTokens != nil }
        for index in priced {
            let candidate = candidates[index]
            let dominated = priced.contains { other in
                other != index
                    && candidates[other].servedOutputTokensPerSecond >= candidate.servedOutputTokensPerSecond
                    && candidates[other].costPerMillionTokens! <= candidate.costPerMillionTokens!
                    && (candidates[other].servedOutputTokensPerSecond > candidate.servedOutputTokensPerSecond
                        || candidates[other].costPerMillionTokens! < candidate.costPerMillionTokens!)
            }
            candidates[index].onFrontier = !dominated
        }
    }
}
