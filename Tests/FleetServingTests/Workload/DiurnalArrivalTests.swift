import Foundation
import Testing
@testable import FleetServing

/// Diurnal arrivals: a non-homogeneous Poisson process by thinning whose hourly rate follows the profile.
struct DiurnalArrivalTests {
    /// A working-day shape: quiet nights, a morning ramp, a midday peak and an evening shoulder.
    static let profile: [Double] = [0.2, 0.15, 0.1, 0.1, 0.1, 0.15, 0.3, 0.6, 1.0, 1.4, 1.6, 1.7,
                                    1.8, 1.7, 1.6, 1.5, 1.4, 1.2, 1.0, 0.9, 0.8, 0.6, 0.4, 0.3]

    /// Over three days at a base rate of 1 request/s, the requests counted in each hour of the day match
    /// `3 × 3600 s × rate × multiplier` within four standard deviations of a Poisson count (√expected).
    @Test func requestsPerHourFollowTheProfile() {
        let rate = 1.0, days = 3.0
        let expectedTotal = Int(days * 3600 * rate * Self.profile.reduce(0, +))
        let requests = WorkloadGenerator.requests(count: expectedTotal * 2, arrivals: .diurnal(rate: rate, hourlyMultipliers: Self.profile),
                                                  input: .fixed(1), output: .fixed(1), seed: 11)
        var counts = [Double](repeating: 0, count: 24)
        for request in requests where request.arrival < days * 86_400 {
            counts[Int(request.arrival / 3600) % 24] += 1
        }
        #expect(requests.last!.arrival > days * 86_400, "the run must cover the three days")
        for hour in 0..<24 {
            let expected = days * 3600 * rate * Self.profile[hour]
            #expect(abs(counts[hour] - expected) <= 4 * expected.squareRoot(), "hour \(hour): \(counts[hour]) requests, expected \(expected)")
        }
    }

    @Test func arrivalsAreOrderedAndStartAtMidnight() {
        let requests = WorkloadGenerator.requests(count: 2000, arrivals: .diurnal(rate: 0.5, hourlyMultipliers: Self.profile),
                                                  input: .fixed(1), output: .fixed(1), seed: 2)
        #expect(requests.first!.arrival >= 0 && requests.first!.arrival < 3600)
        #expect(zip(requests, requests.dropFirst()).allSatisfy { $0.arrival <= $1.arrival })
    }

    @Test func hoursWithZeroMultiplierGetNoRequests() {
        var profile = [Double](repeating: 1, count: 24)
        profile[1] = 0
        profile[2] = 0
        let requests = WorkloadGenerator.requests(count: 20_000, arrivals: .diurnal(rate: 1, hourlyMultipliers: profile),
                                                  input: .fixed(1), output: .fixed(1), seed: 3)
        #expect(requests.allSatisfy { ![1, 2].contains(Int($0.arrival / 3600) % 24) })
    }

    @Test func sameSeedGivesTheSameArrivals() {
        func arrivals(_ seed: UInt64) -> [Double] {
            WorkloadGenerator.requests(count: 500, arrivals: .diurnal(rate: 2, hourlyMultipliers: Self.profile), input: .fixed(1),
                                       output: .fixed(1), seed: seed).map(\.arrival)
        }
        #expect(arrivals(5) == arrivals(5))
        #expect(arrivals(5) != arrivals(6))
    }
}
