import Testing
import FleetUnits

struct UnitParserTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let text: String
        let dimension: Dimension
        let base: Double
        var testDescription: String { text }
    }

    @Test(arguments: [
        Case(text: "3.35 TB/s", dimension: .bandwidth, base: 3.35e12),
        Case(text: "900 GB/s", dimension: .bandwidth, base: 9e11),
        Case(text: "400 Gb/s", dimension: .bandwidth, base: 5e10),
        Case(text: "400 Gbps", dimension: .bandwidth, base: 5e10),
        Case(text: "64 GiB", dimension: .information, base: 68_719_476_736),
        Case(text: "64 GB", dimension: .information, base: 64e9),
        Case(text: "80GB", dimension: .information, base: 80e9),
        Case(text: "1979 TFLOPS", dimension: .operationRate, base: 1.979e15),
        Case(text: "1979 TOPS", dimension: .operationRate, base: 1.979e15),
        Case(text: "2.5 PFLOPS", dimension: .operationRate, base: 2.5e15),
        Case(text: "1 EFLOPS", dimension: .operationRate, base: 1e18),
        Case(text: "1e9 FLOP", dimension: .operations, base: 1e9),
        Case(text: "2.5e-3 s", dimension: .time, base: 2.5e-3),
        Case(text: "700 W", dimension: .power, base: 700),
        Case(text: "10.2 kW", dimension: .power, base: 10_200),
        Case(text: "2 MW", dimension: .power, base: 2e6),
        Case(text: "1 kWh", dimension: .energy, base: 3.6e6),
        Case(text: "250 ms", dimension: .time, base: 0.25),
        Case(text: "2 h", dimension: .time, base: 7200),
        Case(text: "128 tokens", dimension: .tokens, base: 128),
        Case(text: "3 Btok", dimension: .tokens, base: 3e9),
        Case(text: "1500 tokens/s", dimension: .tokenRate, base: 1500),
        Case(text: "90 %", dimension: .ratio, base: 0.9),
        Case(text: "0.9", dimension: .ratio, base: 0.9),
        Case(text: "  -4 W ", dimension: .power, base: -4),
    ])
    func parsesValueIntoBaseUnit(_ example: Case) throws {
        let value = try UnitParser.parse(example.text, as: example.dimension)
        #expect(abs(value - example.base) <= 1e-12 * abs(example.base))
    }

    @Test func gigabytesAndGibibytesDiffer() throws {
        let decimal = try Bytes(parsing: "1 GB"), binary = try Bytes(parsing: "1 GiB")
        #expect(decimal == Bytes.gigabytes(1))
        #expect(binary == Bytes.gibibytes(1))
        #expect(binary > decimal)
        #expect(try Bytes(parsing: "8 Gb") == Bytes.gigabytes(1))
    }

    @Test func rejectsMismatchedUnitNamingWhatWasExpected() {
        #expect(throws: UnitError.mismatchedUnit(
            text: "700 W", found: "a power", expected: "a bandwidth such as 'GB/s', 'TB/s' or 'Gb/s'")) {
            try BytesPerSecond(parsing: "700 W")
        }
        #expect(throws: UnitError.mismatchedUnit(
            text: "80", found: "a plain number", expected: "an amount of data such as 'GB', 'GiB' or 'TB'")) {
            try Bytes(parsing: "80")
        }
        #expect(throws: UnitError.mismatchedUnit(
            text: "2.49 USD/h", found: "an amount of money", expected: "a power such as 'W', 'kW' or 'MW'")) {
            try Watts(parsing: "2.49 USD/h")
        }
    }

    @Test func rejectsUnknownUnit() {
        let error = UnitError.unknownUnit(text: "3 GBs", unit: "GBs", expected: "a bandwidth such as 'GB/s', 'TB/s' or 'Gb/s'")
        #expect(throws: error) { try BytesPerSecond(parsing: "3 GBs") }
        #expect(error.description == "unknown unit 'GBs' in '3 GBs'; expected a bandwidth such as 'GB/s', 'TB/s' or 'Gb/s'")
    }

    @Test func rejectsTextThatIsNotANumber() {
        #expect(throws: UnitError.malformed(text: "fast", expected: "a power such as 'W', 'kW' or 'MW'")) {
            try Watts(parsing: "fast")
        }
        #expect(throws: UnitError.malformed(text: "", expected: "a duration such as 's', 'ms', 'min' or 'h'")) {
            try Seconds(parsing: "")
        }
        #expect(throws: UnitError.malformed(text: ". W", expected: "a power such as 'W', 'kW' or 'MW'")) {
            try Watts(parsing: ". W")
        }
    }

    @Test func rejectsOverflowOnceScaled() {
        #expect(throws: UnitError.notFinite(text: "1e308 PFLOPS")) { try FLOPSRate(parsing: "1e308 PFLOPS") }
    }
}
