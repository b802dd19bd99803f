import Testing
import FleetUnits

struct MoneyTests {
    @Test func parsesPricesWithTheirBasis() throws {
        #expect(try Price<PerHour>(parsing: "2.49 USD/h") == Price(2.49, .usd))
        #expect(try Price<PerKilowattHour>(parsing: "0.62 CNY/kWh") == Price(0.62, .cny))
        #expect(try Price<PerKilowattHour>(parsing: "89.2 USD/MWh") == Price(0.0892, .usd))
        #expect(try Price<PerMillionTokens>(parsing: "0.27 USD/Mtok") == Price(0.27, .usd))
        #expect(try Price<PerKilowattMonth>(parsing: "174.06 USD/kW/month") == Price(174.06, .usd))
        #expect(try Money(parsing: "25000 EUR") == Money(25000, .eur))
    }

    @Test func rejectsUnknownCurrency() {
        let error = UnitError.unknownCurrency(text: "3 XYZ/h", code: "XYZ")
        #expect(throws: error) { try Price<PerHour>(parsing: "3 XYZ/h") }
        #expect(error.description.hasPrefix("unknown currency 'XYZ' in '3 XYZ/h'; expected one of USD, EUR, CNY"))
    }

    @Test func rejectsPriceOfTheWrongBasis() {
        #expect(throws: UnitError.mismatchedUnit(
            text: "2.49 USD/h", found: "a price per hour", expected: "a price per kWh such as '1.5 USD/kWh'")) {
            try Price<PerKilowattHour>(parsing: "2.49 USD/h")
        }
        #expect(throws: UnitError.mismatchedUnit(
            text: "25000 USD", found: "an amount of money", expected: "a price per hour such as '1.5 USD/h'")) {
            try Price<PerHour>(parsing: "25000 USD")
        }
        #expect(throws: UnitError.mismatchedUnit(
            text: "700 W", found: "a power",
            expected: "an amount of money or a price such as '25000 USD' or '2.49 USD/h'")) {
            try Money(parsing: "700 W")
        }
    }

    @Test func pricesTimesQuantitiesGiveMoney() {
        let rent = Price<PerHour>(2, .usd)
        #expect(rent * Seconds(5400) == Money(3, .usd))
        let tariff = Price<PerKilowattHour>(0.1, .usd)
        #expect(tariff * (Watts(1000) * Seconds(3600)) == Money(0.1, .usd))
        let api = Price<PerMillionTokens>(1.1, .usd)
        #expect(api * Tokens(2e6) == Money(2.2, .usd))
    }

    @Test func conversionUsesOnlyGivenRates() throws {
        let rates = ExchangeRates(reportingCurrency: .usd, rates: [.cny: 0.14])
        #expect(try rates.convert(Money(100, .cny)) == Money(14.000000000000002, .usd))
        #expect(try rates.convert(Money(5, .usd)) == Money(5, .usd))
        #expect(throws: ExchangeRates.MissingRate(from: .eur, to: .usd)) { try rates.convert(Money(1, .eur)) }
        #expect(ExchangeRates.MissingRate(from: .eur, to: .usd).description
            == "no exchange rate from EUR to USD; add 'EUR: <value> USD' under 'exchange_rates'")
    }
}
