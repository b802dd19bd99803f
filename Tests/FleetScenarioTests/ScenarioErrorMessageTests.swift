import Testing
import FleetProfiles
@testable import FleetScenario

/// Every user-facing scenario error, pinned word for word (argument-parser's `ErrorMessageTests`).
struct ScenarioErrorMessageTests {
    /// The diagnostics of loading `text`, one string each.
    func errors(_ text: String, file: String = "plan.yaml") -> [String] {
        do {
            _ = try ScenarioLoader.load(text: text, file: file, catalog: Fixtures.catalog)
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    func replacing(_ old: String, with new: String) -> String {
        precondition(Fixtures.valid.contains(old), "fixture lacks \(old)")
        return Fixtures.valid.replacingOccurrences(of: old, with: new)
    }

    @Test func validFixtureHasNoErrors() {
        #expect(errors(Fixtures.valid) == [])
    }

    @Test func speculativeSettingsAreCheckedWhereTheyAreWritten() {
        let line = "    parallelism: {tensor: 8}"
        #expect(errors(replacing(line, with: line + "\n    speculative: {method: mtp, draft_tokens: 3, acceptance: [0.8, 1.2]}")) == [
            "plan.yaml:11:61: error: 'acceptance' gives 2 rates for 3 draft tokens; give one per draft token, or one for all",
            "plan.yaml:11:67: error: an acceptance rate must be in [0, 1], got 1.2",
        ])
        #expect(errors(replacing(line, with: line + "\n    speculative: {method: draft-model, draft_tokens: 0, acceptance: 0.7}")) == [
            "plan.yaml:11:27: error: 'method: draft-model' needs 'draft_model', the model profile id of the drafter",
            "plan.yaml:11:54: error: 'draft_tokens' must be between 1 and 16, got 0",
        ])
        #expect(errors(replacing(line, with: line + "\n    speculative: {method: eagle, draft_tokens: 2, acceptance: 0.7, draft_model: llama-3.1-8b}")) == [
            "plan.yaml:11:81: error: 'draft_model' applies to 'method: draft-model'; 'eagle' drafts with a layer of the target",
        ])
        #expect(errors(replacing(line, with: line + "\n    speculative: {method: medusa, draft_tokens: 2, acceptance: 0.7}")) == [
            "plan.yaml:11:27: error: unknown speculative method 'medusa'; expected one of mtp, eagle, draft-model",
        ])
    }

    @Test func disaggregationSettingsAreCheckedWhereTheyAreWritten() {
        let line = "    parallelism: {tensor: 8}"
        #expect(errors(replacing(line, with: line + "\n    disaggregation: {prefill_replicas: 0, decode_replicas: 2, kv_transfer_bandwidth: -5 GB/s}")) == [
            "plan.yaml:11:40: error: 'prefill_replicas' must be at least 1, got 0",
            "plan.yaml:11:86: error: 'kv_transfer_bandwidth' must be positive, got '-5 GB/s'",
        ])
        let closedLoop = replacing(line, with: line + "\n    disaggregation: {prefill_replicas: 1, decode_replicas: 2}")
            .replacingOccurrences(of: "arrivals: {pattern: poisson, rate: 2}", with: "arrivals: {pattern: concurrency, concurrency: 8}")
        #expect(errors(closedLoop) == [
            "plan.yaml:11:21: error: a disaggregated deployment is simulated with open-loop arrivals (poisson, gamma, constant, diurnal, trace, offline), not 'concurrency'",
        ])
    }

    @Test func batchingSettingsAreCheckedWhereTheyAreWritten() {
        let line = "    parallelism: {tensor: 8}"
        #expect(errors(replacing(line, with: line + "\n    batching: {max_requests: 96, max_wait: 300 ms}")) == [])
        #expect(errors(replacing(line, with: line + "\n    batching: {max_requests: 0, max_wait: -1 s}")) == [
            "plan.yaml:11:30: error: 'max_requests' must be at least 1, got 0",
            "plan.yaml:11:43: error: 'max_wait' must be finite and not negative, got '-1 s'",
        ])
        #expect(errors(replacing(line, with: line + "\n    router: least-kv\n    batching: {max_requests: 8, max_wait: 0.1 s}")) == [
            "plan.yaml:12:15: error: a batcher sends each batch to the next replica in turn; remove 'router: least-kv' or 'batching'",
        ])
        #expect(errors(replacing(line, with: line + "\n    batching: {max_requests: 8, max_wait: 0.1 s}\n    disaggregation: {prefill_replicas: 1, decode_replicas: 1}")) == [
            "plan.yaml:11:15: error: a batcher feeds the replicas of an aggregated deployment; remove 'batching' or 'disaggregation'",
        ])
        let batched = replacing(line, with: line + "\n    batching: {max_requests: 8, max_wait: 0.1 s}")
        #expect(errors(batched.replacingOccurrences(of: "arrivals: {pattern: poisson, rate: 2}", with: "arrivals: {pattern: concurrency, concurrency: 8}")) == [
            "plan.yaml:11:15: error: a batcher is simulated with open-loop arrivals (poisson, gamma, constant, diurnal, trace, offline), not 'concurrency'",
        ])
        #expect(errors(batched.replacingOccurrences(of: "arrivals: {pattern: poisson, rate: 2}", with: "arrivals: {pattern: poisson, rate: 2, max_concurrency: 8}")) == [
            "plan.yaml:11:15: error: a batcher is simulated with uncapped open-loop arrivals; remove 'workload.arrivals.max_concurrency'",
        ])
    }

    @Test func maxConcurrencyCapsOnlyOpenLoopArrivals() {
        let arrivals = "arrivals: {pattern: poisson, rate: 2}"
        #expect(errors(replacing(arrivals, with: "arrivals: {pattern: poisson, rate: 2, max_concurrency: 16}")) == [])
        #expect(errors(replacing(arrivals, with: "arrivals: {pattern: poisson, rate: 2, max_concurrency: 0}")).count == 1)
        #expect(errors(replacing(arrivals, with: "arrivals: {pattern: poisson, rate: 2, max_concurrency: 0}"))[0]
            .hasSuffix("error: 'max_concurrency' must be at least 1, got 0"))
        #expect(errors(replacing(arrivals, with: "arrivals: {pattern: offline, max_concurrency: 4}")).map { $0.drop { $0 != " " } } == [
            " error: 'max_concurrency' caps open-loop arrivals (poisson, gamma, constant, diurnal, trace); 'offline' arrivals set their own concurrency",
        ])
        let line = "    parallelism: {tensor: 8}"
        let disaggregated = replacing(line, with: line + "\n    disaggregation: {prefill_replicas: 1, decode_replicas: 2}")
            .replacingOccurrences(of: arrivals, with: "arrivals: {pattern: poisson, rate: 2, max_concurrency: 8}")
        #expect(errors(disaggregated) == [
            "plan.yaml:11:21: error: a disaggregated deployment is simulated with uncapped open-loop arrivals; remove 'workload.arrivals.max_concurrency'",
        ])
    }

    @Test func malformedYAML() {
        #expect(errors("version: 1\ndeployments: [\n  - name: x\n") == [
            "plan.yaml:3:3: error: malformed YAML: did not find expected node content",
        ])
    }

    @Test func malformedJSON() {
        #expect(errors("{\"version\": 1,\n \"name\": }\n", file: "plan.json") == [
            "plan.json:2:10: error: malformed JSON: invalid value",
        ])
    }

    @Test func wrongType() {
        #expect(errors(replacing("devices: 8", with: "devices: eight")) == [
            "plan.yaml:8:14: error: 'devices' must be an integer",
        ])
    }

    @Test func unknownHardwareWithSuggestion() {
        #expect(errors(replacing("hardware: nvidia-h100-sxm", with: "hardware: h100-sxm")) == [
            "plan.yaml:6:15: error: unknown hardware 'h100-sxm'; did you mean 'nvidia-h100-sxm'?",
        ])
    }

    @Test func unknownModel() {
        #expect(errors(replacing("model: llama-3.1-70b", with: "model: llama-4-70b")) == [
            "plan.yaml:7:12: error: unknown model 'llama-4-70b'; did you mean 'llama-2-70b'?",
        ])
    }

    @Test func negativePrice() {
        #expect(errors(replacing("electricity: 0.0892 USD/kWh", with: "electricity: -0.1 USD/kWh")) == [
            "plan.yaml:14:51: error: 'electricity' must not be negative, got '-0.1 USD/kWh'",
        ])
    }

    @Test func zeroDevices() {
        #expect(errors(replacing("devices: 8", with: "devices: 0")) == [
            "plan.yaml:8:14: error: 'devices' must be at least 1, got 0",
        ])
    }

    @Test func tensorParallelDegreeThatDoesNotDivideTheHeads() {
        let text = replacing("devices: 8", with: "devices: 3").replacingOccurrences(of: "tensor: 8", with: "tensor: 3")
        #expect(errors(text) == [
            "plan.yaml:10:27: error: 'tensor' (3) must divide the attention heads of 'llama-3.1-70b' (64)",
        ])
    }

    @Test func precisionTheHardwareLacks() {
        #expect(errors(replacing("hardware: nvidia-h100-sxm", with: "hardware: nvidia-a100-sxm-80gb")) == [
            "plan.yaml:9:44: error: precision 'fp8' is not supported by 'nvidia-a100-sxm-80gb'; it runs fp64, fp32, tf32, bf16, fp16, int8, int4",
        ])
    }

    @Test func missingFile() {
        #expect(throws: DiagnosticList.self) { try Document(contentsOf: "/nonexistent/plan.yaml") }
        do { _ = try Document(contentsOf: "/nonexistent/plan.yaml") } catch {
            #expect(error.description == "/nonexistent/plan.yaml: error: no such file")
        }
    }

    @Test func unknownCurrency() {
        #expect(errors(replacing("on_demand: 2.99 USD/h", with: "on_demand: 2.99 XYZ/h")) == [
            "plan.yaml:15:24: error: unknown currency 'XYZ' in '2.99 XYZ/h'; expected one of USD, EUR, CNY, GBP, JPY, KRW, INR, SGD, HKD, TWD, CHF, CAD, AUD",
        ])
    }

    @Test func unitWhereAnotherIsExpected() {
        #expect(errors(replacing("electricity: 0.0892 USD/kWh", with: "electricity: 0.0892 USD/h")) == [
            "plan.yaml:14:51: error: '0.0892 USD/h' is a price per hour; expected a price per kWh such as '1.5 USD/kWh'",
        ])
    }

    @Test func duplicateOptionName() {
        #expect(errors(replacing("{name: rent, deployment", with: "{name: own, deployment")) == [
            "plan.yaml:20:12: error: duplicate option name 'own' (first at line 19)",
        ])
    }

    @Test func emptyComparison() {
        let text = String(Fixtures.valid[..<Fixtures.valid.range(of: "options:")!.lowerBound]) + "options: []\n"
        #expect(errors(text) == ["plan.yaml:18:10: error: the comparison is empty: list at least one entry under 'options'"])
    }

    @Test func unsupportedVersion() {
        #expect(errors(replacing("version: 1", with: "version: 2")) == [
            "plan.yaml:1:10: error: unsupported version 2; this fleetsim reads version 1",
        ])
    }

    @Test func unknownKeyWithSuggestion() {
        #expect(errors(replacing("    devices: 8", with: "    devices: 8\n    replica: 2")) == [
            "plan.yaml:9:5: error: unknown key 'replica'; did you mean 'replicas'?",
        ])
    }

    @Test func missingExchangeRate() {
        #expect(errors(replacing("on_demand: 2.99 USD/h", with: "on_demand: 2.5 EUR/h")) == [
            "plan.yaml:15:24: error: no exchange rate from EUR to USD; add 'EUR: <value> USD' under 'exchange_rates'",
        ])
    }

    @Test func rentingWithoutARate() {
        #expect(errors(replacing("renting: {on_demand: 2.99 USD/h}", with: "renting: {}")) == [
            "plan.yaml:20:5: error: option 'rent' rents on demand, but 'finance.renting.on_demand' is not set",
        ])
    }

    @Test func ownedHardwareWithoutAKnownPrice() {
        let text = replacing("server_price: 255237 USD, ", with: "")
            .replacingOccurrences(of: "hardware: nvidia-h100-sxm", with: "hardware: huawei-ascend-910b")
            .replacingOccurrences(of: "{weights: fp8, activations: fp8, kv_cache: fp8}", with: "{weights: bf16, activations: bf16, kv_cache: bf16}")
        #expect(errors(text) == [
            "plan.yaml:19:5: error: option 'own' owns 'huawei-ascend-910b', for which no public purchase price is known; set 'finance.owning.server_price'",
        ])
    }

    /// Structural problems (types, units, keys) are all reported first; when there are none, every semantic
    /// problem (ids, ranges, cross references) is reported together.
    @Test func reportsEveryProblemInOnePass() {
        let text = replacing("hardware: nvidia-h100-sxm", with: "hardware: h100")
            .replacingOccurrences(of: "version: 1", with: "version: 3")
            .replacingOccurrences(of: "rate: 2", with: "rate: -2")
            .replacingOccurrences(of: "on_demand: 2.99 USD/h", with: "on_demand: 2.99 W")
        #expect(errors(text) == [
            "plan.yaml:15:24: error: '2.99 W' is a power; expected an amount of money or a price such as '25000 USD' or '2.49 USD/h'",
        ])
        let semantic = replacing("hardware: nvidia-h100-sxm", with: "hardware: h100")
            .replacingOccurrences(of: "version: 1", with: "version: 3")
            .replacingOccurrences(of: "rate: 2", with: "rate: -2")
        #expect(errors(semantic) == [
            "plan.yaml:1:10: error: unsupported version 3; this fleetsim reads version 1",
            "plan.yaml:6:15: error: unknown hardware 'h100'; did you mean 'nvidia-h100-nvl'?",
            "plan.yaml:12:38: error: 'rate' must be a positive number of requests per second, got -2",
        ])
    }

    @Test func reportsEveryStructuralProblemInOnePass() {
        let text = replacing("devices: 8", with: "devices: eight")
            .replacingOccurrences(of: "on_demand: 2.99 USD/h", with: "on_demand: 2.99 XYZ/h")
            .replacingOccurrences(of: "rate: 2", with: "rate: fast")
        #expect(errors(text) == [
            "plan.yaml:8:14: error: 'devices' must be an integer",
            "plan.yaml:12:38: error: 'rate' must be a number",
            "plan.yaml:15:24: error: unknown currency 'XYZ' in '2.99 XYZ/h'; expected one of USD, EUR, CNY, GBP, JPY, KRW, INR, SGD, HKD, TWD, CHF, CAD, AUD",
        ])
    }

    @Test func percentileNinetyBelowTen() {
        let text = replacing("  renting: {on_demand: 2.99 USD/h}", with: "  renting: {on_demand: 2.99 USD/h}\n  uncertainty: {inputs: {electricity: {p10: 0.2, p90: 0.1}}}")
        #expect(errors(text) == ["plan.yaml:16:39: error: 'p90' (0.1) must not be below 'p10' (0.2)"])
    }

    @Test func unknownUncertainInput() {
        let text = replacing("  renting: {on_demand: 2.99 USD/h}", with: "  renting: {on_demand: 2.99 USD/h}\n  uncertainty: {inputs: {electrcity: {low: 0.1, high: 0.2}}}")
        #expect(errors(text) == ["plan.yaml:16:38: error: unknown uncertain input 'electrcity'; did you mean 'electricity'?; expected one of server_price, electricity, colocation, on_demand, reserved_1y, reserved_3y, api.api.input, api.api.output, useful_life_years, cost_of_capital, monthly_demand_growth, request_rate"])
    }

    @Test func owningTermsOnlyOnOwnedDeploymentsAndOverflowRequired() {
        let text = replacing("  - {name: rent, deployment: h100, acquisition: rent-on-demand}",
                             with: "  - {name: rent, deployment: h100, acquisition: rent-on-demand, server_price: 1 USD}\n"
                                 + "  - {name: hybrid, deployment: h100, base_rate: 3, lead_time_months: 2}\n"
                                 + "  - {name: late, deployment: h100, lead_time_months: 2, overflow: {api: apl}}")
        #expect(errors(text) == [
            "plan.yaml:20:79: error: 'server_price' applies to an owned deployment (acquisition: own)",
            "plan.yaml:21:49: error: a hybrid option ('base_rate') needs an 'overflow' for the demand above its base load",
            "plan.yaml:21:70: error: a lead time needs an 'overflow' (an API or rent-on-demand) to serve the demand before the servers arrive",
            "plan.yaml:22:73: error: unknown API 'apl'; did you mean 'api'?",
        ])
    }

    @Test func dailyLoadNeedsTwentyFourNonNegativeValues() {
        let text = replacing("finance:\n", with: "finance:\n  daily_load: [1, 2, -1]\n")
        #expect(errors(text) == [
            "plan.yaml:14:15: error: 'daily_load' needs 24 hourly values, got 3",
            "plan.yaml:14:15: error: 'daily_load' values must be finite, non-negative and not all zero",
        ])
    }

    @Test func planNeedsABudgetAndKnownIDs() {
        let text = "version: 1\nplan:\n  model: llama-3.1-70\n  hardware: [nvidia-h100-sxm]\n  power_caps: [0 W]\n"
        #expect(errors(text) == [
            "plan.yaml:3:3: error: a plan needs a 'budget' with at least 'power'",
            "plan.yaml:3:10: error: unknown model 'llama-3.1-70'; did you mean 'llama-3.1-70b'?",
            "plan.yaml:5:16: error: a power cap must be positive, got '0 W'",
        ])
    }

    @Test func diurnalArrivalsNeedTwentyFourNonNegativeMultipliers() {
        #expect(errors(replacing("{pattern: poisson, rate: 2}", with: "{pattern: diurnal, rate: 2}")) == [
            "plan.yaml:12:13: error: 'hourly_profile' (24 multipliers of 'rate', midnight first) is required for 'diurnal' arrivals",
        ])
        let short = "{pattern: diurnal, rate: 2, hourly_profile: [1, 2, -1]}"
        #expect(errors(replacing("{pattern: poisson, rate: 2}", with: short)) == [
            "plan.yaml:12:57: error: 'hourly_profile' must list 24 hourly multipliers, got 3",
            "plan.yaml:12:64: error: hour 2 of 'hourly_profile' must be a finite multiplier of at least 0, got -1",
        ])
        let zeros = "{pattern: diurnal, rate: 2, hourly_profile: [" + Array(repeating: "0", count: 24).joined(separator: ", ") + "]}"
        #expect(errors(replacing("{pattern: poisson, rate: 2}", with: zeros)) == [
            "plan.yaml:12:57: error: 'hourly_profile' must have at least one hour above 0",
        ])
    }

    @Test func unknownRouter() {
        #expect(errors(replacing("    devices: 8", with: "    devices: 8\n    router: least-loaded")) == [
            "plan.yaml:9:13: error: unknown router 'least-loaded'; expected one of round-robin, least-outstanding, least-kv",
        ])
    }

    @Test func prefixCacheHitRateOutOfRange() {
        #expect(errors(replacing("{pattern: poisson, rate: 2}", with: "{pattern: poisson, rate: 2}\n  prefix_cache: {hit_rate: 1}")) == [
            "plan.yaml:13:28: error: 'hit_rate' must be at least 0 and below 1, got 1",
        ])
    }

    // MARK: Limits on the work a scenario asks for

    @Test func requestsAboveTheLimit() {
        let text = replacing("arrivals: {pattern: poisson, rate: 2}", with: "arrivals: {pattern: poisson, rate: 2}\n  requests: 1000000000000")
        #expect(errors(text) == [
            "plan.yaml:13:13: error: 'requests' (1000000000000) is above the limit of 100000000 requests; raise 'limits.requests' to allow more",
        ])
    }

    @Test func raisedRequestLimitAllowsMoreRequests() {
        let text = replacing("arrivals: {pattern: poisson, rate: 2}", with: "arrivals: {pattern: poisson, rate: 2}\n  requests: 200000000")
            + "limits: {requests: 300000000}\n"
        #expect(errors(text) == [])
    }

    @Test func samplesAboveTheLimit() {
        let text = replacing("  renting: {on_demand: 2.99 USD/h}", with: "  renting: {on_demand: 2.99 USD/h}\n  uncertainty: {samples: 1000000000000}")
        #expect(errors(text) == [
            "plan.yaml:16:26: error: 'samples' (1000000000000) is above the limit of 10000000 samples; raise 'limits.samples' to allow more",
        ])
    }

    @Test func limitBelowOne() {
        #expect(errors(Fixtures.valid + "limits: {requests: 0, samples: -1}\n") == [
            "plan.yaml:22:20: error: 'requests' must be at least 1, got 0",
            "plan.yaml:22:32: error: 'samples' must be at least 1, got -1",
        ])
    }

    @Test func requestLongerThanAnyContext() {
        let text = replacing("arrivals: {pattern: poisson, rate: 2}",
                             with: "arrivals: {pattern: poisson, rate: 2}\n  input_tokens: 1000000000\n  output_tokens: {shape: uniform, min: 1, max: 200000000}")
        #expect(errors(text) == [
            "plan.yaml:13:17: error: 'input_tokens' must be at most 100000000 tokens, got 1000000000",
            "plan.yaml:14:18: error: 'max' of output_tokens must be at most 100000000 tokens, got 200000000",
        ])
    }

    @Test func lognormalWithInfiniteDeviation() {
        let text = replacing("arrivals: {pattern: poisson, rate: 2}",
                             with: "arrivals: {pattern: poisson, rate: 2}\n  input_tokens: {shape: lognormal, mean: 100, stddev: .inf}")
        #expect(errors(text) == ["plan.yaml:13:17: error: 'stddev' must be positive and finite for 'lognormal' input_tokens"])
    }

    @Test func tokenTotalThatOverflows() {
        let text = replacing("arrivals: {pattern: poisson, rate: 2}",
                             with: "arrivals: {pattern: poisson, rate: 2}\n  requests: 9000000000000\n  input_tokens: {shape: lognormal, mean: 100, stddev: 50}")
            + "limits: {requests: 9000000000000}\n"
        #expect(errors(text) == [
            "plan.yaml:13:13: error: 'requests' (9000000000000) times the longest request (1000000256 tokens) overflows a token count; lower 'requests' or the lengths",
        ])
    }

    @Test func replicasAboveTheLimit() {
        #expect(errors(replacing("devices: 8", with: "devices: 8\n    replicas: 1000000")) == [
            "plan.yaml:9:15: error: 'replicas' (1000000) is above the limit of 100000 replicas; raise 'limits.replicas' to allow more",
        ])
    }

    /// Found while writing the scenario fuzzer: `tensor × pipeline` trapped on overflow before it was compared.
    @Test func parallelDegreesWhoseProductOverflows() {
        let text = replacing("parallelism: {tensor: 8}", with: "parallelism: {tensor: 4611686018427387904, pipeline: 2}")
        #expect(errors(text).first == "plan.yaml:8:14: error: 'devices' (8) must equal 'tensor' × 'pipeline' (4611686018427387904 × 2)")
    }

    @Test func horizonOfMoreThanACentury() {
        #expect(errors(replacing("finance:\n", with: "finance:\n  horizon_months: 1000000000000\n")) == [
            "plan.yaml:14:19: error: 'horizon_months' must be at most 1200 (100 years), got 1000000000000",
        ])
    }

    @Test func demandGrowthBeyondCounting() {
        #expect(errors(replacing("finance:\n", with: "finance:\n  monthly_demand_growth: 10000 %\n")) == [
            "plan.yaml:14:26: error: 'monthly_demand_growth' of 10000 % over 36 months grows demand more than 1000000-fold, beyond what the cost model counts",
        ])
    }

    /// An infinite burstiness made every gamma gap NaN, and NaN arrival times reached the simulator.
    @Test func burstinessOutsideTheSampledRange() {
        let text = replacing("arrivals: {pattern: poisson, rate: 2}", with: "arrivals: {pattern: gamma, rate: 2, burstiness: .inf}")
        #expect(errors(text) == ["plan.yaml:12:51: error: 'burstiness' must be between 0.001 and 1000, got inf"])
    }

    @Test func rateTooSmallForAFiniteGap() {
        let text = replacing("arrivals: {pattern: poisson, rate: 2}", with: "arrivals: {pattern: poisson, rate: 5e-324}")
        #expect(errors(text) == [
            "plan.yaml:12:38: error: 'rate' (5e-324) is too small: the mean gap between requests would not be a finite number of seconds",
        ])
    }

    /// Found by probing the simulator: a KV block of Int.max tokens overflowed when token counts were rounded
    /// up to blocks.
    @Test func schedulingSettingBeyondAnyEngine() {
        let text = replacing("parallelism: {tensor: 8}", with: "parallelism: {tensor: 8}\n    scheduling: {kv_block_size: 9223372036854775807}")
        #expect(errors(text) == ["plan.yaml:11:33: error: 'kv_block_size' must be at most 100000000, got 9223372036854775807"])
    }
}
