import Foundation
import FleetProfiles
import FuzzSupport

/// Feeds each input to the profile loader as one document of every kind (hardware, model, engine, price
/// sheet) and as a dataset sheet: YAML parsing, decoding with located errors, unknown-key detection, and
/// the profile checks. Thrown diagnostics are the expected outcome for bad input; only a crash, trap or
/// hang is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func profileFuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let text = FuzzInput.text(data, size) else { return 0 }
    let document: Document
    do {
        document = try Document(text: text, file: "fuzz.yaml")
    } catch {
        _ = error.description
        return 0
    }
    var documents: [ProfileKind: [(id: String, document: Document)]] = [:]
    for kind in ProfileKind.allCases { documents[kind] = [(id: "fuzz", document: document)] }
    do {
        let catalog = try ProfileCatalog.load(documents: documents, datasets: [(id: "fuzz", document: document)])
        _ = catalog.hardware.count
    } catch {
        _ = error.description
    }
    return 0
}

@main
enum ProfileFuzzer {
    static func main() {
        exit(FuzzerMain.run(profileFuzzerTestOneInput))
    }
}
