import Foundation
import FleetProfiles
import FleetScenario
import FuzzSupport

/// Feeds each input to the scenario loader twice, as `fuzz.yaml` and as strict `fuzz.json`: parse, decode,
/// validate against the bundled catalogue, resolve engine defaults, and print the effective scenario back
/// as YAML (what `dump-scenario --effective` does). Thrown diagnostics are the expected outcome for bad
/// input; only a crash, trap or hang is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func scenarioFuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let text = FuzzInput.text(data, size) else { return 0 }
    for file in ["fuzz.yaml", "fuzz.json"] {
        do {
            let document = try ScenarioDocument.load(text: text, file: file, catalog: FuzzInput.catalog)
            _ = try? document.yaml(effective: true)
        } catch {
            _ = error.description
        }
    }
    return 0
}

@main
enum ScenarioFuzzer {
    static func main() {
        exit(FuzzerMain.run(scenarioFuzzerTestOneInput))
    }
}
