import Testing
import FleetLinearAlgebra
@testable import FleetEconomics

struct MonteCarloTests {
    let inputs: [(name: String, distribution: Distribution)] = [
        ("a", .uniform(low: 1, high: 3)), ("b", .triangular(low: 0, mode: 1, high: 5)),
        ("c", .normal(p10: 10, p90: 20)), ("d", .lognormal(p10: 0.5, p90: 2)),
    ]
    let quantities = Matrix([[1, 2, 0, 4], [0, 1, 3, 0]])

    @Test func sameSeedGivesTheSameSamples() {
        let model = MonteCarlo(inputs: inputs, quantities: quantities, fixedCosts: [5, 0])
        #expect(model.sampleCosts(samples: 1000, seed: 7) == model.sampleCosts(samples: 1000, seed: 7))
        #expect(model.sampleCosts(samples: 1000, seed: 7) != model.sampleCosts(samples: 1000, seed: 8))
    }

    /// A linear cost's sample mean converges to Σ quantity × mean price + fixed: option 0 has mean
    /// 5 + 1·2 + 2·2 + 4·E[d], option 1 has 1·2 + 3·15; within 1 % at 200,000 samples.
    @Test func sampleMeanConvergesToTheAnalyticMean() {
        let model = MonteCarlo(inputs: inputs, quantities: quantities, fixedCosts: [5, 0])
        let costs = model.sampleCosts(samples: 200_000, seed: 1)
        let analytic = [5 + 2 + 2 * 2 + 4 * inputs[3].distribution.mean, 2 + 3 * 15.0]
        for option in 0..<2 {
            let mean = costs.column(option).reduce(0, +) / Double(costs.rows)
            #expect(abs(mean / analytic[option] - 1) < 0.01, "option \(option): \(mean) vs \(analytic[option])")
        }
    }

    @Test func percentilesAreOrderedAndProbabilitiesComplement() {
        let model = MonteCarlo(inputs: inputs, quantities: quantities, fixedCosts: [5, 0])
        let costs = model.sampleCosts(samples: 5000, seed: 3)
        for (p10, p50, p90) in MonteCarlo.percentiles(costs) { #expect(p10 <= p50 && p50 <= p90) }
        #expect(abs(MonteCarlo.probabilityCheaper(costs, 0, 1) + MonteCarlo.probabilityCheaper(costs, 1, 0) - 1) < 1e-12)
    }
}
