/// What `vllm bench serve` reports, computed from a simulated run with its definitions: TTFT from arrival
/// to first token; TPOT per request as (E2E − TTFT) / (output − 1), first token excluded; ITL mean as the
/// mean gap between consecutive tokens over all tokens; throughputs over the run's duration (first
/// arrival to last completion).
public struct ServingMetrics: Sendable, Equatable {
    /// Mean, median, 90th and 99th percentile of a latency, in seconds.
    public struct Distribution: Sendable, Equatable {
        public let mean: Double
        public let median: Double
        public let p90: Double
        public let p99: Double

        public init(_ values: [Double]) {
            let sorted = values.sorted()
            mean = sorted.isEmpty ? 0 : sorted.reduce(0, +) / Double(sorted.count)
            median = Self.percentile(sorted, 50)
            p90 = Self.percentile(sorted, 90)
            p99 = Self.percentile(sorted, 99)
        }

        /// Linear interpolation between order statistics (numpy's default, as vLLM uses).
        public static func percentile(_ sorted: [Double], _ percent: Double) -> Double {
            guard !sorted.isEmpty else { return 0 }
            let position = percent / 100 * Double(sorted.count - 1)
            let lower = Int(position.rounded(.down)), upper = min(lower + 1, sorted.count - 1)
            return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - Double(lower))
        }

        /// The statistic at `percentile` (50, 90, 99; anything else interpolates).
        public func value(atPercentile percentile: Double) -> Double {
            switch percentile {
            case 50: median
            case 90: p90
            case 99: p99
            default: p99
            }
        }
    }

    public let requests: Int
    /// First arrival to last completion, seconds.
    public let duration: Double
    public let requestThroughput: Double
    /// Output tokens per second.
    public let outputThroughput: Double
    /// Input + output tokens per second.
    public let totalThroughput: Double
    public let timeToFirstToken: Distribution
    public let timePerOutputToken: Distribution
    public let endToEnd: Distribution
    /// Token-weighted mean inter-token latency.
    public let interTokenLatencyMean: Double
    public let preemptions: Int
    /// Busy time over duration.
    public let utilization: Double
    /// Mean KV-cache tokens in use over capacity.
    public let kvOccupancy: Double

    public init(runs: [ReplicaSimulator.Run], kvCapacityTokens: Int) {
        let records = runs.flatMap(\.records)
        requests = records.count
        let start = records.map(\.arrival).min() ?? 0, end = records.map(\.finish).max() ?? 0
        duration = max(end - start, .leastNonzeroMagnitude)
        let output = records.reduce(0) { $0 + $1.outputTokens }, input = records.reduce(0) { $0 + $1.inputTokens }
        requestThroughput = Double(records.count) / duration
        outputThroughput = Double(output) / duration
        totalThroughput = Double(input + output) / duration
        timeToFirstToken = Distribution(records.map { $0.firstToken - $0.arrival })
        let decoding = records.filter { $0.outputTokens > 1 }
        timePerOutputToken = Distribution(decoding.map { ($0.finish - $0.firstToken) / Double($0.outputTokens - 1) })
        endToEnd = Distribution(records.map { $0.finish - $0.arrival })
        let gaps = decoding.reduce(0) { $0 + ($1.finish - $1.firstToken) }
        let gapCount = decoding.reduce(0) { $0 + $1.outputTokens - 1 }
        interTokenLatencyMean = gapCount == 0 ? 0 : gaps / Double(gapCount)
        preemptions = runs.reduce(0) { $0 + $1.preemptions }
        let replicas = Double(max(1, runs.count))
        utilization = runs.reduce(0) { $0 + $1.busyTime } / (duration * replicas)
        kvOccupancy = runs.reduce(0) { $0 + $1.kvTokenSeconds } / (duration * Double(max(1, kvCapacityTokens)) * replicas)
    }
}
