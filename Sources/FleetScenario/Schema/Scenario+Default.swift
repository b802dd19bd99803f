import FleetProfiles
import FleetUnits

// Every default of the scenario schema, in one place. A test checks that an empty file decodes to
// `Scenario.default`.

extension Scenario {
    public static let `default` = Scenario(
        version: Scenario.supportedVersion, name: "scenario", seed: 1, currency: .usd, exchangeRates: [:],
        deployments: [], workload: .default, finance: .default, options: [], limits: .default)
}

extension ScenarioLimits {
    /// 10⁸ requests and 10⁷ Monte Carlo samples: a hundred times the largest benchmark (10⁶ requests), ten
    /// times its Monte Carlo run (10⁶ samples); 10⁵ replicas of one deployment.
    public static let `default` = ScenarioLimits(requests: 100_000_000, samples: 10_000_000, replicas: 100_000)
}

extension Deployment {
    /// Defaults of the optional deployment fields (name, hardware and model are required).
    public static let `default` = Deployment(
        name: "", hardware: "", model: "", engine: "vllm", devices: 1, replicas: 1, precision: .default,
        parallelism: Parallelism(tensor: 1, pipeline: 1, expert: 1), scheduling: SchedulingOverrides(), powerCap: nil)
}

extension PrecisionChoice {
    /// 16-bit weights, activations and KV cache: what every accelerator in the catalogue runs.
    public static let `default` = PrecisionChoice(weights: .bf16, activations: .bf16, kvCache: .bf16)
}

extension Workload {
    /// 1000 requests of 1024 input and 256 output tokens, all queued at once, p99 objectives unset.
    public static let `default` = Workload(
        arrivals: Arrivals(pattern: .offline), inputTokens: .fixed(1024), outputTokens: .fixed(256), requests: 1000,
        slo: .default)
}

extension ServiceLevelObjective {
    public static let `default` = ServiceLevelObjective(percentile: 99)
}

extension Finance {
    /// Three years, the usual depreciation window.
    public static let `default` = Finance(horizonMonths: 36, owning: .default, renting: Renting(), apis: [])
}

extension Owning {
    /// PUE 1.58 is the Uptime Institute 2023 industry average and 6 years the useful life Microsoft and
    /// Alphabet use (both in `Profiles/prices/facility.yaml` with their sources). Cost of capital and
    /// maintenance have no universal figure: zero until the scenario states its own.
    public static let `default` = Owning(
        serverPrice: nil, electricity: nil, pue: 1.58, colocation: nil, usefulLifeYears: 6,
        costOfCapital: Ratio(0), maintenance: Ratio(0))
}
