import Foundation
import Testing
@testable import FleetPerformance

struct RooflineTests {
    @Test func theExponentRunsFromAddedTimesToTheirMaximum() {
        #expect(Roofline.time(compute: 3, memory: 4, exponent: 1) == 7)
        #expect(Roofline.time(compute: 3, memory: 4, exponent: 2) == 5)
        #expect(Roofline.time(compute: 3, memory: 4, exponent: .infinity) == 4)
        // Between the maximum and the sum, falling as p grows, and symmetric in its arguments.
        var previous = 7.0
        for exponent in stride(from: 1.25, through: 16, by: 0.25) {
            let time = Roofline.time(compute: 3, memory: 4, exponent: exponent)
            #expect(time > 4 && time < previous)
            #expect(abs(time - Roofline.time(compute: 4, memory: 3, exponent: exponent)) < 1e-12)
            previous = time
        }
    }

    @Test func aKernelWithOneKindOfWorkTakesExactlyThatTime() {
        for exponent in [1, 2, 2.5, .infinity] {
            #expect(Roofline.time(compute: 0, memory: 2e-3, exponent: exponent) == 2e-3)
            #expect(Roofline.time(compute: 2e-3, memory: 0, exponent: exponent) == 2e-3)
        }
        // No overflow where c^p would be out of range.
        #expect(Roofline.time(compute: 1e200, memory: 1e200, exponent: 4).isFinite)
    }

    @Test func theComputeSensitivityIsTheSlopeOfTheTime() {
        for exponent in [1.5, 2, 2.5, 4] {
            let compute = 3e-4, memory = 4e-4, step = 1e-10
            let slope = (Roofline.time(compute: compute + step, memory: memory, exponent: exponent)
                - Roofline.time(compute: compute - step, memory: memory, exponent: exponent)) / (2 * step)
            #expect(abs(Roofline.computeSensitivity(compute: compute, memory: memory, exponent: exponent) - slope) < 1e-5)
        }
    }
}

extension RooflineTests {
    /// The half-integer shortcut gives what `pow` gives, to rounding.
    @Test func halfIntegerPowersMatchPow() {
        for exponent in [0.5, 1, 1.5, 2, 2.5, 3, 7.5, 2.125] {
            for base in [0.0, 1e-6, 0.3, 0.99, 1] {
                let expected = Foundation.pow(base, exponent)
                #expect(abs(Roofline.power(base, exponent) - expected) <= 1e-15 * max(1, expected))
            }
        }
    }
}
