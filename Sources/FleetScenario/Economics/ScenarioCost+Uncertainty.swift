import FleetEconomics
import FleetLinearAlgebra
import FleetPerformance
import FleetProfiles
import FleetServing
import FleetUnits

extension ScenarioCost {
    /// Inputs that are not unit prices: the costs are not linear in them, so each Monte Carlo sample prices
    /// the options again with its draw (the replica capacities are computed once). Drawn values are kept in
    /// range: life at least 0.1 year, cost of capital at least 0, growth above −100 %, rate above 0.
    public static let nonPriceInputs = ["useful_life_years", "cost_of_capital", "monthly_demand_growth", "request_rate"]

    /// `scenario` with the non-price inputs set to `values`.
    static func applying(_ values: [String: Double], to scenario: Scenario) -> Scenario {
        var changed = scenario
        if let life = values["useful_life_years"] { changed.finance.owning.usefulLifeYears = max(0.1, life) }
        if let capital = values["cost_of_capital"] { changed.finance.owning.costOfCapital = Ratio(max(0, capital)) }
        if let growth = values["monthly_demand_growth"] { changed.finance.monthlyDemandGrowth = Ratio(max(-0.99, growth)) }
        if let rate = values["request_rate"] { changed.workload.arrivals.rate = max(1e-9, rate) }
        return changed
    }

    /// Runs ``run(_:catalog:efficiencies:serving:)`` and the Monte Carlo over the scenario's uncertain inputs.
    ///
    /// Every option's cumulative cash at the end of each month, and its economic cost per million tokens, is
    /// linear in the unit prices it pays, so with uncertain prices only all samples of all of them are one
    /// matrix product `costs (samples × (options · (months + 1))) = prices (samples × inputs) · quantitiesᵀ`
    /// (``MonteCarlo``). Uncertain non-price inputs (``nonPriceInputs``) re-price the options per sample and
    /// take each sample's row of prices. From the sampled columns come the P10/P50/P90 of cumulative cash per
    /// month and of the cost per million tokens, P(option a cheaper than b) over the horizon, and the
    /// break-even month of every pair per sample.
    public static func report(_ scenario: Scenario, catalog: ProfileCatalog, efficiencies: KernelEfficiencies,
                              serving: ServingCalibration?) throws(PerformanceError) -> Report {
        let capacities = try capacities(scenario, catalog: catalog, efficiencies: efficiencies, serving: serving)
        let lengths = meanLengths(scenario)
        var options = try price(scenario, capacities: capacities, lengths: lengths, catalog: catalog)
        let horizon = scenario.finance.horizonMonths
        let uncertainty = scenario.finance.uncertainty

        // Price columns: every distinct priced input; its distribution, or fixed at the deterministic price.
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
        let nonPrice: [(name: String, distribution: Distribution)] = nonPriceInputs.compactMap { name in
            guard let spec = uncertainty.inputs[name], case let .success(distribution) = spec.resolved() else { return nil }
            if case .fixed = distribution { return nil }
            return (name, distribution)
        }

        let rowsPerOption = horizon + 1
        let (quantities, fixed) = linearForm(options, columns: names, horizon: horizon)
        let monteCarlo = MonteCarlo(inputs: inputs, quantities: quantities, fixedCosts: fixed)
        let costs: Matrix
        if nonPrice.isEmpty {
            costs = monteCarlo.sampleCosts(samples: uncertainty.samples, seed: scenario.seed)
        } else {
            let prices = monteCarlo.samplePrices(samples: uncertainty.samples, seed: scenario.seed)
            var random = RandomSource(seed: scenario.seed ^ 0x5EED_0F_D4A3)
            var sampled = Matrix(rows: uncertainty.samples, columns: options.count * rowsPerOption)
            for sample in 0..<uncertainty.samples {
                var values: [String: Double] = [:]
                for input in nonPrice { values[input.name] = input.distribution.sample(random.unit(), random.unit()) }
                let priced = try price(applying(values, to: scenario), capacities: capacities, lengths: lengths, catalog: catalog)
                let (sampleQuantities, sampleFixed) = linearForm(priced, columns: names, horizon: horizon)
                for row in 0..<sampleFixed.count {
                    var cost = sampleFixed[row]
                    for column in 0..<names.count { cost += sampleQuantities[row, column] * prices[sample, column] }
                    sampled[sample, row] = cost
                }
            }
            costs = sampled
        }
        let percentiles = MonteCarlo.percentiles(costs).map { Percentiles(p10: $0.p10, p50: $0.p50, p90: $0.p90) }
        for index in options.indices {
            let base = index * rowsPerOption
            options[index].uncertainty = OptionUncertainty(cumulativeCash: Array(percentiles[base..<(base + horizon)]),
                                                           costPerMillionTokens: percentiles[base + horizon])
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
        var tornado = options.map { option in
            option.priced.compactMap { input -> TornadoBar? in
                guard let distribution = inputs.first(where: { $0.name == input.name })?.distribution else { return nil }
                if case .fixed = distribution { return nil }
                let low = distribution.decile(upper: false), high = distribution.decile(upper: true)
                let perMegatoken = input.economicQuantity / max(1e-9, option.totalTokens / 1e6)
                return TornadoBar(input: input.name, inputLow: low, inputHigh: high,
                                  costAtLow: option.costPerMillionTokens + perMegatoken * (low - input.price),
                                  costAtHigh: option.costPerMillionTokens + perMegatoken * (high - input.price))
            }
        }
        for input in nonPrice {
            let low = input.distribution.decile(upper: false), high = input.distribution.decile(upper: true)
            let atLow = try price(applying([input.name: low], to: scenario), capacities: capacities, lengths: lengths, catalog: catalog)
            let atHigh = try price(applying([input.name: high], to: scenario), capacities: capacities, lengths: lengths, catalog: catalog)
            for index in options.indices
            where abs(atHigh[index].costPerMillionTokens - atLow[index].costPerMillionTokens) > 1e-9 * max(1e-9, abs(atLow[index].costPerMillionTokens)) {
                tornado[index].append(TornadoBar(input: input.name, inputLow: low, inputHigh: high,
                                                 costAtLow: atLow[index].costPerMillionTokens, costAtHigh: atHigh[index].costPerMillionTokens))
            }
        }
        tornado = tornado.map { $0.sorted { $0.swing != $1.swing ? $0.swing > $1.swing : $0.input < $1.input } }
        let sampledNames = inputs.filter { if case .fixed = $0.distribution { false } else { true } }.map(\.name) + nonPrice.map(\.name)
        return Report(options: options, probabilityCheaper: probability, breakEven: breakEven, tornado: tornado,
                      samples: uncertainty.samples, uncertainInputs: sampledNames)
    }

    /// The options' costs as `fixed + quantities · prices`: for each option, rows of cumulative cash at months
    /// 1…horizon, then the economic cost per million tokens; one column per priced input in `columns`.
    static func linearForm(_ options: [OptionResult], columns: [String], horizon: Int) -> (quantities: Matrix, fixed: [Double]) {
        let rowsPerOption = horizon + 1
        var quantities = Matrix(rows: options.count * rowsPerOption, columns: columns.count)
        var fixed = [Double](repeating: 0, count: options.count * rowsPerOption)
        for (index, option) in options.enumerated() {
            let base = index * rowsPerOption
            let cumulative = option.cumulativeCash
            let perMegatoken = 1 / max(1e-9, option.totalTokens / 1e6)
            for month in 0..<horizon { fixed[base + month] = cumulative[month] }
            fixed[base + horizon] = option.totalEconomicCost * perMegatoken
            for input in option.priced {
                guard let column = columns.firstIndex(of: input.name) else { continue }
                var running = 0.0
                for month in 0..<horizon {
                    running += input.monthlyQuantity[month]
                    quantities[base + month, column] += running
                    fixed[base + month] -= running * input.price
                }
                quantities[base + horizon, column] += input.economicQuantity * perMegatoken
                fixed[base + horizon] -= input.economicQuantity * input.price * perMegatoken
            }
        }
        return (quantities, fixed)
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
