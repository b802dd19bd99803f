import FleetProfiles
import FleetUnits

/// Power of one replica of a deployment serving at its capacity, at the facility (IT power × PUE).
///
/// ```
/// provisioned = devices × provisioned power per device × PUE
/// average     = devices × (idle + (provisioned − idle) × busy) × PUE     (provisioned when no idle figure)
/// tokens/s per provisioned MW = output tokens/s ÷ (provisioned / 10⁶ W)
/// J per output token          = average ÷ output tokens/s
/// ```
/// The provisioned power per device is the server's power shared among its devices where the profile
/// gives one (CPUs, memory, NICs and fans included), else the board power.
public struct PowerFigures: Sendable, Equatable {
    /// Facility power provisioned for the replica.
    public let provisioned: Watts
    /// Facility power drawn on average.
    public let average: Watts
    /// Whether ``average`` is at provisioned power because the profile has no sourced idle power.
    public let averageIsUpperBound: Bool
    /// Output tokens per second the replica serves.
    public let outputTokensPerSecond: Double

    /// - Returns: nil when the hardware has no power figure or the replica serves no tokens.
    public init?(hardware: HardwareProfile, devices: Int, pue: Double, busy: Double, outputTokensPerSecond: Double) {
        guard outputTokensPerSecond > 0, devices > 0, let perDevice = EnergyModel.provisionedPower(perDevice: hardware),
              let (averagePerDevice, upperBound) = EnergyModel.averagePower(perDevice: hardware, busy: busy) else { return nil }
        provisioned = perDevice * (Double(devices) * pue)
        average = averagePerDevice * (Double(devices) * pue)
        averageIsUpperBound = upperBound
        self.outputTokensPerSecond = outputTokensPerSecond
    }

    /// Output tokens per second per provisioned megawatt.
    public var outputTokensPerSecondPerProvisionedMegawatt: Double { outputTokensPerSecond / (provisioned.value / 1e6) }
    /// Facility energy per output token, joules.
    public var joulesPerOutputToken: Double { average.value / outputTokensPerSecond }
}
