/// One request of a workload.
public struct Request: Sendable, Equatable {
    /// Seconds after the start; ignored in closed loop, where a request arrives when an earlier one ends.
    public var arrival: Double
    public var inputTokens: Int
    public var outputTokens: Int

    public init(arrival: Double, inputTokens: Int, outputTokens: Int) {
        self.arrival = arrival
        self.inputTokens = inputTokens
        self.outputTokens = outputTokens
    }
}

/// How requests arrive.
public enum ArrivalProcess: Sendable, Equatable {
    /// All at time zero (maximum-throughput runs).
    case offline
    /// Open loop, exponential gaps.
    case poisson(rate: Double)
    /// Open loop, gamma gaps with coefficient of variation `burstiness` (1 = Poisson).
    case gamma(rate: Double, burstiness: Double)
    /// Open loop, equal gaps.
    case constant(rate: Double)
    /// Closed loop: `concurrency` requests in flight, a new one as soon as one ends.
    case closedLoop(concurrency: Int)
}

/// A distribution of token counts.
public enum LengthModel: Sendable, Equatable {
    case fixed(Int)
    case uniform(minimum: Int, maximum: Int)
    /// Lognormal with this mean and standard deviation (of the length itself), at least 1 and at most
    /// ``longestSample``.
    case lognormal(mean: Double, standardDeviation: Double)

    /// Longest length a lognormal draws: its tail is unbounded, and a token count must stay an `Int` that
    /// sums without overflow. 10⁹ tokens is a hundred times the longest context of any catalogued model.
    public static let longestSample = 1_000_000_000

    func sample(_ random: inout RandomSource) -> Int {
        switch self {
        case let .fixed(tokens): return tokens
        case let .uniform(minimum, maximum): return minimum + Int(random.next() % UInt64(maximum - minimum + 1))
        case let .lognormal(mean, deviation):
            let sigma2 = log(1 + deviation * deviation / (mean * mean))
            let mu = log(mean) - sigma2 / 2
            let length = exp(mu + sigma2.squareRoot() * random.normal()).rounded()
            return length.isNaN ? 1 : Int(min(max(1, length), Double(Self.longestSample)))
        }
    }
}

/// Generates the requests of a run from its seed.
public enum WorkloadGenerator {
    public static func requests(count: Int, arrivals: ArrivalProcess, input: LengthModel, output: LengthModel,
                                seed: UInt64) -> [Request] {
        var lengths = RandomSource(seed: seed)
        var gaps = RandomSource(seed: seed ^ 0xA5A5_A5A5_5A5A_5A5A)
        var time = 0.0
        var requests: [Request] = []
        requests.reserveCapacity(count)
        for index in 0..<count {
            switch arrivals {
            case .offline, .closedLoop: time = 0
            case let .poisson(rate): if index > 0 { time += gaps.exponential(mean: 1 / rate) }
            case let .gamma(rate, burstiness):
                let shape = 1 / (burstiness * burstiness)
                if index > 0 { time += gaps.gamma(shape: shape, scale: 1 / (rate * shape)) }
            case let .constant(rate): time = Double(index) / rate
            }
            requests.append(Request(arrival: time, inputTokens: input.sample(&lengths), outputTokens: output.sample(&lengths)))
        }
        return requests
    }
}

import Foundation
