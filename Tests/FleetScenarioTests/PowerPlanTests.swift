import Testing
import FleetEconomics
import FleetPerformance
import FleetProfiles
import FleetUnits
@testable import FleetScenario

/// Power caps and `fleetsim plan`: the properties issue 9 asks for.
struct PowerPlanTests {
    static let efficiencies = ScenarioComparisonTests.efficiencies

    /// Decode and prefill step times of a 70B FP8 replica on H100 under caps from board power down to 250 W.
    @Test func aLowerCapNeverRaisesAttainableThroughput() throws {
        var previous: (prefill: Double, decode: Double)?
        for cap in [nil, 700, 600, 500, 400, 300, 250] as [Double?] {
            let spec = try DeploymentSpec.resolve(model: "llama-3.1-70b", hardware: "nvidia-h100-sxm", engine: "vllm", catalog: Fixtures.catalog,
                                                  efficiencies: Self.efficiencies, weights: .fp8, activations: .fp8, kvCache: .fp8,
                                                  tensorParallel: 8, powerCap: cap.map { Watts($0) })
            let model = try StepModel(spec: spec)
            let prefill = model.stepTime(model.features(of: BatchState(prefill: [.init(tokens: 4096)])))
            let decode = model.stepTime(model.features(of: .decode(batch: 128, context: 2048)))
            if let previous {
                #expect(prefill >= previous.prefill && decode >= previous.decode, "cap \(cap ?? 0) W")
            }
            previous = (prefill, decode)
        }
        let board = try #require(Fixtures.catalog.hardware("nvidia-h100-sxm"))
        let curve = try #require(Fixtures.catalog.powerCapCurve)
        let atBoard = try curve.apply(Watts(700), to: board).get()
        #expect(atBoard.compute.dense[.fp8] == board.compute.dense[.fp8], "a cap at board power changes nothing")
        #expect(throws: PowerCapCurve.CapError.self) { try curve.apply(Watts(800), to: board).get() }
        #expect(throws: PowerCapCurve.CapError.self) { try curve.apply(Watts(80), to: board).get() }
    }

    @Test func provisionedPowerIsNeverBelowAverageDraw() throws {
        for hardware in Fixtures.catalog.hardware {
            for busy in stride(from: 0.0, through: 1.0, by: 0.25) {
                guard let figures = PowerFigures(hardware: hardware, devices: 8, pue: 1.4, busy: busy, outputTokensPerSecond: 1000) else { continue }
                #expect(figures.average <= figures.provisioned, "\(hardware.id) at busy \(busy)")
                #expect(figures.average.value > 0)
            }
        }
    }

    /// The shipped exponent reproduces the published MLPerf v4.0 DGX-H100 MaxQ/MaxP Offline ratio (0.8054) within 1 %.
    @Test func shippedCurveReproducesItsPublishedPair() throws {
        let curve = try #require(Fixtures.catalog.powerCapCurve)
        for pair in curve.fittedTo {
            let ratio = try PowerCapFit.ratio(pair, catalog: Fixtures.catalog, efficiencies: Self.efficiencies, requests: 1000)
            #expect(abs(ratio / pair.throughputRatio - 1) < 0.01, "\(pair.hardware) at \(pair.cap): modelled \(ratio)")
        }
    }

    @Test func theChosenFleetNeverExceedsTheBudget() throws {
        let text = """
            version: 1
            name: small-plan
            currency: USD
            workload:
              arrivals: {pattern: poisson, rate: 2}
              requests: 200
              slo: {percentile: 99, ttft: 2 s, tpot: 100 ms}
            budget: {power: 300 kW, capex: 2000000 USD, racks: 4, rack_power: 40 kW}
            plan:
              model: llama-3.1-70b
              hardware: [nvidia-h100-sxm, nvidia-h20]
              precisions: [fp8]
              tensor: [8]
              power_caps: [none, 500 W]
            finance:
              owning: {electricity: 0.0892 USD/kWh, pue: 1.5}

            """
        let scenario = try ScenarioLoader.load(text: text, file: "plan.yaml", catalog: Fixtures.catalog)
        let candidates = try PowerPlan.run(scenario, catalog: Fixtures.catalog, efficiencies: Self.efficiencies, serving: nil)
        #expect(candidates.count == 4)
        let feasible = candidates.filter { $0.infeasible == nil }
        #expect(feasible.map(\.name) == ["nvidia-h100-sxm fp8 tp8", "nvidia-h100-sxm fp8 tp8 cap 500 W"])
        #expect(candidates.first { $0.hardware == "nvidia-h20" }?.infeasible?.contains("precision 'fp8' is not supported") == true)
        for candidate in feasible {
            #expect(candidate.provisionedPower.value <= 300_000)
            #expect((candidate.capex ?? 0) <= 2_000_000)
            #expect(candidate.replicas >= 1)
            #expect(candidate.averagePower <= candidate.provisionedPower)
            // Racks: 40 kW of IT per rack holds three 10.2 kW DGX H100s (or three capped ones), 4 racks → 12 servers.
            #expect(candidate.devices <= 4 * 3 * 8 + 8)
        }
        // One more replica would break the binding budget.
        let uncapped = feasible[0]
        #expect(uncapped.limitedBy == "capex" && (uncapped.capex ?? 0) / Double(uncapped.replicas) * Double(uncapped.replicas + 1) > 2_000_000)
        #expect(feasible.contains { $0.onFrontier })
    }
}
