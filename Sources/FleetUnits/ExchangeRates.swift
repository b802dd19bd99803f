/// Exchange rates the user supplies, relative to one reporting currency. There are no built-in rates:
/// converting money for which no rate was given is an error.
public struct ExchangeRates: Equatable, Sendable {
    /// The currency results are reported in.
    public let reportingCurrency: Currency
    /// Units of the reporting currency that one unit of each other currency buys.
    public let rates: [Currency: Double]

    /// - Parameter rates: for each currency, the value of one unit of it in `reportingCurrency`
    ///   (`[.cny: 0.138]` with reporting currency USD means 1 CNY = 0.138 USD).
    /// - Precondition: every rate is finite and positive (validated where rates are read).
    public init(reportingCurrency: Currency, rates: [Currency: Double] = [:]) {
        precondition(rates.values.allSatisfy { $0.isFinite && $0 > 0 }, "exchange rates must be positive and finite")
        self.reportingCurrency = reportingCurrency
        self.rates = rates
    }

    /// Why money could not be converted.
    public struct MissingRate: Error, Equatable, CustomStringConvertible {
        public let from: Currency
        public let to: Currency
        public init(from: Currency, to: Currency) {
            self.from = from
            self.to = to
        }
        public var description: String {
            "no exchange rate from \(from) to \(to); add '\(from): <value> \(to)' under 'exchange_rates'"
        }
    }

    /// The rate that turns one unit of `currency` into the reporting currency.
    public func rate(for currency: Currency) throws(MissingRate) -> Double {
        if currency == reportingCurrency { return 1 }
        guard let rate = rates[currency] else { throw MissingRate(from: currency, to: reportingCurrency) }
        return rate
    }

    /// `money` in the reporting currency.
    public func convert(_ money: Money) throws(MissingRate) -> Money {
        Money(money.amount * (try rate(for: money.currency)), reportingCurrency)
    }

    /// `price` in the reporting currency.
    public func convert<Basis>(_ price: Price<Basis>) throws(MissingRate) -> Price<Basis> {
        Price(price.amount * (try rate(for: price.currency)), reportingCurrency)
    }
}
