import Foundation
import FleetUnits
import FuzzSupport

/// Feeds each input to the unit parser as every dimension, as money and as each kind of price, and prints
/// every value it accepts back with the formatter (the round trip files go through). Thrown ``UnitError``s
/// are the expected outcome for bad input; only a crash, trap or hang is a finding, and so is an accepted
/// value that is not finite.
@_cdecl("LLVMFuzzerTestOneInput")
public func unitFuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let text = FuzzInput.text(data, size) else { return 0 }
    for dimension in Dimension.allCases {
        guard let value = try? UnitParser.parse(text, as: dimension) else { continue }
        precondition(value.isFinite, "'\(text)' parsed as \(dimension) to \(value)")
        _ = UnitFormatter.format(value, dimension: dimension)
    }
    if let money = try? UnitParser.parseMoney(text) {
        precondition(money.amount.isFinite, "'\(text)' parsed as money to \(money.amount)")
    }
    _ = (try? Money(parsing: text))?.description
    _ = (try? Price<PerHour>(parsing: text))?.description
    _ = (try? Price<PerMonth>(parsing: text))?.description
    _ = (try? Price<PerYear>(parsing: text))?.description
    _ = (try? Price<PerKilowattHour>(parsing: text))?.description
    _ = (try? Price<PerMillionTokens>(parsing: text))?.description
    _ = (try? Price<PerKilowattMonth>(parsing: text))?.description
    return 0
}

@main
enum UnitFuzzer {
    static func main() {
        exit(FuzzerMain.run(unitFuzzerTestOneInput))
    }
}
