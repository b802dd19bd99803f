import FleetProfiles
import FleetUnits

/// Monthly costs of serving a demand with one option, over a horizon of months.
///
/// Each month the fleet needed at the latency objective is `⌈demand / capacity per replica⌉` replicas.
/// Owning buys servers when the fleet grows (cash at purchase) and pays electricity (average IT power × PUE),
/// colocation (provisioned IT kW) and maintenance (a share of capex per year); its cost per million tokens
/// annualizes capex with the capital recovery factor. Renting pays device-hours; APIs pay tokens.
public struct CostModel: Sendable {
    /// Hours in an average month (365.25 × 24 / 12).
    public static let hoursPerMonth = 730.5

    /// How capex becomes a yearly cost for the cost per token.
    public enum Depreciation: String, Sendable, Equatable, Codable, CaseIterable {
        /// Annualized at the cost of capital with the capital recovery factor, net of residual value.
        case capitalRecovery = "capital-recovery"
        /// Straight line over the useful life, net of residual value, no cost of capital.
        case straightLine = "straight-line"
    }

    public enum Acquisition: Sendable, Equatable {
        case own(serverPrice: Money, devicesPerServer: Int, electricity: Price<PerKilowattHour>?, pue: Double,
                 colocation: Price<PerKilowattMonth>?, usefulLifeYears: Double, costOfCapital: Double, maintenance: Double,
                 depreciation: Depreciation = .capitalRecovery, residualFraction: Double = 0)
        case rentOnDemand(Price<PerHour>)
        case rentReserved(Price<PerHour>)
        /// Per-token prices falling by `yearlyDecline` a year (compounded monthly).
        case api(input: Price<PerMillionTokens>, output: Price<PerMillionTokens>, yearlyDecline: Double = 0)
    }

    /// The serving side of a deployment option (absent for APIs).
    public struct Fleet: Sendable {
        public let hardware: HardwareProfile
        public let devicesPerReplica: Int
        /// Requests per second one replica serves within the objective.
        public let capacityPerReplica: Double
        /// Fraction of time a replica steps at capacity (for average power).
        public let busy: Double
        public init(hardware: HardwareProfile, devicesPerReplica: Int, capacityPerReplica: Double, busy: Double) {
            self.hardware = hardware
            self.devicesPerReplica = devicesPerReplica
            self.capacityPerReplica = capacityPerReplica
            self.busy = busy
        }

        /// Most devices a fleet may count: far beyond any real fleet, and far from `Int` overflow when
        /// replicas, devices and servers are counted.
        public static let largestDeviceCount = 1e12

        /// Devices needed to serve `rate` requests per second,
        /// ```
        /// ⌈rate / capacityPerReplica⌉ × devicesPerReplica
        /// ```
        /// as a real number, so that callers can compare it with ``largestDeviceCount`` before it is counted.
        public func devices(servingRate rate: Double) -> Double {
            (rate / capacityPerReplica).rounded(.up) * Double(devicesPerReplica)
        }
    }

    public struct Month: Sendable, Equatable {
        public let index: Int
        public let requestRate: Double
        public let devices: Int
        public let cash: Money
        /// Capex annualized by the capital recovery factor (own) or cash (others), for cost per token.
        public let economicCost: Money
        public let energy: Joules
        public let tokens: Double
        /// Quantities the cash is linear in, for Monte Carlo over unit prices.
        /// Electricity bill of the month (owning).
        public var energyCost = 0.0
        public var serversBought = 0.0
        public var serversOwned = 0.0
        public var provisionedKilowatts = 0.0
        public var deviceHours = 0.0
        public var inputMegatokens = 0.0
        public var outputMegatokens = 0.0
    }

    public let acquisition: Acquisition
    public let fleet: Fleet?
    public let currency: Currency

    public init(acquisition: Acquisition, fleet: Fleet?, currency: Currency) {
        self.acquisition = acquisition
        self.fleet = fleet
        self.currency = currency
    }

    /// Months `1…horizon` of a demand of `requestRate` requests/s growing by `monthlyGrowth` a month.
    public func months(horizon: Int, requestRate: Double, monthlyGrowth: Double, inputTokens: Double, outputTokens: Double) -> [Month] {
        var months: [Month] = []
        var ownedServers = 0
        let seconds = Seconds(Self.hoursPerMonth * 3600)
        for index in 1...horizon {
            let rate = requestRate * pow(1 + monthlyGrowth, Double(index - 1))
            let requests = rate * seconds.value
            let tokens = requests * (inputTokens + outputTokens)
            var devices = 0
            var cash = 0.0, economic = 0.0, energy = Joules.zero
            var bought = 0.0, owned = 0.0, kilowatts = 0.0, deviceHours = 0.0, energyCost = 0.0
            if let fleet {
                let needed = fleet.devices(servingRate: rate)
                precondition(needed <= Fleet.largestDeviceCount,
                             "month \(index) needs \(needed) devices at \(rate) requests/s; callers check Fleet.largestDeviceCount")
                let replicas = Int((rate / fleet.capacityPerReplica).rounded(.up))
                devices = replicas * fleet.devicesPerReplica
            }
            switch acquisition {
            case let .own(price, perServer, electricity, pue, colocation, life, capital, maintenance, depreciation, residualFraction):
                let servers = (devices + perServer - 1) / perServer
                let newServers = max(0, servers - ownedServers)
                ownedServers = max(ownedServers, servers)
                bought = Double(newServers)
                owned = Double(ownedServers)
                let capex = price.amount * Double(ownedServers)
                cash += price.amount * Double(newServers)
                let residual = capex * residualFraction
                economic += (depreciation == .straightLine
                    ? CapitalRecovery.straightLine(cost: capex, residual: residual, years: life)
                    : CapitalRecovery.annualized(cost: capex, residual: residual, rate: capital, years: life)) / 12
                let maintenanceCost = capex * maintenance / 12
                cash += maintenanceCost
                economic += maintenanceCost
                if let fleet, let (power, _) = EnergyModel.averagePower(perDevice: fleet.hardware, busy: fleet.busy) {
                    let ownedDevices = Double(ownedServers * perServer)
                    energy = EnergyModel.facilityEnergy(itPower: power * ownedDevices, pue: pue, duration: seconds)
                    let electricityCost = (electricity.map { $0 * energy }?.amount) ?? 0
                    energyCost = electricityCost
                    let provisioned = (EnergyModel.provisionedPower(perDevice: fleet.hardware) ?? .zero) * ownedDevices
                    kilowatts = provisioned.value / 1000
                    let colocationCost = (colocation?.amount ?? 0) * provisioned.value / 1000
                    cash += electricityCost + colocationCost
                    economic += electricityCost + colocationCost
                }
            case let .rentOnDemand(price), let .rentReserved(price):
                deviceHours = Double(devices) * Self.hoursPerMonth
                let cost = price.amount * deviceHours
                cash += cost
                economic += cost
            case let .api(input, output, decline):
                let factor = pow(1 - decline, Double(index - 1) / 12)
                let cost = (input.amount * requests * inputTokens / 1e6 + output.amount * requests * outputTokens / 1e6) * factor
                cash += cost
                economic += cost
            }
            var month = Month(index: index, requestRate: rate, devices: devices, cash: Money(cash, currency),
                              economicCost: Money(economic, currency), energy: energy, tokens: tokens)
            month.energyCost = energyCost
            month.serversBought = bought
            month.serversOwned = owned
            month.provisionedKilowatts = kilowatts
            month.deviceHours = deviceHours
            if case let .api(_, _, decline) = acquisition {
                let factor = pow(1 - decline, Double(index - 1) / 12)
                month.inputMegatokens = requests * inputTokens / 1e6 * factor
                month.outputMegatokens = requests * outputTokens / 1e6 * factor
            }
            months.append(month)
        }
        return months
    }

    /// First month in which `a`'s cumulative cash is at most `b`'s, if any.
    public static func breakEvenMonth(_ a: [Month], _ b: [Month]) -> Int? {
        var totalA = 0.0, totalB = 0.0
        for (monthA, monthB) in zip(a, b) {
            totalA += monthA.cash.amount
            totalB += monthB.cash.amount
            if totalA <= totalB { return monthA.index }
        }
        return nil
    }
}

import Foundation
