/// The highest request rate that still meets an objective, by bracketing: the saturated (offline) request
/// throughput bounds the search from above (× 1.05, as a run at saturation can still meet a loose objective),
/// then bisection narrows the rate to 1 % of that bound. Objectives are assumed to hold at low load and fail
/// beyond some rate (latency grows with load).
public enum LoadSearch {
    /// - Parameters:
    ///   - saturation: the saturated request throughput, requests per second.
    ///   - meets: whether a run at a rate meets the objective; called once per probed rate.
    /// - Returns: the highest probed rate that meets it, requests per second; 0 when even the lightest probe fails.
    public static func highestRate(saturation: Double, meets: (Double) -> Bool) -> Double {
        var low = 0.0, high = saturation * 1.05
        guard high > 0, high.isFinite else { return 0 }
        if meets(high) { return high }
        while (high - low) > 0.01 * high {
            let middle = (low + high) / 2
            if meets(middle) { low = middle } else { high = middle }
        }
        return low
    }
}
