/// Why a value with a unit could not be read. Messages are lower-case, quote the offending text and say
/// what was expected.
public enum UnitError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The text does not start with a number.
    case malformed(text: String, expected: String)
    /// The unit is not one FleetSim knows.
    case unknownUnit(text: String, unit: String, expected: String)
    /// The unit is known but measures something else.
    case mismatchedUnit(text: String, found: String, expected: String)
    /// Three letters where a currency was expected, but not a known ISO 4217 code.
    case unknownCurrency(text: String, code: String)
    /// The number is NaN or infinite (or overflows once scaled to the base unit).
    case notFinite(text: String)

    public var description: String {
        switch self {
        case let .malformed(text, expected):
            "'\(text)' is not a number with a unit; expected \(expected)"
        case let .unknownUnit(text, unit, expected):
            "unknown unit '\(unit)' in '\(text)'; expected \(expected)"
        case let .mismatchedUnit(text, found, expected):
            "'\(text)' is \(found); expected \(expected)"
        case let .unknownCurrency(text, code):
            "unknown currency '\(code)' in '\(text)'; expected one of \(Currency.known.map(\.code).joined(separator: ", "))"
        case let .notFinite(text):
            "'\(text)' is not a finite number"
        }
    }
}
