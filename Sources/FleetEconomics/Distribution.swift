import Foundation

/// An uncertain input: a value drawn from a distribution for each Monte Carlo sample.
public enum Distribution: Sendable, Equatable {
    /// Always this value.
    case fixed(Double)
    /// Uniform between the bounds.
    case uniform(low: Double, high: Double)
    /// Triangular with a mode.
    case triangular(low: Double, mode: Double, high: Double)
    /// Normal whose 10th and 90th percentiles are `p10` and `p90`.
    case normal(p10: Double, p90: Double)
    /// Lognormal whose 10th and 90th percentiles are `p10` and `p90` (both positive).
    case lognormal(p10: Double, p90: Double)

    /// z of the 90th percentile of the standard normal.
    static let z90 = 1.2815515655446004

    /// The mean of the distribution.
    public var mean: Double {
        switch self {
        case let .fixed(value): value
        case let .uniform(low, high): (low + high) / 2
        case let .triangular(low, mode, high): (low + mode + high) / 3
        case let .normal(p10, p90): (p10 + p90) / 2
        case let .lognormal(p10, p90):
            exp((log(p10) + log(p90)) / 2 + pow((log(p90) - log(p10)) / (2 * Self.z90), 2) / 2)
        }
    }

    /// The 10th (`upper == false`) or 90th percentile: the low and high ends of a tornado bar.
    public func decile(upper: Bool) -> Double {
        let p = upper ? 0.9 : 0.1
        switch self {
        case let .fixed(value): return value
        case let .uniform(low, high): return low + (high - low) * p
        case let .triangular(low, mode, high):
            let split = (mode - low) / (high - low)
            return p < split ? low + sqrt(p * (high - low) * (mode - low)) : high - sqrt((1 - p) * (high - low) * (high - mode))
        case let .normal(p10, p90), let .lognormal(p10, p90): return upper ? p90 : p10
        }
    }

    /// One draw from two uniform variates in (0, 1).
    public func sample(_ u: Double, _ v: Double) -> Double {
        switch self {
        case let .fixed(value): return value
        case let .uniform(low, high): return low + (high - low) * u
        case let .triangular(low, mode, high):
            let split = (mode - low) / (high - low)
            return u < split ? low + sqrt(u * (high - low) * (mode - low)) : high - sqrt((1 - u) * (high - low) * (high - mode))
        case let .normal(p10, p90):
            let sigma = (p90 - p10) / (2 * Self.z90)
            return (p10 + p90) / 2 + sigma * sqrt(-2 * log(u)) * cos(2 * .pi * v)
        case let .lognormal(p10, p90):
            let mu = (log(p10) + log(p90)) / 2, sigma = (log(p90) - log(p10)) / (2 * Self.z90)
            return exp(mu + sigma * sqrt(-2 * log(u)) * cos(2 * .pi * v))
        }
    }
}
