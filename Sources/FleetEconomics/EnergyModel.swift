import FleetProfiles
import FleetUnits

/// Power of a fleet of devices and the energy it draws.
public enum EnergyModel {
    /// IT power of one device, its share of the server included: the server's power divided by its devices
    /// when the profile gives a server power, else the device's board power.
    public static func provisionedPower(perDevice hardware: HardwareProfile) -> Watts? { hardware.provisionedPowerPerDevice }

    /// Average IT power of one device busy a fraction `busy` of the time. The device itself draws between
    /// its idle and board power; its share of the rest of the server (CPUs, memory, NICs, fans: provisioned
    /// minus board power) is counted in full:
    /// ```
    /// average = (provisioned − board) + idle + (board − idle) × busy
    /// ```
    /// At provisioned power (an upper bound) when the profile gives no idle figure.
    public static func averagePower(perDevice hardware: HardwareProfile, busy: Double) -> (power: Watts, upperBound: Bool)? {
        guard let provisioned = provisionedPower(perDevice: hardware) else { return nil }
        guard let idle = hardware.power.idle, let board = hardware.power.board else { return (provisioned, true) }
        let device = idle + (board - idle) * min(1, max(0, busy))
        return (provisioned - board + device, false)
    }

    /// Facility energy over `duration`: IT power × PUE × time.
    public static func facilityEnergy(itPower: Watts, pue: Double, duration: Seconds) -> Joules {
        itPower * pue * duration
    }
}
