/// A price per something (`"2.49 USD/h"`, `"0.12 USD/kWh"`, `"0.27 USD/Mtok"`), in one currency.
///
/// The basis is part of the type, so a rent per hour cannot be multiplied by energy.
public struct Price<Basis: PricingBasis>: Hashable, Sendable, Comparable, CustomStringConvertible, Codable {
    /// Money per one canonical unit of the basis.
    public let amount: Double
    public let currency: Currency

    public init(_ amount: Double, _ currency: Currency) {
        self.amount = amount
        self.currency = currency
    }

    /// Parses `"2.49 USD/h"`; other spellings of the same basis are converted (`USD/MWh` → `USD/kWh`).
    /// - Throws: ``UnitError`` naming the expected form when the basis differs.
    public init(parsing text: String) throws {
        let parsed = try UnitParser.parseMoney(text)
        let expected = "a price per \(Basis.kind.phrase) such as '1.5 USD/\(Basis.kind.rawValue)'"
        guard let basis = parsed.basis else {
            throw UnitError.mismatchedUnit(text: text, found: "an amount of money", expected: expected)
        }
        guard basis == Basis.kind else {
            throw UnitError.mismatchedUnit(text: text, found: "a price per \(basis.phrase)", expected: expected)
        }
        self.init(parsed.amount, parsed.currency)
    }

    /// The amount as money: the price of one canonical unit.
    public var money: Money { Money(amount, currency) }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        precondition(lhs.currency == rhs.currency, "comparing \(lhs.currency) with \(rhs.currency)")
        return lhs.amount < rhs.amount
    }
    public static func * (lhs: Self, rhs: Double) -> Self { Self(lhs.amount * rhs, lhs.currency) }
    public static func * (lhs: Double, rhs: Self) -> Self { Self(lhs * rhs.amount, rhs.currency) }

    public var description: String {
        "\(UnitFormatter.number(amount)) \(currency.code)/\(Basis.kind.rawValue)"
    }

    public init(from decoder: any Decoder) throws {
        self = try decoder.singleValueContainer().decodeParsing(Self.init(parsing:))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

extension Price where Basis == PerHour {
    /// Cost of `duration` at this hourly rate.
    public static func * (lhs: Self, rhs: Seconds) -> Money { Money(lhs.amount * rhs.value / 3600, lhs.currency) }
}

extension Price where Basis == PerKilowattHour {
    /// Cost of `energy` at this tariff.
    public static func * (lhs: Self, rhs: Joules) -> Money { Money(lhs.amount * rhs.kilowattHours, lhs.currency) }
}

extension Price where Basis == PerMillionTokens {
    /// Cost of `tokens` at this per-million price.
    public static func * (lhs: Self, rhs: Tokens) -> Money { Money(lhs.amount * rhs.value / 1e6, lhs.currency) }
}
