import FleetEconomics
import FleetUnits

/// Money assumptions: the horizon, and the terms of owning, renting and buying tokens.
public struct Finance: Codable, Sendable, Equatable {
    /// Months the comparison covers.
    public var horizonMonths: Int
    /// Growth of the request rate from one month to the next.
    public var monthlyDemandGrowth: Ratio
    public var owning: Owning
    public var renting: Renting
    /// Named API offers that options can refer to.
    public var apis: [APIOffer]
    /// Distributions of unit prices for Monte Carlo.
    public var uncertainty: Uncertainty
    /// Demand in each hour of the day relative to the daily mean (24 values); absent for flat demand. Owned
    /// and reserved fleets are sized for the peak hour; on-demand renting pays the hours each hour needs.
    public var dailyLoad: [Double]?

    enum CodingKeys: String, CodingKey {
        case horizonMonths = "horizon_months", monthlyDemandGrowth = "monthly_demand_growth", owning, renting, apis, uncertainty
        case dailyLoad = "daily_load"
    }

    public init(horizonMonths: Int, monthlyDemandGrowth: Ratio = Ratio(0), owning: Owning, renting: Renting, apis: [APIOffer],
                uncertainty: Uncertainty = .default) {
        self.uncertainty = uncertainty
        self.horizonMonths = horizonMonths
        self.monthlyDemandGrowth = monthlyDemandGrowth
        self.owning = owning
        self.renting = renting
        self.apis = apis
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let problems = decoder.problems
        let defaults = Finance.default
        horizonMonths = try container.decode(Int.self, forKey: .horizonMonths, orRecord: problems) ?? defaults.horizonMonths
        monthlyDemandGrowth = try container.decode(Ratio.self, forKey: .monthlyDemandGrowth, orRecord: problems)
            ?? defaults.monthlyDemandGrowth
        owning = try container.decode(Owning.self, forKey: .owning, orRecord: problems) ?? defaults.owning
        renting = try container.decode(Renting.self, forKey: .renting, orRecord: problems) ?? defaults.renting
        apis = try container.decodeEach(APIOffer.self, forKey: .apis, orRecord: problems) ?? defaults.apis
        uncertainty = try container.decode(Uncertainty.self, forKey: .uncertainty, orRecord: problems) ?? defaults.uncertainty
        dailyLoad = try container.decode([Double].self, forKey: .dailyLoad, orRecord: problems)
    }
}

/// Terms of owning the hardware. Prices may be given inline or taken from a price item id.
public struct Owning: Codable, Sendable, Equatable {
    /// Purchase price per server (whole system); `nil` takes the hardware profile's server price.
    public var serverPrice: Money?
    /// Electricity tariff.
    public var electricity: Price<PerKilowattHour>?
    /// Power usage effectiveness (≥ 1).
    public var pue: Double
    /// Colocation per kW per month.
    public var colocation: Price<PerKilowattMonth>?
    /// Depreciation life.
    public var usefulLifeYears: Double
    /// Annual cost of capital for the capital recovery factor.
    public var costOfCapital: Ratio
    /// Annual maintenance as a fraction of capex.
    public var maintenance: Ratio
    /// How capex is spread over the years for the cost per token.
    public var depreciation: CostModel.Depreciation
    /// Value left at the end of the useful life, as a fraction of the purchase price.
    public var residualValue: Ratio

    enum CodingKeys: String, CodingKey {
        case serverPrice = "server_price", electricity, pue, colocation, usefulLifeYears = "useful_life_years"
        case costOfCapital = "cost_of_capital", maintenance, depreciation, residualValue = "residual_value"
    }

    public init(serverPrice: Money?, electricity: Price<PerKilowattHour>?, pue: Double, colocation: Price<PerKilowattMonth>?,
                usefulLifeYears: Double, costOfCapital: Ratio, maintenance: Ratio,
                depreciation: CostModel.Depreciation = .capitalRecovery, residualValue: Ratio = Ratio(0)) {
        self.depreciation = depreciation
        self.residualValue = residualValue
        self.serverPrice = serverPrice
        self.electricity = electricity
        self.pue = pue
        self.colocation = colocation
        self.usefulLifeYears = usefulLifeYears
        self.costOfCapital = costOfCapital
        self.maintenance = maintenance
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let problems = decoder.problems
        let defaults = Owning.default
        serverPrice = try container.decode(Money.self, forKey: .serverPrice, orRecord: problems)
        electricity = try container.decode(Price<PerKilowattHour>.self, forKey: .electricity, orRecord: problems)
        pue = try container.decode(Double.self, forKey: .pue, orRecord: problems) ?? defaults.pue
        colocation = try container.decode(Price<PerKilowattMonth>.self, forKey: .colocation, orRecord: problems)
        usefulLifeYears = try container.decode(Double.self, forKey: .usefulLifeYears, orRecord: problems)
            ?? defaults.usefulLifeYears
        costOfCapital = try container.decode(Ratio.self, forKey: .costOfCapital, orRecord: problems) ?? defaults.costOfCapital
        maintenance = try container.decode(Ratio.self, forKey: .maintenance, orRecord: problems) ?? defaults.maintenance
        depreciation = try container.decode(CostModel.Depreciation.self, forKey: .depreciation, orRecord: problems) ?? defaults.depreciation
        residualValue = try container.decode(Ratio.self, forKey: .residualValue, orRecord: problems) ?? defaults.residualValue
    }
}

/// Rental rates per device-hour.
public struct Renting: Codable, Sendable, Equatable {
    public var onDemand: Price<PerHour>?
    public var reserved1Year: Price<PerHour>?
    public var reserved3Year: Price<PerHour>?

    enum CodingKeys: String, CodingKey {
        case onDemand = "on_demand", reserved1Year = "reserved_1y", reserved3Year = "reserved_3y"
    }

    public init(onDemand: Price<PerHour>? = nil, reserved1Year: Price<PerHour>? = nil, reserved3Year: Price<PerHour>? = nil) {
        self.onDemand = onDemand
        self.reserved1Year = reserved1Year
        self.reserved3Year = reserved3Year
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let problems = decoder.problems
        onDemand = try container.decode(Price<PerHour>.self, forKey: .onDemand, orRecord: problems)
        reserved1Year = try container.decode(Price<PerHour>.self, forKey: .reserved1Year, orRecord: problems)
        reserved3Year = try container.decode(Price<PerHour>.self, forKey: .reserved3Year, orRecord: problems)
    }
}

/// A per-token API offer.
public struct APIOffer: Codable, Sendable, Equatable {
    public var name: String
    public var input: Price<PerMillionTokens>
    public var output: Price<PerMillionTokens>
    public var cachedInput: Price<PerMillionTokens>?
    /// Expected fall of the prices per year (no default figure: the scenario states its own estimate).
    public var yearlyPriceDecline: Ratio?

    enum CodingKeys: String, CodingKey { case name, input, output, cachedInput = "cached_input", yearlyPriceDecline = "yearly_price_decline" }

    public init(name: String, input: Price<PerMillionTokens>, output: Price<PerMillionTokens>,
                cachedInput: Price<PerMillionTokens>? = nil) {
        self.name = name
        self.input = input
        self.output = output
        self.cachedInput = cachedInput
    }
}
