import FleetPerformance
import Foundation
import FleetProfiles
import FleetServing
import FleetUnits

/// Checks a decoded scenario against the profile catalogue and its own rules, collecting every problem
/// with its location.
struct ScenarioValidator {
    let scenario: Scenario
    let catalog: ProfileCatalog
    let document: Document
    private(set) var diagnostics: [Diagnostic] = []

    init(scenario: Scenario, catalog: ProfileCatalog, document: Document) {
        self.scenario = scenario
        self.catalog = catalog
        self.document = document
    }

    mutating func fail(_ message: String, at path: DocumentPath) {
        diagnostics.append(document.diagnostic(message, at: path))
    }

    static let root = DocumentPath()

    mutating func validate() {
        if scenario.version != Scenario.supportedVersion {
            fail(SchemaVersion.unsupportedMessage(scenario.version, supported: Scenario.supportedVersion),
                 at: Self.root.appending("version"))
        }
        validateExchangeRates()
        for (index, deployment) in scenario.deployments.enumerated() {
            validate(deployment, at: Self.root.appending("deployments").appending(index))
        }
        checkUniqueNames(scenario.deployments.map(\.name), what: "deployment", list: "deployments")
        validateLimits()
        validateWorkload()
        validateFinance()
        validateOptions()
        validateChecks()
        validatePlan()
    }

    // MARK: Limits

    private mutating func validateLimits() {
        let limits = scenario.limits, path = Self.root.appending("limits")
        for (name, value) in [("requests", limits.requests), ("samples", limits.samples), ("replicas", limits.replicas)] where value < 1 {
            fail("'\(name)' must be at least 1, got \(value)", at: path.appending(name))
        }
    }

    /// A count the scenario asks for is within its limit; the message names the field that raises it.
    private mutating func checkLimit(_ value: Int, _ name: String, limit: Int, unit: String, at path: DocumentPath) {
        guard value > limit, limit >= 1 else { return }
        fail("'\(name)' (\(value)) is above the limit of \(limit) \(unit); raise 'limits.\(name)' to allow more", at: path)
    }

    // MARK: Money

    private mutating func validateExchangeRates() {
        let path = Self.root.appending("exchange_rates")
        for (code, rate) in scenario.exchangeRates.sorted(by: { $0.key < $1.key }) {
            guard Currency(code: code) != nil else {
                fail(UnitError.unknownCurrency(text: code, code: code).description, at: path.appending(code))
                continue
            }
            if rate.currency != scenario.currency {
                fail("exchange rate of \(code) must be in the scenario currency \(scenario.currency), got '\(rate)'",
                     at: path.appending(code))
            } else if !(rate.amount > 0) {
                fail("exchange rate of \(code) must be positive, got '\(rate)'", at: path.appending(code))
            }
        }
    }

    /// A price must be non-negative and convertible to the scenario currency.
    mutating func checkPrice(_ amount: Double, _ currency: Currency, printed: String, at path: DocumentPath) {
        let name = path.lastKey ?? "price"
        if amount < 0 {
            fail("'\(name)' must not be negative, got '\(printed)'", at: path)
        }
        if currency != scenario.currency, scenario.exchangeRates[currency.code] == nil {
            fail(ExchangeRates.MissingRate(from: currency, to: scenario.currency).description, at: path)
        }
    }

    // MARK: Deployments

    private mutating func validate(_ deployment: Deployment, at path: DocumentPath) {
        if deployment.name.isEmpty { fail("'name' must not be empty", at: path.appending("name")) }
        let hardware = catalog.hardware(deployment.hardware)
        if hardware == nil {
            fail(Suggestion.unknown("hardware", deployment.hardware, in: catalog.hardware.map(\.id)),
                 at: path.appending("hardware"))
        }
        let model = catalog.model(deployment.model)
        if model == nil {
            fail(Suggestion.unknown("model", deployment.model, in: catalog.models.map(\.id)),
                 at: path.appending("model"))
        }
        if catalog.engine(deployment.engine) == nil {
            fail(Suggestion.unknown("engine", deployment.engine, in: catalog.engines.map(\.id)),
                 at: path.appending("engine"))
        }
        if deployment.devices < 1 { fail("'devices' must be at least 1, got \(deployment.devices)", at: path.appending("devices")) }
        if deployment.replicas < 1 { fail("'replicas' must be at least 1, got \(deployment.replicas)", at: path.appending("replicas")) }
        checkLimit(deployment.replicas, "replicas", limit: scenario.limits.replicas, unit: "replicas", at: path.appending("replicas"))
        validateParallelism(deployment, model: model, at: path)
        if let hardware { validatePrecision(deployment.precision, on: hardware, at: path.appending("precision")) }
        if let cap = deployment.powerCap {
            if !(cap.value > 0) {
                fail("'power_cap' must be positive, got '\(cap)'", at: path.appending("power_cap"))
            } else if let hardware, let board = hardware.power.board, cap > board {
                fail("'power_cap' (\(cap)) must not exceed the board power of '\(hardware.id)' (\(board))",
                     at: path.appending("power_cap"))
            }
        }
        validateScheduling(deployment.scheduling, at: path.appending("scheduling"))
        if let speculative = deployment.speculative { validate(speculative, at: path.appending("speculative")) }
        if let disaggregation = deployment.disaggregation {
            validate(disaggregation, hardware: hardware, at: path.appending("disaggregation"))
        }
        if let batching = deployment.batching { validate(batching, of: deployment, at: path.appending("batching")) }
    }

    private mutating func validate(_ batching: BatchingSettings, of deployment: Deployment, at path: DocumentPath) {
        if batching.maxRequests < 1 {
            fail("'max_requests' must be at least 1, got \(batching.maxRequests)", at: path.appending("max_requests"))
        }
        if !(batching.maxWait.value >= 0 && batching.maxWait.value.isFinite) {
            fail("'max_wait' must be finite and not negative, got '\(batching.maxWait)'", at: path.appending("max_wait"))
        }
        if deployment.disaggregation != nil {
            fail("a batcher feeds the replicas of an aggregated deployment; remove 'batching' or 'disaggregation'", at: path)
        }
        if let router = deployment.router, router != .roundRobin {
            fail("a batcher sends each batch to the next replica in turn; remove 'router: \(router.rawValue)' or 'batching'", at: path)
        }
        if scenario.workload.arrivals.pattern == .concurrency {
            fail("a batcher is simulated with open-loop arrivals (poisson, gamma, constant, diurnal, trace, offline), not 'concurrency'",
                 at: path)
        } else if scenario.workload.arrivals.maxConcurrency != nil {
            fail("a batcher is simulated with uncapped open-loop arrivals; remove 'workload.arrivals.max_concurrency'", at: path)
        }
    }

    private mutating func validate(_ disaggregation: DisaggregationSettings, hardware: HardwareProfile?, at path: DocumentPath) {
        for (name, count) in [("prefill_replicas", disaggregation.prefillReplicas), ("decode_replicas", disaggregation.decodeReplicas)] {
            if count < 1 { fail("'\(name)' must be at least 1, got \(count)", at: path.appending(name)) }
            checkLimit(count, name, limit: scenario.limits.replicas, unit: "replicas", at: path.appending(name))
        }
        if let bandwidth = disaggregation.kvTransferBandwidth {
            if !(bandwidth.value > 0 && bandwidth.value.isFinite) {
                fail("'kv_transfer_bandwidth' must be positive, got '\(bandwidth)'", at: path.appending("kv_transfer_bandwidth"))
            }
        } else if let hardware, hardware.interconnect?.scaleOut?.bandwidth == nil {
            fail(DisaggregationSettings.noTransferBandwidthMessage(hardware.id), at: path)
        }
        if scenario.workload.arrivals.pattern == .concurrency {
            fail("a disaggregated deployment is simulated with open-loop arrivals (poisson, gamma, constant, diurnal, trace, offline), not 'concurrency'",
                 at: path)
        } else if scenario.workload.arrivals.maxConcurrency != nil {
            fail("a disaggregated deployment is simulated with uncapped open-loop arrivals; remove 'workload.arrivals.max_concurrency'",
                 at: path)
        }
    }

    /// Most draft tokens per step: engines draft a handful (SGLang and vLLM examples use 1–7); beyond 16 the
    /// acceptance chain leaves nothing to gain.
    static let mostDraftTokens = 16

    private mutating func validate(_ speculative: SpeculativeSettings, at path: DocumentPath) {
        if !(1...Self.mostDraftTokens).contains(speculative.draftTokens) {
            fail("'draft_tokens' must be between 1 and \(Self.mostDraftTokens), got \(speculative.draftTokens)", at: path.appending("draft_tokens"))
        }
        let rates = speculative.acceptance
        if rates.count != 1 && rates.count != speculative.draftTokens {
            fail("'acceptance' gives \(rates.count) rates for \(speculative.draftTokens) draft tokens; give one per draft token, or one for all",
                 at: path.appending("acceptance"))
        }
        for (index, rate) in rates.enumerated() where !(rate >= 0 && rate <= 1) {
            fail("an acceptance rate must be in [0, 1], got \(UnitFormatter.number(rate))", at: path.appending("acceptance").appending(index))
        }
        switch (speculative.method, speculative.draftModel) {
        case (.draftModel, nil):
            fail("'method: draft-model' needs 'draft_model', the model profile id of the drafter", at: path.appending("method"))
        case let (.draftModel, id?):
            if catalog.model(id) == nil {
                fail(Suggestion.unknown("model", id, in: catalog.models.map(\.id)), at: path.appending("draft_model"))
            }
        case (_, _?):
            fail("'draft_model' applies to 'method: draft-model'; '\(speculative.method.rawValue)' drafts with a layer of the target",
                 at: path.appending("draft_model"))
        case (_, nil): break
        }
    }

    private mutating func validateParallelism(_ deployment: Deployment, model: ModelProfile?, at path: DocumentPath) {
        let parallelism = deployment.parallelism
        let parallelPath = path.appending("parallelism")
        var valid = true
        for (name, degree) in [("tensor", parallelism.tensor), ("pipeline", parallelism.pipeline), ("expert", parallelism.expert)]
        where degree < 1 {
            fail("'\(name)' must be at least 1, got \(degree)", at: parallelPath.appending(name))
            valid = false
        }
        guard valid else { return }
        // Compared without overflow: degrees come from the file and may be huge.
        let product = parallelism.tensor.multipliedReportingOverflow(by: parallelism.pipeline)
        if deployment.devices >= 1, product.overflow || product.partialValue != deployment.devices {
            fail("'devices' (\(deployment.devices)) must equal 'tensor' × 'pipeline' (\(parallelism.tensor) × \(parallelism.pipeline))",
                 at: path.appending("devices"))
        }
        guard let model else { return }
        let architecture = model.architecture
        if architecture.attentionHeads % parallelism.tensor != 0 {
            fail("'tensor' (\(parallelism.tensor)) must divide the attention heads of '\(model.id)' (\(architecture.attentionHeads))",
                 at: parallelPath.appending("tensor"))
        }
        if parallelism.pipeline > architecture.layers {
            fail("'pipeline' (\(parallelism.pipeline)) must not exceed the layers of '\(model.id)' (\(architecture.layers))",
                 at: parallelPath.appending("pipeline"))
        }
        if parallelism.expert > 1 {
            if let moe = architecture.moe {
                if moe.routedExperts % parallelism.expert != 0 {
                    fail("'expert' (\(parallelism.expert)) must divide the routed experts of '\(model.id)' (\(moe.routedExperts))",
                         at: parallelPath.appending("expert"))
                }
            } else {
                fail("'expert' (\(parallelism.expert)) needs a mixture-of-experts model; '\(model.id)' is dense",
                     at: parallelPath.appending("expert"))
            }
        }
    }

    /// Compute runs at the activation precision, so the hardware must run it natively; weights and KV cache
    /// may be stored narrower (weight-only quantization, an FP8 KV cache dequantized on load).
    private mutating func validatePrecision(_ precision: PrecisionChoice, on hardware: HardwareProfile, at path: DocumentPath) {
        let native = hardware.compute.dense
        guard !native.isEmpty else {
            fail("'\(hardware.id)' has no sourced compute rates in its profile, so no precision can be checked or simulated",
                 at: path.appending("activations"))
            return
        }
        let computePrecision: Precision = precision.activations == .mxfp4 ? .fp4 : precision.activations
        if native[computePrecision] == nil {
            fail(PerformanceError.unsupportedPrecision(precision.activations, on: hardware).message, at: path.appending("activations"))
        }
        if precision.weights.bits > precision.activations.bits, precision.activations != .tf32 {
            fail(PerformanceError.weightsWiderThanActivations(weights: precision.weights, activations: precision.activations).message,
                 at: path.appending("weights"))
        }
    }

    /// Largest `max_sequences`, `max_batched_tokens` or `kv_block_size`: far above any engine's setting, and
    /// far from `Int` overflow when the simulator rounds token counts up to blocks.
    static let largestSchedulingSetting = 100_000_000

    private mutating func validateScheduling(_ scheduling: SchedulingOverrides, at path: DocumentPath) {
        for (name, value) in [("max_sequences", scheduling.maxSequences), ("max_batched_tokens", scheduling.maxBatchedTokens),
                              ("kv_block_size", scheduling.kvBlockSize)] {
            guard let value else { continue }
            if value < 1 { fail("'\(name)' must be at least 1, got \(value)", at: path.appending(name)) }
            if value > Self.largestSchedulingSetting {
                fail("'\(name)' must be at most \(Self.largestSchedulingSetting), got \(value)", at: path.appending(name))
            }
        }
        if let fraction = scheduling.memoryFraction, !(fraction > 0 && fraction <= 1) {
            fail("'memory_fraction' must be in (0, 1], got \(UnitFormatter.number(fraction))", at: path.appending("memory_fraction"))
        }
    }

    // MARK: Workload

    /// Coefficients of variation of gamma gaps that the sampler draws as finite numbers: the gamma shape is
    /// `1 / burstiness²`, and an infinite or zero shape makes every gap NaN.
    static let burstinessRange = 0.001...1000.0

    private mutating func validateWorkload() {
        let path = Self.root.appending("workload")
        let workload = scenario.workload
        let arrivals = workload.arrivals, arrivalsPath = path.appending("arrivals")
        switch arrivals.pattern {
        case .offline: break
        case .concurrency:
            if let concurrency = arrivals.concurrency {
                if concurrency < 1 { fail("'concurrency' must be at least 1, got \(concurrency)", at: arrivalsPath.appending("concurrency")) }
            } else {
                fail("'concurrency' is required for 'concurrency' arrivals", at: arrivalsPath)
            }
        case .poisson, .gamma, .constant, .diurnal:
            if let rate = arrivals.rate {
                if !(rate > 0 && rate.isFinite) {
                    fail("'rate' must be a positive number of requests per second, got \(UnitFormatter.number(rate))",
                         at: arrivalsPath.appending("rate"))
                } else if !(1 / rate).isFinite {
                    fail("'rate' (\(rate)) is too small: the mean gap between requests would not be a finite number of seconds",
                         at: arrivalsPath.appending("rate"))
                }
            } else {
                fail("'rate' is required for '\(arrivals.pattern.rawValue)' arrivals", at: arrivalsPath)
            }
            if arrivals.pattern == .gamma, let burstiness = arrivals.burstiness, !Self.burstinessRange.contains(burstiness) {
                fail("'burstiness' must be between \(UnitFormatter.number(Self.burstinessRange.lowerBound)) and "
                     + "\(UnitFormatter.number(Self.burstinessRange.upperBound)), got \(UnitFormatter.number(burstiness))",
                     at: arrivalsPath.appending("burstiness"))
            }
            if arrivals.pattern == .diurnal { validateHourlyProfile(arrivals.hourlyProfile, at: arrivalsPath) }
        case .trace:
            if workload.trace == nil {
                fail("'trace' arrivals need a trace file: set 'workload.trace' (file: path relative to the scenario)", at: arrivalsPath)
            }
        }
        if let cap = arrivals.maxConcurrency {
            if [.offline, .concurrency].contains(arrivals.pattern) {
                fail("'max_concurrency' caps open-loop arrivals (poisson, gamma, constant, diurnal, trace); "
                     + "'\(arrivals.pattern.rawValue)' arrivals set their own concurrency", at: arrivalsPath.appending("max_concurrency"))
            } else if cap < 1 {
                fail("'max_concurrency' must be at least 1, got \(cap)", at: arrivalsPath.appending("max_concurrency"))
            }
        }
        if let trace = workload.trace {
            let tracePath = path.appending("trace")
            if trace.file.isEmpty { fail("'file' must name a trace file", at: tracePath.appending("file")) }
            if let benchmark = trace.benchmark {
                if benchmark < 0 { fail("'benchmark' must be at least 0, got \(benchmark)", at: tracePath.appending("benchmark")) }
                if let format = trace.format, format != .guidellm {
                    fail("'benchmark' applies to GuideLLM reports only; this trace is '\(format.rawValue)'", at: tracePath.appending("benchmark"))
                }
            }
        }
        if let cache = workload.prefixCache, !(cache.hitRate >= 0 && cache.hitRate < 1) {
            fail("'hit_rate' must be at least 0 and below 1, got \(UnitFormatter.number(cache.hitRate))",
                 at: path.appending("prefix_cache").appending("hit_rate"))
        }
        if workload.requests < 1 { fail("'requests' must be at least 1, got \(workload.requests)", at: path.appending("requests")) }
        checkLimit(workload.requests, "requests", limit: scenario.limits.requests, unit: "requests", at: path.appending("requests"))
        let inputValid = validate(workload.inputTokens, at: path.appending("input_tokens"))
        let outputValid = validate(workload.outputTokens, at: path.appending("output_tokens"))
        if inputValid, outputValid, workload.requests >= 1 {
            checkTokenTotal(workload, at: path.appending("requests"))
        }
        let slo = workload.slo, sloPath = path.appending("slo")
        if !(slo.percentile > 0 && slo.percentile < 100) {
            fail("'percentile' must be between 0 and 100, got \(UnitFormatter.number(slo.percentile))", at: sloPath.appending("percentile"))
        }
        for (name, limit) in [("ttft", slo.timeToFirstToken), ("tpot", slo.timePerOutputToken), ("e2e", slo.endToEnd)] {
            if let limit, !(limit.value > 0) { fail("'\(name)' must be positive, got '\(limit)'", at: sloPath.appending(name)) }
        }
    }

    private mutating func validateHourlyProfile(_ profile: [Double]?, at path: DocumentPath) {
        guard let profile else {
            fail("'hourly_profile' (24 multipliers of 'rate', midnight first) is required for 'diurnal' arrivals", at: path)
            return
        }
        let profilePath = path.appending("hourly_profile")
        if profile.count != 24 {
            fail("'hourly_profile' must list 24 hourly multipliers, got \(profile.count)", at: profilePath)
        }
        for (hour, multiplier) in profile.enumerated() where !(multiplier >= 0 && multiplier.isFinite) {
            fail("hour \(hour) of 'hourly_profile' must be a finite multiplier of at least 0, got \(UnitFormatter.number(multiplier))",
                 at: profilePath.appending(hour))
        }
        if !profile.isEmpty, profile.allSatisfy({ $0 == 0 }) {
            fail("'hourly_profile' must have at least one hour above 0", at: profilePath)
        }
    }

    /// Checks one length distribution; returns whether it is valid.
    @discardableResult
    private mutating func validate(_ lengths: LengthDistribution, at path: DocumentPath) -> Bool {
        let name = path.lastKey ?? "length"
        let longest = ScenarioLimits.tokensPerRequest
        let before = diagnostics.count
        switch lengths.shape {
        case .trace:
            if scenario.workload.trace == nil {
                fail("'\(name): trace' needs a trace file: set 'workload.trace' (file: path relative to the scenario)", at: path)
            }
        case .fixed, .lognormal:
            guard let mean = lengths.mean else { fail("'mean' is required for '\(lengths.shape.rawValue)' \(name)", at: path); return false }
            if mean < 1 { fail("'\(name)' must be at least 1 token, got \(mean)", at: path) }
            if mean > longest { fail("'\(name)' must be at most \(longest) tokens, got \(mean)", at: path) }
            if lengths.shape == .lognormal, !((lengths.standardDeviation ?? -1) > 0 && (lengths.standardDeviation ?? 0).isFinite) {
                fail("'stddev' must be positive and finite for 'lognormal' \(name)", at: path)
            }
        case .uniform:
            guard let minimum = lengths.minimum, let maximum = lengths.maximum else {
                fail("'min' and 'max' are required for 'uniform' \(name)", at: path)
                return false
            }
            if minimum < 1 || maximum < minimum {
                fail("'min' (\(minimum)) must be at least 1 and not above 'max' (\(maximum))", at: path)
            } else if maximum > longest {
                fail("'max' of \(name) must be at most \(longest) tokens, got \(maximum)", at: path)
            }
        }
        return diagnostics.count == before
    }

    /// Every token of the workload must be countable in an `Int`: `requests × (longest input + longest
    /// output)`, where a lognormal length is at most ``LengthModel/longestSample``. Only a raised
    /// `limits.requests` can reach this.
    private mutating func checkTokenTotal(_ workload: Workload, at path: DocumentPath) {
        func longest(_ lengths: LengthDistribution) -> Int {
            switch lengths.shape {
            case .fixed: lengths.mean ?? 0
            case .uniform: lengths.maximum ?? 0
            case .lognormal: LengthModel.longestSample
            case .trace: ScenarioLimits.tokensPerRequest
            }
        }
        let perRequest = longest(workload.inputTokens) + longest(workload.outputTokens)
        if workload.requests.multipliedReportingOverflow(by: perRequest).overflow {
            fail("'requests' (\(workload.requests)) times the longest request (\(perRequest) tokens) overflows a token count; "
                 + "lower 'requests' or the lengths", at: path)
        }
    }

    // MARK: Finance

    /// Longest horizon, in months: the cost model works month by month.
    static let longestHorizonMonths = 1200
    /// Most the demand may grow over the horizon; fleet sizes follow it and are counted in `Int`.
    static let largestDemandGrowth = 1e6

    private mutating func validateFinance() {
        let finance = scenario.finance, path = Self.root.appending("finance")
        let growth = finance.monthlyDemandGrowth.value
        if finance.horizonMonths < 1 {
            fail("'horizon_months' must be at least 1, got \(finance.horizonMonths)", at: path.appending("horizon_months"))
        } else if finance.horizonMonths > Self.longestHorizonMonths {
            fail("'horizon_months' must be at most \(Self.longestHorizonMonths) (100 years), got \(finance.horizonMonths)",
                 at: path.appending("horizon_months"))
        }
        if !(growth > -1 && growth.isFinite) {
            fail("'monthly_demand_growth' must be above -100 %, got \(UnitFormatter.number(growth))",
                 at: path.appending("monthly_demand_growth"))
        } else if (1...Self.longestHorizonMonths).contains(finance.horizonMonths),
                  !(pow(1 + growth, Double(finance.horizonMonths - 1)) <= Self.largestDemandGrowth) {
            fail("'monthly_demand_growth' of \(UnitFormatter.number(growth * 100)) % over \(finance.horizonMonths) months grows demand "
                 + "more than \(UnitFormatter.number(Self.largestDemandGrowth))-fold, beyond what the cost model counts",
                 at: path.appending("monthly_demand_growth"))
        }
        let owning = finance.owning, owningPath = path.appending("owning")
        if let price = owning.serverPrice {
            checkPrice(price.amount, price.currency, printed: price.description, at: owningPath.appending("server_price"))
        }
        if let price = owning.electricity {
            checkPrice(price.amount, price.currency, printed: price.description, at: owningPath.appending("electricity"))
        }
        if let price = owning.colocation {
            checkPrice(price.amount, price.currency, printed: price.description, at: owningPath.appending("colocation"))
        }
        if !(owning.pue >= 1) { fail("'pue' must be at least 1, got \(UnitFormatter.number(owning.pue))", at: owningPath.appending("pue")) }
        if !(owning.usefulLifeYears > 0) {
            fail("'useful_life_years' must be positive, got \(UnitFormatter.number(owning.usefulLifeYears))",
                 at: owningPath.appending("useful_life_years"))
        }
        if !(owning.residualValue.value >= 0 && owning.residualValue.value <= 1) {
            fail("'residual_value' must be between 0 and 100 %, got \(UnitFormatter.number(owning.residualValue.value))",
                 at: owningPath.appending("residual_value"))
        }
        for (name, ratio) in [("cost_of_capital", owning.costOfCapital), ("maintenance", owning.maintenance)] where ratio.value < 0 {
            fail("'\(name)' must not be negative, got \(UnitFormatter.number(ratio.value))", at: owningPath.appending(name))
        }
        let renting = finance.renting, rentingPath = path.appending("renting")
        for (name, price) in [("on_demand", renting.onDemand), ("reserved_1y", renting.reserved1Year),
                              ("reserved_3y", renting.reserved3Year)] {
            if let price { checkPrice(price.amount, price.currency, printed: price.description, at: rentingPath.appending(name)) }
        }
        for (index, api) in finance.apis.enumerated() {
            let apiPath = path.appending("apis").appending(index)
            checkPrice(api.input.amount, api.input.currency, printed: api.input.description, at: apiPath.appending("input"))
            checkPrice(api.output.amount, api.output.currency, printed: api.output.description, at: apiPath.appending("output"))
            if let decline = api.yearlyPriceDecline, !(decline.value >= 0 && decline.value < 1) {
                fail("'yearly_price_decline' must be at least 0 % and below 100 %, got \(UnitFormatter.number(decline.value))",
                     at: apiPath.appending("yearly_price_decline"))
            }
            if let cached = api.cachedInput {
                checkPrice(cached.amount, cached.currency, printed: cached.description, at: apiPath.appending("cached_input"))
            }
        }
        checkUniqueNames(finance.apis.map(\.name), what: "API", list: "finance.apis")
        let uncertaintyPath = path.appending("uncertainty")
        if finance.uncertainty.samples < 1 {
            fail("'samples' must be at least 1, got \(finance.uncertainty.samples)", at: uncertaintyPath.appending("samples"))
        }
        checkLimit(finance.uncertainty.samples, "samples", limit: scenario.limits.samples, unit: "samples",
                   at: uncertaintyPath.appending("samples"))
        var names = ["server_price", "electricity", "colocation", "on_demand", "reserved_1y", "reserved_3y"]
        names += finance.apis.flatMap { api -> [String] in ["api.\(api.name).input", "api.\(api.name).output"] }
        names += scenario.options.filter { $0.serverPrice != nil }.map { option -> String in "\(option.name).server_price" }
        names += scenario.options.filter { $0.electricity != nil }.map { option -> String in "\(option.name).electricity" }
        names += ScenarioCost.nonPriceInputs
        for (name, spec) in finance.uncertainty.inputs.sorted(by: { $0.key < $1.key }) {
            let inputPath = uncertaintyPath.appending("inputs").appending(name)
            if !names.contains(name) {
                fail(Suggestion.unknown("uncertain input", name, in: names) + "; expected one of \(names.joined(separator: ", "))", at: inputPath)
            }
            if case let .failure(error) = spec.resolved() { fail(error.message, at: inputPath) }
            for value in [spec.low, spec.mode, spec.high, spec.p10, spec.p90].compactMap({ $0 }) where !(value >= 0 && value.isFinite) {
                fail("prices in '\(name)' must be finite and not negative, got \(UnitFormatter.number(value))", at: inputPath)
                break
            }
        }
    }
}
