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

        /// Device activity when `devices` serve `requestRate`: the busy fraction at capacity times the share
        /// of the devices' capacity the load uses (work, and so dynamic power, per request is taken as constant).
        public func activity(requestRate: Double, devices: Double) -> Double {
            let capacity = devices / Double(max(1, devicesPerReplica)) * capacityPerReplica
            return capacity > 0 ? busy * min(1, requestRate / capacity) : 0
        }
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

    /// Where demand goes that an owned fleet cannot serve: above its capacity in the peak hours of a hybrid
    /// option, and all of it before the servers arrive (procurement lead time).
    public enum Overflow: Sendable, Equatable {
        case api(input: Price<PerMillionTokens>, output: Price<PerMillionTokens>, yearlyDecline: Double = 0)
        case rentOnDemand(Price<PerHour>)
    }

    public let acquisition: Acquisition
    public let fleet: Fleet?
    public let currency: Currency
    /// Demand in each hour of the day relative to the daily mean (24 values, or one for flat demand).
    public var loadCurve: [Double] = [1]
    /// Owning: months from order to servers serving. Servers needed in month m are bought in month m − lead.
    public var leadTimeMonths = 0
    /// Owning: a fixed fleet sized for this request rate (the base load of a hybrid option) instead of the
    /// peak demand of each month.
    public var baseRequestRate: Double?
    /// Owning: who serves the demand the owned fleet does not.
    public var overflow: Overflow?

    public init(acquisition: Acquisition, fleet: Fleet?, currency: Currency) {
        self.acquisition = acquisition
        self.fleet = fleet
        self.currency = currency
    }

    /// Months `1…horizon` of a demand of `requestRate` requests/s (daily mean) growing by `monthlyGrowth` a month.
    ///
    /// Within a month each hour of the day has demand `rate × loadCurve[h] / mean(loadCurve)`:
    /// - owning sizes its fleet for the peak hour (or for ``baseRequestRate``), buys servers ``leadTimeMonths``
    ///   before they serve, serves `min(demand, capacity)` each hour and sends the rest to ``overflow``;
    ///   electricity follows the owned fleet's activity (served / capacity);
    /// - renting on demand pays, each hour, the replicas that hour needs; reserved renting pays the peak fleet
    ///   every hour; an API pays every token.
    public func months(horizon: Int, requestRate: Double, monthlyGrowth: Double, inputTokens: Double, outputTokens: Double) -> [Month] {
        let mean = loadCurve.reduce(0, +) / Double(max(1, loadCurve.count))
        let shape = loadCurve.map { $0 / (mean > 0 ? mean : 1) }
        let peak = shape.max() ?? 1
        let seconds = Seconds(Self.hoursPerMonth * 3600)
        let rates = (1...horizon).map { requestRate * pow(1 + monthlyGrowth, Double($0 - 1)) }
        if let fleet, let highest = rates.max() {
            let needed = fleet.devices(servingRate: highest * peak)
            precondition(needed <= Fleet.largestDeviceCount,
                         "the peak month needs \(needed) devices at \(highest * peak) requests/s; callers check Fleet.largestDeviceCount")
        }
        func replicas(_ rate: Double) -> Int { fleet.map { Int((rate / $0.capacityPerReplica).rounded(.up)) } ?? 0 }

        // Owning: servers serving in each month, and servers bought in each month.
        var serving = [Int](repeating: 0, count: horizon + 1), bought = [Double](repeating: 0, count: horizon + 1)
        if case let .own(_, perServer, _, _, _, _, _, _, _, _) = acquisition, let fleet {
            var largest = 0
            for month in 1...horizon {
                let target = replicas(baseRequestRate ?? rates[month - 1] * peak) * fleet.devicesPerReplica
                largest = max(largest, (target + perServer - 1) / perServer)
                bought[max(1, month - leadTimeMonths)] += Double(largest - serving[month - 1])
                serving[month] = largest
            }
            // Purchases counted above are increments of the needed fleet; shift serving by the lead time.
            for month in stride(from: horizon, through: 1, by: -1) { serving[month] = month > leadTimeMonths ? serving[month] : 0 }
        }

        var months: [Month] = []
        for index in 1...horizon {
            let rate = rates[index - 1]
            let requests = rate * seconds.value
            let tokens = requests * (inputTokens + outputTokens)
            var devices = 0
            var cash = 0.0, economic = 0.0, energy = Joules.zero
            var owned = 0.0, kilowatts = 0.0, deviceHours = 0.0, energyCost = 0.0, inputMegatokens = 0.0, outputMegatokens = 0.0
            /// Pays `overflowRequests` (and the hourly overflow rates for renting) to `overflow`.
            func payOverflow(_ overflow: Overflow, requests overflowRequests: Double, hourly: [Double]) {
                switch overflow {
                case let .api(input, output, decline):
                    let factor = pow(1 - decline, Double(index - 1) / 12)
                    inputMegatokens += overflowRequests * inputTokens / 1e6 * factor
                    outputMegatokens += overflowRequests * outputTokens / 1e6 * factor
                    let cost = (input.amount * overflowRequests * inputTokens + output.amount * overflowRequests * outputTokens) / 1e6 * factor
                    cash += cost
                    economic += cost
                case let .rentOnDemand(price):
                    guard let fleet else { return }
                    let replicaHours = hourly.reduce(0) { $0 + Double(replicas($1)) } * Self.hoursPerMonth / Double(hourly.count)
                    let hours = replicaHours * Double(fleet.devicesPerReplica)
                    deviceHours += hours
                    devices += (hourly.map(replicas).max() ?? 0) * fleet.devicesPerReplica
                    cash += price.amount * hours
                    economic += price.amount * hours
                }
            }
            let hourly = shape.map { rate * $0 }
            switch acquisition {
            case let .own(price, perServer, electricity, pue, colocation, life, capital, maintenance, depreciation, residualFraction):
                let servers = serving[index]
                owned = Double(servers)
                devices = servers * perServer
                let capex = price.amount * Double(servers)
                cash += price.amount * bought[index]
                economic += Self.yearlyCapitalCost(capex, depreciation: depreciation, costOfCapital: capital, usefulLifeYears: life,
                                                   residualFraction: residualFraction) / 12
                let maintenanceCost = capex * maintenance / 12
                cash += maintenanceCost
                economic += maintenanceCost
                let ownedDevices = Double(servers * perServer)
                let capacity = fleet.map { ownedDevices / Double(max(1, $0.devicesPerReplica)) * $0.capacityPerReplica } ?? 0
                let served = hourly.map { min($0, capacity) }
                let servedShare = hourly.reduce(0, +) > 0 ? served.reduce(0, +) / hourly.reduce(0, +) : 1
                if let fleet, ownedDevices > 0, let (power, _) = EnergyModel.averagePower(
                    perDevice: fleet.hardware, busy: fleet.activity(requestRate: served.reduce(0, +) / Double(served.count), devices: ownedDevices)) {
                    energy = EnergyModel.facilityEnergy(itPower: power * ownedDevices, pue: pue, duration: seconds)
                    energyCost = (electricity.map { $0 * energy }?.amount) ?? 0
                    let provisioned = (EnergyModel.provisionedPower(perDevice: fleet.hardware) ?? .zero) * ownedDevices
                    kilowatts = provisioned.value / 1000
                    let colocationCost = (colocation?.amount ?? 0) * provisioned.value / 1000
                    cash += energyCost + colocationCost
                    economic += energyCost + colocationCost
                }
                if let overflow, servedShare < 1 {
                    payOverflow(overflow, requests: requests * (1 - servedShare), hourly: zip(hourly, served).map { $0 - $1 })
                }
            case let .rentOnDemand(price):
                payOverflow(.rentOnDemand(price), requests: requests, hourly: hourly)
            case let .rentReserved(price):
                devices = replicas(rate * peak) * (fleet?.devicesPerReplica ?? 0)
                deviceHours = Double(devices) * Self.hoursPerMonth
                cash += price.amount * deviceHours
                economic += price.amount * deviceHours
            case let .api(input, output, decline):
                payOverflow(.api(input: input, output: output, yearlyDecline: decline), requests: requests, hourly: hourly)
            }
            var month = Month(index: index, requestRate: rate, devices: devices, cash: Money(cash, currency),
                              economicCost: Money(economic, currency), energy: energy, tokens: tokens)
            month.energyCost = energyCost
            month.serversBought = bought[index]
            month.serversOwned = owned
            month.provisionedKilowatts = kilowatts
            month.deviceHours = deviceHours
            month.inputMegatokens = inputMegatokens
            month.outputMegatokens = outputMegatokens
            months.append(month)
        }
        return months
    }

    /// The yearly cost of holding `capex`: annualized at the cost of capital with the capital recovery factor,
    /// or straight-line depreciation, net of a residual of `residualFraction × capex`. Linear in `capex`.
    public static func yearlyCapitalCost(_ capex: Double, depreciation: Depreciation, costOfCapital: Double, usefulLifeYears: Double,
                                         residualFraction: Double) -> Double {
        let residual = capex * residualFraction
        return depreciation == .straightLine
            ? CapitalRecovery.straightLine(cost: capex, residual: residual, years: usefulLifeYears)
            : CapitalRecovery.annualized(cost: capex, residual: residual, rate: costOfCapital, years: usefulLifeYears)
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
