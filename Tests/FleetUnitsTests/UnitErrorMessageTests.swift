import Testing
import FleetUnits

/// Every unit error a user can see, pinned word for word (argument-parser's `ErrorMessageTests`): the text
/// printed after `file:line:column: error:` for a value in a file, or after `--option:` on the command line.
struct UnitErrorMessageTests {
    func message(_ body: () throws -> Any) -> String? {
        do {
            _ = try body()
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test(arguments: [
        ("fast", Dimension.power, "'fast' is not a number with a unit; expected a power such as 'W', 'kW' or 'MW'"),
        ("", .time, "'' is not a number with a unit; expected a duration such as 's', 'ms', 'min' or 'h'"),
        ("30fortnights", .time, "unknown unit 'fortnights' in '30fortnights'; expected a duration such as 's', 'ms', 'min' or 'h'"),
        ("3 GBs", .bandwidth, "unknown unit 'GBs' in '3 GBs'; expected a bandwidth such as 'GB/s', 'TB/s' or 'Gb/s'"),
        ("500 GB", .power, "'500 GB' is an amount of data; expected a power such as 'W', 'kW' or 'MW'"),
        ("2", .time, "'2' is a plain number; expected a duration such as 's', 'ms', 'min' or 'h'"),
        ("3 USD", .power, "'3 USD' is an amount of money; expected a power such as 'W', 'kW' or 'MW'"),
        ("1e308 PFLOPS", .operationRate, "'1e308 PFLOPS' is not a finite number"),
    ])
    func quantityMessages(text: String, dimension: Dimension, expected: String) {
        #expect(message { try UnitParser.parse(text, as: dimension) } == expected)
    }

    @Test(arguments: [
        ("cheap", "'cheap' is not a number with a unit; expected an amount of money or a price such as '25000 USD' or '2.49 USD/h'"),
        ("255237 XYZ", "unknown currency 'XYZ' in '255237 XYZ'; expected one of USD, EUR, CNY, GBP, JPY, KRW, INR, SGD, HKD, TWD, CHF, CAD, AUD"),
        ("0.0892 USD/kW", "unknown unit 'USD/kW' in '0.0892 USD/kW'; expected a price per one of 'USD/h', 'USD/month', 'USD/year', 'USD/kWh', 'USD/Mtok', 'USD/kW/month'"),
        ("1e400 USD", "'1e400 USD' is not a finite number"),
    ])
    func moneyMessages(text: String, expected: String) {
        #expect(message { try UnitParser.parseMoney(text) } == expected)
    }

    @Test func missingExchangeRateSaysWhatToAdd() {
        #expect(ExchangeRates.MissingRate(from: .usd, to: .eur).description
            == "no exchange rate from USD to EUR; add 'USD: <value> EUR' under 'exchange_rates'")
    }
}
