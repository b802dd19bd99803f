// swift-tools-version:6.0
// FleetSim: what it costs to serve an LLM at a given load and latency, on given hardware.
import PackageDescription

let package = Package(
    name: "FleetSim",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "fleetsim", targets: ["fleetsim"]),
        .library(name: "FleetSim", targets: ["FleetUnits", "FleetLinearAlgebra", "FleetProfiles", "FleetPerformance", "FleetServing", "FleetEconomics", "FleetScenario", "FleetReport"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/swiftcsv/SwiftCSV", from: "0.10.0"),
        .package(url: "https://github.com/JohnSundell/Plot", from: "0.14.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CBLAS",
            pkgConfig: "openblas",
            providers: [.apt(["libopenblas-dev"])]
        ),
        .target(name: "FleetUnits"),
        .target(name: "FleetLinearAlgebra", dependencies: ["CBLAS"]),
        .target(name: "FleetProfiles", dependencies: ["FleetUnits", "Yams", "SwiftCSV"]),
        .target(name: "FleetPerformance", dependencies: ["FleetUnits", "FleetProfiles", "FleetLinearAlgebra"]),
        .target(name: "FleetServing", dependencies: ["FleetUnits", "FleetProfiles", "FleetPerformance"]),
        .target(name: "FleetEconomics", dependencies: ["FleetUnits", "FleetProfiles", "FleetLinearAlgebra", "FleetServing"]),
        .target(name: "FleetScenario", dependencies: ["FleetUnits", "FleetProfiles", "FleetPerformance", "FleetServing", "FleetEconomics", "FleetLinearAlgebra", "Yams"]),
        .target(name: "FleetReport", dependencies: ["FleetUnits", "FleetProfiles", "FleetServing", "FleetEconomics", "FleetScenario", "Plot"]),
        .executableTarget(
            name: "fleetsim",
            dependencies: [
                "FleetUnits", "FleetProfiles", "FleetPerformance", "FleetServing", "FleetScenario", "FleetReport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "FleetUnitsTests", dependencies: ["FleetUnits"]),
        .testTarget(name: "FleetLinearAlgebraTests", dependencies: ["FleetLinearAlgebra"]),
        .testTarget(name: "FleetProfilesTests", dependencies: ["FleetProfiles"]),
        .testTarget(name: "FleetPerformanceTests", dependencies: ["FleetPerformance"]),
        .testTarget(name: "FleetServingTests", dependencies: ["FleetServing"]),
        .testTarget(name: "FleetEconomicsTests", dependencies: ["FleetEconomics"]),
        .testTarget(name: "FleetScenarioTests", dependencies: ["FleetScenario"]),
        .testTarget(name: "FleetReportTests", dependencies: ["FleetReport"]),
        .testTarget(name: "CLITests", dependencies: ["fleetsim"]),
    ]
)
