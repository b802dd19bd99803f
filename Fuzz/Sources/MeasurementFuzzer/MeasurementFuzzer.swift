import Foundation
import FleetProfiles
import FuzzSupport

/// Feeds each input to the measurement-file reader that `validate` and `calibrate` use: CSV parsing, the
/// 22-column header check, and every per-row check. Thrown diagnostics are the expected outcome for bad
/// input; only a crash, trap or hang is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func measurementFuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let text = FuzzInput.text(data, size) else { return 0 }
    do {
        let table = try MeasurementTable(text: text, file: "fuzz.csv")
        _ = table.measurements.count
    } catch {
        _ = error.description
    }
    return 0
}

@main
enum MeasurementFuzzer {
    static func main() {
        exit(FuzzerMain.run(measurementFuzzerTestOneInput))
    }
}
