/// An amount of money in one currency.
public struct Money: Hashable, Sendable, Comparable, CustomStringConvertible, Codable {
    /// The amount in units of `currency` (dollars, not cents).
    public let amount: Double
    public let currency: Currency

    public init(_ amount: Double, _ currency: Currency) {
        self.amount = amount
        self.currency = currency
    }

    /// Parses `"25000 USD"`.
    /// - Throws: ``UnitError`` for a malformed value, an unknown currency or a price per something.
    public init(parsing text: String) throws {
        let parsed = try UnitParser.parseMoney(text)
        guard parsed.basis == nil else {
            throw UnitError.mismatchedUnit(text: text, found: "a price per \(parsed.basis!.phrase)",
                                           expected: "an amount of money such as '25000 USD'")
        }
        self.init(parsed.amount, parsed.currency)
    }

    public static func zero(_ currency: Currency) -> Money { Money(0, currency) }

    public static func < (lhs: Money, rhs: Money) -> Bool {
        precondition(lhs.currency == rhs.currency, "comparing \(lhs.currency) with \(rhs.currency)")
        return lhs.amount < rhs.amount
    }
    public static func + (lhs: Money, rhs: Money) -> Money {
        precondition(lhs.currency == rhs.currency, "adding \(lhs.currency) to \(rhs.currency) needs an exchange rate")
        return Money(lhs.amount + rhs.amount, lhs.currency)
    }
    public static func - (lhs: Money, rhs: Money) -> Money {
        precondition(lhs.currency == rhs.currency, "subtracting \(rhs.currency) from \(lhs.currency) needs an exchange rate")
        return Money(lhs.amount - rhs.amount, lhs.currency)
    }
    public static func * (lhs: Money, rhs: Double) -> Money { Money(lhs.amount * rhs, lhs.currency) }
    public static func * (lhs: Double, rhs: Money) -> Money { Money(lhs * rhs.amount, rhs.currency) }
    public static func / (lhs: Money, rhs: Double) -> Money { Money(lhs.amount / rhs, lhs.currency) }

    public var description: String { "\(UnitFormatter.number(amount)) \(currency.code)" }

    public init(from decoder: any Decoder) throws {
        self = try decoder.singleValueContainer().decodeParsing(Money.init(parsing:))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
