import FleetEconomics

/// Uncertain unit prices for Monte Carlo (`finance.uncertainty`): for each named input a distribution of
/// its value in the scenario currency and the unit of the matching deterministic field. Names:
/// `server_price`, `electricity`, `colocation`, `on_demand`, `reserved_1y`, `reserved_3y`,
/// `api.<name>.input`, `api.<name>.output`.
public struct Uncertainty: Codable, Sendable, Equatable {
    /// Monte Carlo samples.
    public var samples: Int
    public var inputs: [String: DistributionSpec]

    public static let `default` = Uncertainty(samples: 10_000, inputs: [:])

    public init(samples: Int, inputs: [String: DistributionSpec]) {
        self.samples = samples
        self.inputs = inputs
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        samples = try container.decodeIfPresent(Int.self, forKey: .samples) ?? Uncertainty.default.samples
        inputs = try container.decodeIfPresent([String: DistributionSpec].self, forKey: .inputs) ?? [:]
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(samples, forKey: .samples)
        try container.encodeOrdered(inputs, forKey: .inputs)
    }

    enum CodingKeys: String, CodingKey { case samples, inputs }
}

/// A distribution as written: `{low, high}` uniform, `{low, mode, high}` triangular, or `{p10, p90}` with
/// `shape: normal | lognormal` (lognormal by default).
public struct DistributionSpec: Codable, Sendable, Equatable {
    public var low: Double?
    public var mode: Double?
    public var high: Double?
    public var p10: Double?
    public var p90: Double?
    public var shape: String?

    /// The distribution, or a message saying what is wrong.
    public func resolved() -> Result<Distribution, DistributionError> {
        if let p10, let p90 {
            guard p90 >= p10 else { return .failure(.init("'p90' (\(p10 > 0 ? "\(p90)" : "\(p90)")) must not be below 'p10' (\(p10))")) }
            switch shape ?? "lognormal" {
            case "lognormal":
                guard p10 > 0 else { return .failure(.init("a lognormal needs positive percentiles, got 'p10' \(p10)")) }
                return .success(p10 == p90 ? .fixed(p10) : .lognormal(p10: p10, p90: p90))
            case "normal": return .success(p10 == p90 ? .fixed(p10) : .normal(p10: p10, p90: p90))
            case let other: return .failure(.init("unknown shape '\(other)'; expected 'normal' or 'lognormal'"))
            }
        }
        if let low, let high {
            guard high >= low else { return .failure(.init("'high' (\(high)) must not be below 'low' (\(low))")) }
            if let mode {
                guard mode >= low && mode <= high else { return .failure(.init("'mode' (\(mode)) must lie between 'low' and 'high'")) }
                return .success(high == low ? .fixed(low) : .triangular(low: low, mode: mode, high: high))
            }
            return .success(.uniform(low: low, high: high))
        }
        return .failure(.init("a distribution needs 'low' and 'high' (uniform, or triangular with 'mode') or 'p10' and 'p90'"))
    }
}

public struct DistributionError: Error, Equatable {
    public let message: String
    init(_ message: String) { self.message = message }
}
