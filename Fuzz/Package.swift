// swift-tools-version:6.1
// libFuzzer targets for FleetSim's file readers, kept out of the main build. Build and run: scripts/fuzz.sh
import Foundation
import PackageDescription

/// SwiftPM names a path dependency after its folder, which differs between checkouts.
let fleetSimPackage = URL(fileURLWithPath: Context.packageDirectory).deletingLastPathComponent().lastPathComponent.lowercased()

/// One executable per reader; each defines `LLVMFuzzerTestOneInput` and hands it to libFuzzer's driver from
/// its `@main` (SwiftPM aliases `main` to the module's entry point, so libFuzzer's own `main` is not used).
/// Built without `-DFUZZING` they replay the files named on the command line instead.
let fuzzers = ["ScenarioFuzzer", "SimulationFuzzer", "MeasurementFuzzer", "UnitFuzzer", "ProfileFuzzer"]

let package = Package(
    name: "FleetSimFuzz",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(path: ".."),
    ],
    targets: [
        .target(
            name: "FuzzSupport",
            dependencies: ["FuzzDriver", .product(name: "FleetSim", package: fleetSimPackage)]
        ),
        .target(name: "FuzzDriver"),
    ] + fuzzers.map { name in
        .executableTarget(
            name: name,
            dependencies: ["FuzzSupport", .product(name: "FleetSim", package: fleetSimPackage)]
        )
    }
)
