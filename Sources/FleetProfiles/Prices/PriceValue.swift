import FleetUnits

/// The figure of a price item, typed by its kind.
public enum PriceValue: Sendable, Equatable {
    /// Purchase price of the `devices` the item covers.
    case purchase(Money)
    /// Rent per device-hour.
    case hourly(Price<PerHour>)
    /// Electricity tariff.
    case energy(Price<PerKilowattHour>)
    /// Colocation per kW of provisioned power per month.
    case colocation(Price<PerKilowattMonth>)
    /// Power usage effectiveness (facility power / IT power).
    case ratio(Double)
    /// Useful life of servers for depreciation.
    case years(Double)
    /// API prices per million tokens.
    case api(input: Price<PerMillionTokens>, output: Price<PerMillionTokens>, cachedInput: Price<PerMillionTokens>?)
    /// No public source gives this figure; a scenario must supply it.
    case unavailable

    /// The currency of the figure, if it is money.
    public var currency: Currency? {
        switch self {
        case let .purchase(money): money.currency
        case let .hourly(price): price.currency
        case let .energy(price): price.currency
        case let .colocation(price): price.currency
        case let .api(input, _, _): input.currency
        case .ratio, .years, .unavailable: nil
        }
    }

    /// Every numeric magnitude, for validation (all must be finite and positive).
    public var magnitudes: [Double] {
        switch self {
        case let .purchase(money): [money.amount]
        case let .hourly(price): [price.amount]
        case let .energy(price): [price.amount]
        case let .colocation(price): [price.amount]
        case let .ratio(ratio): [ratio]
        case let .years(years): [years]
        case let .api(input, output, cached): [input.amount, output.amount] + (cached.map { [$0.amount] } ?? [])
        case .unavailable: []
        }
    }

    /// The figure as printed: `255237 USD`, `2.99 USD/h`, `in 0.27 / out 1.1 USD/Mtok`.
    public var summary: String {
        switch self {
        case let .purchase(money): money.description
        case let .hourly(price): price.description
        case let .energy(price): price.description
        case let .colocation(price): price.description
        case let .ratio(ratio): "PUE \(UnitFormatter.number(ratio))"
        case let .years(years): "\(UnitFormatter.number(years)) years"
        case let .api(input, output, cached):
            "in \(input)" + (cached.map { ", cached in \($0)" } ?? "") + ", out \(output)"
        case .unavailable: "no public figure"
        }
    }
}
