/// Turning a purchase into a yearly cost.
public enum CapitalRecovery {
    /// The capital recovery factor: the share of a capital cost paid each year over `years` at annual rate
    /// `rate`, net of nothing left at the end.
    /// ```
    /// CRF = r (1 + r)^n / ((1 + r)^n − 1)        (1/n when r = 0)
    /// ```
    /// - Precondition: `years > 0`, `rate ≥ 0`.
    public static func factor(rate: Double, years: Double) -> Double {
        precondition(years > 0 && rate >= 0, "capital recovery needs years > 0 and rate ≥ 0, got \(years), \(rate)")
        guard rate > 0 else { return 1 / years }
        let growth = pow(1 + rate, years)
        return rate * growth / (growth - 1)
    }

    /// Yearly cost of `cost` with `residual` left after `years`, annualized at `rate`:
    /// `(cost − residual / (1 + r)^n) · CRF(r, n)`.
    public static func annualized(cost: Double, residual: Double, rate: Double, years: Double) -> Double {
        (cost - residual / pow(1 + rate, years)) * factor(rate: rate, years: years)
    }

    /// Straight-line depreciation per year: `(cost − residual) / years`.
    public static func straightLine(cost: Double, residual: Double = 0, years: Double) -> Double {
        precondition(years > 0, "depreciation needs years > 0, got \(years)")
        return (cost - residual) / years
    }
}

import Foundation
