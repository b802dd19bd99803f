/// The one parser for values with units in FleetSim's files: `"3.35 TB/s"`, `"700 W"`, `"64 GiB"`,
/// `"1979 TFLOPS"`, `"2.49 USD/h"`, `"0.62 CNY/kWh"`.
///
/// A value is a decimal number (optionally with an exponent), optional spaces, and a unit symbol from
/// ``UnitTable`` — or a currency code, optionally followed by `/` and a pricing basis. Ratios may be a
/// bare number or a percentage.
public enum UnitParser {
    /// A parsed price or amount of money, before it is given a type.
    public struct ParsedMoney: Equatable, Sendable {
        public let amount: Double
        public let currency: Currency
        /// `nil` for a plain amount.
        public let basis: PricingBasisKind?
    }

    /// The value of `text` in the base unit of `dimension`.
    /// - Throws: ``UnitError``.
    public static func parse(_ text: String, as dimension: Dimension) throws -> Double {
        let (number, unit) = try split(text, expected: dimension.expectation)
        guard let entry = UnitTable.entries[unit] else {
            if looksLikeMoney(unit) {
                throw UnitError.mismatchedUnit(text: text, found: "an amount of money", expected: dimension.expectation)
            }
            throw UnitError.unknownUnit(text: text, unit: unit, expected: dimension.expectation)
        }
        guard entry.dimension == dimension else {
            let found = unit.isEmpty ? "a plain number" : entry.dimension.phrase
            throw UnitError.mismatchedUnit(text: text, found: found, expected: dimension.expectation)
        }
        let value = number * entry.factor
        guard value.isFinite else { throw UnitError.notFinite(text: text) }
        return value
    }

    /// Reads `"25000 USD"`, `"2.49 USD/h"`, `"8.92 USD/MWh"` (converted to per kWh).
    /// - Throws: ``UnitError``.
    public static func parseMoney(_ text: String) throws -> ParsedMoney {
        let expected = "an amount of money or a price such as '25000 USD' or '2.49 USD/h'"
        let (number, unit) = try split(text, expected: expected)
        let parts = unit.split(separator: "/", maxSplits: 1).map { String($0).trimmingSpaces }
        guard let code = parts.first, code.count == 3, code.allSatisfy({ $0.isUppercase && $0.isASCII }) else {
            if let entry = UnitTable.entries[unit] {
                let found = unit.isEmpty ? "a plain number" : entry.dimension.phrase
                throw UnitError.mismatchedUnit(text: text, found: found, expected: expected)
            }
            throw UnitError.unknownUnit(text: text, unit: unit, expected: expected)
        }
        guard let currency = Currency(code: code) else { throw UnitError.unknownCurrency(text: text, code: code) }
        guard parts.count == 2 else {
            guard number.isFinite else { throw UnitError.notFinite(text: text) }
            return ParsedMoney(amount: number, currency: currency, basis: nil)
        }
        guard let (basis, factor) = PricingBasisKind.spellings[parts[1]] else {
            let bases = PricingBasisKind.allCases.map { "'\(code)/\($0.rawValue)'" }.joined(separator: ", ")
            throw UnitError.unknownUnit(text: text, unit: unit, expected: "a price per one of \(bases)")
        }
        let amount = number * factor
        guard amount.isFinite else { throw UnitError.notFinite(text: text) }
        return ParsedMoney(amount: amount, currency: currency, basis: basis)
    }

    /// Splits `"3.35 TB/s"` into `3.35` and `"TB/s"`.
    static func split(_ text: String, expected: String) throws -> (Double, String) {
        let trimmed = text.trimmingSpaces
        let characters = Array(trimmed)
        var end = 0
        func isDigit(_ index: Int) -> Bool { index < characters.count && characters[index].isASCII && characters[index].isNumber }
        if end < characters.count, characters[end] == "-" || characters[end] == "+" { end += 1 }
        let digitsStart = end
        while isDigit(end) || (end < characters.count && characters[end] == ".") { end += 1 }
        guard end > digitsStart, characters[digitsStart..<end].contains(where: { $0.isNumber }) else {
            throw UnitError.malformed(text: text, expected: expected)
        }
        // An exponent only when digits follow: "1e9" but not the "E" of "1 EFLOPS" or "1EUR".
        if end < characters.count, characters[end] == "e" || characters[end] == "E" {
            var exponentEnd = end + 1
            if exponentEnd < characters.count, characters[exponentEnd] == "-" || characters[exponentEnd] == "+" {
                exponentEnd += 1
            }
            if isDigit(exponentEnd) {
                while isDigit(exponentEnd) { exponentEnd += 1 }
                end = exponentEnd
            }
        }
        guard let number = Double(String(characters[0..<end])) else {
            throw UnitError.malformed(text: text, expected: expected)
        }
        guard number.isFinite else { throw UnitError.notFinite(text: text) }
        return (number, String(characters[end...]).trimmingSpaces)
    }

    private static func looksLikeMoney(_ unit: String) -> Bool {
        let code = unit.split(separator: "/").first.map(String.init) ?? ""
        return code.count == 3 && code.allSatisfy { $0.isUppercase && $0.isASCII } && Currency(code: code) != nil
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs (no Foundation needed).
    var trimmingSpaces: String {
        var slice = Substring(self)
        while let first = slice.first, first == " " || first == "\t" { slice = slice.dropFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice = slice.dropLast() }
        return String(slice)
    }
}
