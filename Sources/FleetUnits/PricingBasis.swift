/// What a price is per. Each basis has one canonical unit; other spellings are converted on parsing
/// (`USD/MWh` becomes `USD/kWh` ÷ 1000, `USD/ktok` becomes `USD/Mtok` × 1000).
public protocol PricingBasis: Sendable {
    /// The canonical kind.
    static var kind: PricingBasisKind { get }
}

/// The bases a price can have, with their canonical symbols.
public enum PricingBasisKind: String, Sendable, CaseIterable, Codable {
    /// Per hour of use (of one device, when a price is per device-hour): `USD/h`.
    case hour = "h"
    /// Per month: `USD/month`.
    case month
    /// Per year: `USD/year`.
    case year
    /// Per kilowatt-hour of energy: `USD/kWh`.
    case kilowattHour = "kWh"
    /// Per million tokens: `USD/Mtok`.
    case millionTokens = "Mtok"
    /// Per kilowatt of provisioned power per month (colocation): `USD/kW/month`.
    case kilowattMonth = "kW/month"

    /// "hour", "kWh", "million tokens".
    public var phrase: String {
        switch self {
        case .hour: "hour"
        case .month: "month"
        case .year: "year"
        case .kilowattHour: "kWh"
        case .millionTokens: "million tokens"
        case .kilowattMonth: "kW per month"
        }
    }

    /// The spellings accepted after the slash, and the factor that turns a price in that spelling into
    /// a price per the canonical unit.
    static let spellings: [String: (PricingBasisKind, Double)] = [
        "h": (.hour, 1), "hr": (.hour, 1), "hour": (.hour, 1),
        "month": (.month, 1), "mo": (.month, 1),
        "year": (.year, 1), "yr": (.year, 1),
        "kWh": (.kilowattHour, 1), "MWh": (.kilowattHour, 1e-3), "Wh": (.kilowattHour, 1e3),
        "Mtok": (.millionTokens, 1), "M tokens": (.millionTokens, 1), "1M tokens": (.millionTokens, 1),
        "ktok": (.millionTokens, 1e3), "token": (.millionTokens, 1e6),
        "kW/month": (.kilowattMonth, 1), "kW-month": (.kilowattMonth, 1), "kW/mo": (.kilowattMonth, 1),
    ]
}

/// Price per hour (device-hours for rental).
public enum PerHour: PricingBasis { public static let kind = PricingBasisKind.hour }
/// Price per month.
public enum PerMonth: PricingBasis { public static let kind = PricingBasisKind.month }
/// Price per year.
public enum PerYear: PricingBasis { public static let kind = PricingBasisKind.year }
/// Price per kilowatt-hour.
public enum PerKilowattHour: PricingBasis { public static let kind = PricingBasisKind.kilowattHour }
/// Price per million tokens.
public enum PerMillionTokens: PricingBasis { public static let kind = PricingBasisKind.millionTokens }
/// Price per kilowatt per month.
public enum PerKilowattMonth: PricingBasis { public static let kind = PricingBasisKind.kilowattMonth }
