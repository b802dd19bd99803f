/// An ISO 4217 currency. Amounts in different currencies never mix: conversion goes only through
/// ``ExchangeRates`` the user supplies.
public struct Currency: Hashable, Sendable, Comparable, CustomStringConvertible, Codable {
    /// The three-letter code, e.g. `USD`.
    public let code: String

    /// The currencies FleetSim accepts: those its price sheets use, and other major ones.
    public static let known: [Currency] = ["USD", "EUR", "CNY", "GBP", "JPY", "KRW", "INR", "SGD", "HKD", "TWD",
                                           "CHF", "CAD", "AUD"].map { Currency(uncheckedCode: $0) }
    public static let usd = Currency(uncheckedCode: "USD")
    public static let eur = Currency(uncheckedCode: "EUR")
    public static let cny = Currency(uncheckedCode: "CNY")

    private init(uncheckedCode code: String) { self.code = code }

    /// A known currency, or `nil`.
    public init?(code: String) {
        guard Currency.known.contains(where: { $0.code == code }) else { return nil }
        self.code = code
    }

    public var description: String { code }
    public static func < (lhs: Currency, rhs: Currency) -> Bool { lhs.code < rhs.code }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let code = try container.decode(String.self)
        guard let currency = Currency(code: code) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: UnitError.unknownCurrency(text: code, code: code).description)
        }
        self = currency
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(code)
    }
}
