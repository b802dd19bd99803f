import FleetProfiles
import FleetUnits

/// A scenario file (`version: 1`): the deployments to evaluate, the workload they serve, the finance
/// assumptions, and the options to compare. Every field has a default, kept in `Scenario+Default.swift`;
/// an empty file decodes to ``Scenario/default``.
public struct Scenario: Codable, Sendable, Equatable {
    /// Schema version; only ``supportedVersion`` is accepted.
    public var version: Int
    public var name: String
    /// Seed of every random stream (arrivals, lengths, Monte Carlo).
    public var seed: UInt64
    /// Currency of every reported amount.
    public var currency: Currency
    /// Value of one unit of each other currency in ``currency`` (`CNY: 0.138 USD`).
    public var exchangeRates: [String: Money]
    public var deployments: [Deployment]
    public var workload: Workload
    public var finance: Finance
    /// What to compare: each option is a deployment owned or rented, or an API.
    public var options: [ComparisonOption]
    /// Thresholds for `fleetsim compare --check`.
    public var checks: Checks
    /// Facility limits for `fleetsim plan`.
    public var budget: PowerBudget?
    /// Deployments `fleetsim plan` searches.
    public var plan: PlanSpace?
    /// How much work the scenario may ask for.
    public var limits: ScenarioLimits

    public static let supportedVersion = 1

    enum CodingKeys: String, CodingKey {
        case version, name, seed, currency, exchangeRates = "exchange_rates", deployments, workload, finance, options, checks, budget, plan, limits
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let problems = decoder.problems
        let defaults = Scenario.default
        version = try container.decode(Int.self, forKey: .version, orRecord: problems) ?? defaults.version
        name = try container.decode(String.self, forKey: .name, orRecord: problems) ?? defaults.name
        seed = try container.decode(UInt64.self, forKey: .seed, orRecord: problems) ?? defaults.seed
        currency = try container.decode(Currency.self, forKey: .currency, orRecord: problems) ?? defaults.currency
        exchangeRates = try container.decode([String: Money].self, forKey: .exchangeRates, orRecord: problems)
            ?? defaults.exchangeRates
        deployments = try container.decodeEach(Deployment.self, forKey: .deployments, orRecord: problems) ?? defaults.deployments
        workload = try container.decode(Workload.self, forKey: .workload, orRecord: problems) ?? defaults.workload
        finance = try container.decode(Finance.self, forKey: .finance, orRecord: problems) ?? defaults.finance
        options = try container.decodeEach(ComparisonOption.self, forKey: .options, orRecord: problems) ?? defaults.options
        checks = try container.decode(Checks.self, forKey: .checks, orRecord: problems) ?? defaults.checks
        budget = try container.decode(PowerBudget.self, forKey: .budget, orRecord: problems)
        plan = try container.decode(PlanSpace.self, forKey: .plan, orRecord: problems)
        limits = try container.decode(ScenarioLimits.self, forKey: .limits, orRecord: problems) ?? defaults.limits
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(version, forKey: .version)
        try container.encode(name, forKey: .name)
        try container.encode(seed, forKey: .seed)
        try container.encode(currency, forKey: .currency)
        try container.encodeOrdered(exchangeRates, forKey: .exchangeRates)
        try container.encode(deployments, forKey: .deployments)
        try container.encode(workload, forKey: .workload)
        try container.encode(finance, forKey: .finance)
        try container.encode(options, forKey: .options)
        if !checks.isEmpty || !checks.options.isEmpty { try container.encode(checks, forKey: .checks) }
        try container.encodeIfPresent(budget, forKey: .budget)
        try container.encodeIfPresent(plan, forKey: .plan)
        try container.encode(limits, forKey: .limits)
    }

    public init(version: Int, name: String, seed: UInt64, currency: Currency, exchangeRates: [String: Money],
                deployments: [Deployment], workload: Workload, finance: Finance, options: [ComparisonOption],
                checks: Checks = .none, limits: ScenarioLimits = .default) {
        self.version = version
        self.name = name
        self.seed = seed
        self.currency = currency
        self.exchangeRates = exchangeRates
        self.deployments = deployments
        self.workload = workload
        self.finance = finance
        self.options = options
        self.checks = checks
        self.limits = limits
    }
}

extension KeyedDecodingContainer {
    /// Decodes a list element by element, so that one bad element does not hide problems in the others.
    /// Elements that fail are recorded and left out.
    func decodeEach<T: Decodable>(_ type: T.Type, forKey key: Key, orRecord problems: DecodingProblems?) throws -> [T]? {
        guard problems != nil else { return try decodeIfPresent([T].self, forKey: key) }
        guard contains(key), try !decodeNil(forKey: key) else { return nil }
        var list: UnkeyedDecodingContainer
        do { list = try nestedUnkeyedContainer(forKey: key) } catch { problems?.record(error); return nil }
        var elements: [T] = []
        while !list.isAtEnd {
            do {
                elements.append(try list.decode(T.self))
            } catch {
                problems?.record(error)
                _ = try? list.decode(Skip.self)
            }
        }
        return elements
    }
}

/// Consumes one element of any shape.
private struct Skip: Decodable {
    init(from decoder: any Decoder) throws {}
}
