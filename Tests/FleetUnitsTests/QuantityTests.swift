import Testing
import FleetUnits

struct QuantityTests {
    @Test func crossDimensionArithmeticFollowsPhysics() {
        #expect(Bytes(3.35e12) / BytesPerSecond(3.35e12) == Seconds(1))
        #expect(FLOPs(2e15) / FLOPSRate(1e15) == Seconds(2))
        #expect(Watts(700) * Seconds(3600) == Joules(2.52e6))
        #expect(Tokens(100) / Seconds(4) == TokensPerSecond(25))
        #expect(Seconds(1) + Seconds(2) == Seconds(3))
        #expect(Bytes(10) / Bytes(4) == 2.5)
    }

    @Test(arguments: [
        ("3.35 TB/s", "3.35 TB/s"), ("80 GB", "80 GB"), ("64 GiB", "68.7195 GB"), ("700 W", "700 W"),
        ("989.4 TFLOPS", "989.4 TFLOPS"), ("0.25 s", "250 ms"), ("10.2 kW", "10.2 kW"),
    ])
    func formatsWithReadablePrefix(input: String, printed: String) throws {
        let dimension: Dimension = switch input.split(separator: " ")[1] {
        case "TB/s": .bandwidth
        case "GB", "GiB": .information
        case "W", "kW": .power
        case "TFLOPS": .operationRate
        default: .time
        }
        #expect(UnitFormatter.format(try UnitParser.parse(input, as: dimension), dimension: dimension) == printed)
    }

    @Test func numbersPrintDeterministically() {
        #expect(UnitFormatter.number(0.0892) == "0.0892")
        #expect(UnitFormatter.number(-0.5) == "-0.5")
        #expect(UnitFormatter.number(270000) == "270000")
        #expect(UnitFormatter.number(1e-7) == "1e-07")
        #expect(UnitFormatter.number(.nan) == "nan")
    }
}
