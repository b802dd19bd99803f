import FleetLinearAlgebra
import FleetServing

/// Monte Carlo over uncertain unit prices. Each option's cost is linear in the unit prices given the
/// quantities the deterministic run found (server purchases, kWh, kW-months, device-hours, tokens), so all
/// samples of all options are one matrix product: `costs (N × options) = prices (N × inputs) · quantitiesᵀ`.
public struct MonteCarlo: Sendable {
    /// The uncertain inputs, in column order.
    public let inputs: [(name: String, distribution: Distribution)]
    /// Options × inputs: how much of each unit price an option pays over the horizon.
    public let quantities: Matrix
    /// Options × 1: the part of each option's cost that no uncertain input touches.
    public let fixedCosts: [Double]

    public init(inputs: [(name: String, distribution: Distribution)], quantities: Matrix, fixedCosts: [Double]) {
        precondition(quantities.columns == inputs.count && quantities.rows == fixedCosts.count, "quantities must be options × inputs")
        self.inputs = inputs
        self.quantities = quantities
        self.fixedCosts = fixedCosts
    }

    /// `samples × inputs` unit prices from the seeded stream (column by column).
    public func samplePrices(samples: Int, seed: UInt64) -> Matrix {
        var random = RandomSource(seed: seed)
        var prices = Matrix(rows: samples, columns: inputs.count)
        prices.withUnsafeMutableElements { storage in
            for (column, input) in inputs.enumerated() {
                for row in 0..<samples { storage[column * samples + row] = input.distribution.sample(random.unit(), random.unit()) }
            }
        }
        return prices
    }

    /// `samples × options` costs from the seeded stream.
    public func sampleCosts(samples: Int, seed: UInt64) -> Matrix {
        let prices = samplePrices(samples: samples, seed: seed)
        var costs = Matrix(rows: samples, columns: fixedCosts.count)
        costs.withUnsafeMutableElements { storage in
            for (column, fixed) in fixedCosts.enumerated() { for row in 0..<samples { storage[column * samples + row] = fixed } }
        }
        BLAS.gemm(prices, quantities, transposeB: .transposed, beta: 1, into: &costs)
        return costs
    }

    /// P10, P50, P90 of each option (columns of `costs`).
    public static func percentiles(_ costs: Matrix) -> [(p10: Double, p50: Double, p90: Double)] {
        (0..<costs.columns).map { column in
            let sorted = costs.column(column).sorted()
            return (ServingMetrics.Distribution.percentile(sorted, 10), ServingMetrics.Distribution.percentile(sorted, 50),
                    ServingMetrics.Distribution.percentile(sorted, 90))
        }
    }

    /// Probability that option `a` costs less than option `b`, over the samples.
    public static func probabilityCheaper(_ costs: Matrix, _ a: Int, _ b: Int) -> Double {
        let columnA = costs.column(a), columnB = costs.column(b)
        return Double(zip(columnA, columnB).filter { $0.0 < $0.1 }.count) / Double(max(1, costs.rows))
    }
}
