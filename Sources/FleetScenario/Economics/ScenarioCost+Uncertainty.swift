import FleetEconomics
import FleetLinearAlgebra
import FleetPerformance
import FleetProfiles
import FleetServing

extension ScenarioCost {
    /// Runs ``run(_:catalog:efficiencies:serving:)`` and the Monte Carlo over the scenario's uncertain prices.
    ///
    /// Every option's cumulative cash at the end of each month, and its economic cost over the horizon, is
    /// linear in the unit prices it pays, so all samples of all of them are one matrix product
    /// `costs (samples × (options · (months + 1))) = prices (samples × inputs) · quantitiesᵀ` (``MonteCarlo``).
    /// From the sampled columns come the P10/P50/P90 of cumulative cash per month and of the cost per million
    /// tokens, P(option a cheaper than b) over the horizon, and the break-even month of every pair per sample.
    public static func report(_ scenario: Scenario, catalog: ProfileCatalog, efficiencies: KernelEfficiencies,
                              serving: ServingCalibration?) throws(PerformanceError) -> Report {
        var options = try run(scenario, catalog: catalog, efficiencies: efficiencies, serving: serving)
        let horizon = scenario.finance.horizonMonths
        let uncertainty = scenario.finance.uncertainty

        // Columns: every distinct priced input; its distribution, or fixed at the deterministic price.
        var names: [String] = []
        var deterministic: [String: Double] = [:]
        for option in options {
            for input in option.priced where deterministic[input.name] == nil {
                names.append(input.name)
                deterministic[input.name] = input.price
            }
        }
        let inputs: [(name: String, distribution: Distribution)] = names.map { name in
            let key = name.hasPrefix("server_price:") ? "server_price" : name
            if let spec = uncertainty.inputs[key], case let .success(distribution) = spec.resolved() { return (name, distribution) }
            return (name, .fixed(deterministic[name]!))
        }

        // Rows: for each option, cumulative cash at months 1…horizon, then the economic cost over the horizon.
        let rowsPerOption = horizon + 1
        var quantities = Matrix(rows: options.count * rowsPerOption, columns: names.count)
        var fixed = [Double](repeating: 0, count: options.count * rowsPerOption)
        for (index, option) in options.enumerated() {
            let base = index * rowsPerOption
            let cumulative = option.cumulativeCash
            for month in 0..<horizon { fixed[base + month] = cumulative[month] }
            fixed[base + horizon] = option.totalEconomicCost
            for input in option.priced {
                let column = names.firstIndex(of: input.name)!
                var running = 0.0
                for month in 0..<horizon {
                    running += input.monthlyQuantity[month]
                    quantities[base + month, column] += running
                    fixed[base + month] -= running * input.price
                }
                quantities[base + horizon, column] += input.economicQuantity
                fixed[base + horizon] -= input.economicQuantity * input.price
            }
        }
        let monteCarlo = MonteCarlo(inputs: inputs, quantities: quantities, fixedCosts: fixed)
        let costs = monteCarlo.sampleCosts(samples: uncertainty.samples, seed: scenario.seed)
        let percentiles = MonteCarlo.percentiles(costs).map { Percentiles(p10: $0.p10, p50: $0.p50, p90: $0.p90) }
        for index in options.indices {
            let base = index * rowsPerOption
            let megatokens = max(1e-9, options[index].totalTokens / 1e6)
            let economic = percentiles[base + horizon]
            options[index].uncertainty = OptionUncertainty(
                cumulativeCash: Array(percentiles[base..<(base + horizon)]),
                costPerMillionTokens: Percentiles(p10: economic.p10 / megatokens, p50: economic.p50 / megatokens, p90: economic.p90 / megatokens))
        }

        let last = { (option: Int) in option * rowsPerOption + horizon - 1 }
        let probability = options.indices.map { a in
            options.indices.map { b in a == b ? 0 : MonteCarlo.probabilityCheaper(costs, last(a), last(b)) }
        }
        let breakEven = options.indices.map { a in
            options.indices.map { b in
                breakEvenDistribution(costs, a * rowsPerOption, b * rowsPerOption, horizon: horizon,
                                      deterministic: CostModel.breakEvenMonth(options[a].months, options[b].months))
            }
        }
        let tornado = options.map { option in
            option.priced.compactMap { input -> TornadoBar? in
                guard let distribution = inputs.first(where: { $0.name == input.name })?.distribution else { return nil }
                if case .fixed = distribution { return nil }
                let low = distribution.decile(upper: false), high = distribution.decile(upper: true)
                let quantity = input.monthlyQuantity.reduce(0, +)
                return TornadoBar(input: input.name, inputLow: low, inputHigh: high,
                                  costAtLow: option.totalCash + quantity * (low - input.price),
                                  costAtHigh: option.totalCash + quantity * (high - input.price))
            }.sorted { $0.swing != $1.swing ? $0.swing > $1.swing : $0.input < $1.input }
        }
        let sampled = inputs.filter { if case .fixed = $0.distribution { false } else { true } }.map(\.name)
        return Report(options: options, probabilityCheaper: probability, breakEven: breakEven, tornado: tornado,
                      samples: uncertainty.samples, uncertainInputs: sampled)
    }

    /// The break-even month of each sample (the first month in which the cumulative cash in columns
    /// `a…a+horizon−1` is at most that in `b…`), summarized by nearest-rank P10/P50/P90; a sample that never
    /// breaks even ranks after every month, and a percentile that falls on it is nil.
    static func breakEvenDistribution(_ costs: Matrix, _ a: Int, _ b: Int, horizon: Int, deterministic: Int?) -> BreakEven {
        guard a != b else { return BreakEven(month: nil, p10: nil, p50: nil, p90: nil) }
        guard costs.rows > 0 else { return BreakEven(month: deterministic, p10: nil, p50: nil, p90: nil) }
        let never = horizon + 1
        var months = [Int](repeating: never, count: costs.rows)
        costs.storage.withUnsafeBufferPointer { storage in
            let samples = costs.rows
            for sample in 0..<samples {
                for month in 0..<horizon where storage[(a + month) * samples + sample] <= storage[(b + month) * samples + sample] {
                    months[sample] = month + 1
                    break
                }
            }
        }
        months.sort()
        func rank(_ percent: Int) -> Int? {
            let month = months[max(0, (percent * months.count + 99) / 100 - 1)]
            return month == never ? nil : month
        }
        return BreakEven(month: deterministic, p10: rank(10), p50: rank(50), p90: rank(90))
    }
}
