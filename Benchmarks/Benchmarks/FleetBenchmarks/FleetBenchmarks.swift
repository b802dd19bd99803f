import Benchmark
import FleetLinearAlgebra
import FleetPerformance
import FleetServing
import FleetEconomics
import FleetUnits
import FleetScenario
import FleetProfiles
import Foundation

/// Throughput of the building blocks the performance model and simulator stand on. Figures are recorded
/// in docs/performance.md with date, machine and commit; tests never assert on them.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .throughput, .mallocCountTotal], maxDuration: .seconds(3))

    // The batched evaluation shape of the performance model: 4096 batch states × 16 features times a
    // 16 × 32 coefficient matrix (one dgemm per deployment and sweep block).
    Benchmark("gemm 4096x16 · 16x32 (batch states per second)",
              configuration: .init(scalingFactor: .kilo)) { benchmark in
        let states = Matrix(rows: 4096, columns: 16, columnMajor: (0..<(4096 * 16)).map { Double($0 % 97) / 97 })
        let coefficients = Matrix(rows: 16, columns: 32, columnMajor: (0..<(16 * 32)).map { Double($0 % 13) })
        var result = Matrix(rows: 4096, columns: 32)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            BLAS.gemm(states, coefficients, into: &result)
            blackHole(result)
        }
    }

    // Least-squares calibration of efficiency curves: 686 rows (validation.csv) × 8 unknowns.
    Benchmark("least squares 686x8 (fits per second)") { benchmark in
        let a = Matrix(rows: 686, columns: 8, columnMajor: (0..<(686 * 8)).map { Double(($0 * 7919) % 1009) / 1009 })
        let b = (0..<686).map { Double($0 % 31) }
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(try LeastSquares.solve(a, b))
        }
    }

    // Reading every value of a profile or scenario goes through the unit parser.
    Benchmark("unit parser (values per second)", configuration: .init(scalingFactor: .kilo)) { benchmark in
        let texts = ["3.35 TB/s", "700 W", "2.49 USD/h", "64 GiB", "1979 TFLOPS", "0.62 CNY/kWh"]
        for _ in benchmark.scaledIterations {
            for text in texts { blackHole(try? UnitParser.parse(text, as: .bandwidth)) }
        }
    }

    stepModelBenchmarks()
    servingBenchmarks()
    monteCarloBenchmarks()
    commandBenchmarks()
}

/// The performance model's batched path: configurations (batch states) evaluated per second.
let stepModelBenchmarks: @Sendable () -> Void = {
    Benchmark("step model: 1,000,000 batch states in one pass (configurations per second)",
              configuration: .init(metrics: [.wallClock, .throughput, .peakMemoryResident], maxIterations: 5)) { benchmark in
        let model = try SweepFixture.llama70bOnH100()
        let features = Matrix((0..<1_000_000).map { index in
            model.features(of: .decode(batch: 1 + index % 256, context: 128 + index % 8192))
        })
        benchmark.startMeasurement()
        blackHole(model.stepTimes(features))
        benchmark.stopMeasurement()
    }

    Benchmark("sweep: 1,000,000 grid points end to end (configurations per second)",
              configuration: .init(metrics: [.wallClock, .throughput, .peakMemoryResident], maxIterations: 3)) { benchmark in
        let fixture = try SweepFixture.evaluator()
        let points = (0..<1_000_000).map { index in
            SweepPoint(hardware: "nvidia-h100-sxm", model: "llama-3.1-70b", scheme: "fp8", weights: .fp8, activations: .fp8,
                       kvCache: .fp8, tensorParallel: 8, batch: 1 + index % 64, inputTokens: 128 + (index / 64) % 4096,
                       outputTokens: 16 + index % 512)
        }
        benchmark.startMeasurement()
        blackHole(fixture.evaluate(points))
        benchmark.stopMeasurement()
    }
}

/// The serving simulator: simulated requests per second through one replica group.
let servingBenchmarks: @Sendable () -> Void = {
    Benchmark("simulator: 1,000,000 requests, Poisson 60 requests/s, one replica (requests per second)",
              configuration: .init(metrics: [.wallClock, .throughput, .peakMemoryResident], maxIterations: 2)) { benchmark in
        let (model, memory) = try SweepFixture.llama8bOnH100()
        let limits = SchedulerLimits(maxSequences: 256, maxBatchedTokens: 8192, chunkedPrefill: true, kvBlockSize: 16,
                                     kvCapacityTokens: memory.kvCapacityTokens)
        let requests = WorkloadGenerator.requests(count: 1_000_000, arrivals: .poisson(rate: 60), input: .uniform(minimum: 64, maximum: 1024),
                                                  output: .uniform(minimum: 16, maximum: 256), seed: 1)
        benchmark.startMeasurement()
        blackHole(ServingSimulation(model: model, limits: limits, replicas: 1).run(requests, arrivals: .poisson(rate: 60)))
        benchmark.stopMeasurement()
    }
}

/// Monte Carlo over uncertain prices: option-samples per second.
let monteCarloBenchmarks: @Sendable () -> Void = {
    Benchmark("monte carlo: 1,000,000 samples × 4 options × 6 inputs (option-samples per second)",
              configuration: .init(metrics: [.wallClock, .throughput, .peakMemoryResident], maxIterations: 5)) { benchmark in
        let inputs: [(name: String, distribution: Distribution)] = [
            ("server_price", .uniform(low: 248_956, high: 288_142)), ("electricity", .uniform(low: 0.0635, high: 0.1864)),
            ("colocation", .lognormal(p10: 150, p90: 200)), ("on_demand", .triangular(low: 2.45, mode: 2.99, high: 3.29)),
            ("api.input", .normal(p10: 0.3, p90: 0.5)), ("api.output", .normal(p10: 0.3, p90: 0.5)),
        ]
        let quantities = Matrix([[1.2, 423_000, 600, 0, 0, 0], [0, 0, 0, 210_000, 0, 0], [0, 0, 0, 0, 12_000, 3_000],
                                 [0.8, 300_000, 400, 50_000, 0, 0]])
        let model = MonteCarlo(inputs: inputs, quantities: quantities, fixedCosts: [0, 0, 0, 0])
        benchmark.startMeasurement()
        blackHole(model.sampleCosts(samples: 1_000_000, seed: 1))
        benchmark.stopMeasurement()
    }
}

/// What a user waits for: `compare` on the README example (the library call the command makes), and a cold
/// start of the release binary (`fleetsim --version`, process launch included).
let commandBenchmarks: @Sendable () -> Void = {
    Benchmark("compare: Examples/rent-vs-own.yaml end to end (capacity, costs, Monte Carlo, month-1 simulation)",
              configuration: .init(metrics: [.wallClock, .peakMemoryResident], maxIterations: 3)) { benchmark in
        let catalog = try ProfileCatalog.load(from: SweepFixture.profiles)
        let efficiencies = try Document(contentsOf: SweepFixture.profiles + "/calibration/kernels.yaml").decode(KernelEfficiencies.self)
        let scenario = try ScenarioLoader.load(path: SweepFixture.repository + "/Examples/rent-vs-own.yaml", catalog: catalog)
        benchmark.startMeasurement()
        blackHole(try ScenarioComparison.run(scenario, catalog: catalog, efficiencies: efficiencies, serving: nil))
        benchmark.stopMeasurement()
    }
    Benchmark("cold start: fleetsim --version (release binary, process launch included)",
              configuration: .init(metrics: [.wallClock], maxIterations: 20)) { benchmark in
        let binary = SweepFixture.repository + "/.build/release/fleetsim"
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            print("skipped: build it first with `swift build -c release --product fleetsim` in the repository root")
            return
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["--version"]
        process.standardOutput = FileHandle.nullDevice
        benchmark.startMeasurement()
        try process.run()
        process.waitUntilExit()
        benchmark.stopMeasurement()
    }
}
