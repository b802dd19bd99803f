/// The highest request rate that still meets an objective, by bracketing: the saturated (offline) request
/// throughput bounds the search from above (× 1.05, as a run at saturation can still meet a loose objective),
/// then bisection narrows the rate to 1 % of that bound. Objectives are assumed to hold at low load and fail
/// beyond some rate (latency grows with load).
///
/// When the saturated run understates what a stream of arrivals sustains (an all-at-once batch that thrashes in
/// preemption), ``highestRate(saturation:expandsPastSaturation:meets:)`` with `expandsPastSaturation` raises a
/// bound that still meets the objective by ``expansionFactor``, at most ``maximumExpansions`` times, before
/// bisecting. Small steps keep the failing probe near the answer: a probe far past capacity costs the most to
/// simulate (its queue grows for the whole run).
public enum LoadSearch {
    /// How much each expansion raises the bound.
    public static let expansionFactor = 1.25
    /// Expansions of the bound past the saturated rate, at most (a bound of 1.05 · 1.25⁸ ≈ 6.3 × saturation).
    public static let maximumExpansions = 8

    /// - Parameters:
    ///   - saturation: the saturated request throughput, requests per second.
    ///   - expandsPastSaturation: whether a bound that meets the objective rises (by ``expansionFactor``, up to
    ///     ``maximumExpansions`` times) instead of being the answer.
    ///   - meets: whether a run at a rate meets the objective; called once per probed rate.
    /// - Returns: the highest probed rate that meets it, requests per second; 0 when even the lightest probe fails.
    public static func highestRate(saturation: Double, expandsPastSaturation: Bool = false, meets: (Double) -> Bool) -> Double {
        var low = 0.0, high = saturation * 1.05
        guard high > 0, high.isFinite else { return 0 }
        if meets(high) {
            guard expandsPastSaturation else { return high }
            var expansions = 0
            repeat {
                low = high
                guard expansions < maximumExpansions else { return low }
                high = low * expansionFactor
                expansions += 1
            } while meets(high)
        }
        while (high - low) > 0.01 * high {
            let middle = (low + high) / 2
            if meets(middle) { low = middle } else { high = middle }
        }
        return low
    }
}
