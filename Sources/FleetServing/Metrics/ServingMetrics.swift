/// What `vllm bench serve` reports, computed from a simulated run with its definitions: TTFT from arrival
/// to first token; TPOT per request as (E2E − TTFT) / (output − 1), first token excluded; ITL mean as the
/// mean gap between consecutive deliveries of output over all requests (a delivery carries one token, or
/// with speculative decoding the verified token and its accepted drafts); throughputs over the run's duration (first
/// arrival to last completion).
public struct ServingMetrics: Sendable, Equatable {
    /// Mean, median, 90th and 99th percentile of a latency, in seconds.
    public struct Distribution: Sendable, Equatable {
        public let mean: Double
        public let median: Double
        public let p90: Double
        public let p99: Double

        public init(_ values: [Double]) {
            var copy = values
            self.init(consuming: &copy)
        }

        /// Sorts `values` in place (no copy) and summarizes them.
        public init(consuming values: inout [Double]) {
            values.sort()
            let sorted = values
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
        // One pass over the records of every run, without copying them.
        var count = 0, output = 0, input = 0
        var start = Double.infinity, end = -Double.infinity
        var ttft: [Double] = [], tpot: [Double] = [], e2e: [Double] = []
        let total = runs.reduce(0) { $0 + $1.records.count }
        ttft.reserveCapacity(total); e2e.reserveCapacity(total); tpot.reserveCapacity(total)
        var gaps = 0.0, gapCount = 0
        for run in runs {
            for record in run.records {
                count += 1
                output += record.outputTokens
                input += record.inputTokens
                start = min(start, record.arrival)
                end = max(end, record.finish)
                ttft.append(record.firstToken - record.arrival)
                e2e.append(record.finish - record.arrival)
                if record.outputTokens > 1 {
                    tpot.append((record.finish - record.firstToken) / Double(record.outputTokens - 1))
                    gaps += record.finish - record.firstToken
                }
            }
            gapCount += run.deliveries
        }
        requests = count
        duration = count == 0 ? .leastNonzeroMagnitude : max(end - start, .leastNonzeroMagnitude)
        requestThroughput = Double(count) / duration
        outputThroughput = Double(output) / duration
        totalThroughput = Double(input + output) / duration
        timeToFirstToken = Distribution(consuming: &ttft)
        timePerOutputToken = Distribution(consuming: &tpot)
        endToEnd = Distribution(consuming: &e2e)
        interTokenLatencyMean = gapCount == 0 ? 0 : gaps / Double(gapCount)
        preemptions = runs.reduce(0) { $0 + $1.preemptions }
        let replicas = Double(max(1, runs.count))
        utilization = runs.reduce(0) { $0 + $1.busyTime } / (duration * replicas)
        kvOccupancy = runs.reduce(0) { $0 + $1.kvTokenSeconds } / (duration * Double(max(1, kvCapacityTokens)) * replicas)
    }
}
