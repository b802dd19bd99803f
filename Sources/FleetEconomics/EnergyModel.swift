import FleetProfiles
import FleetUnits

/// Power of a fleet of devices and the energy it draws.
public enum EnergyModel {
    /// IT power of one device, its share of the server included: the server's power divided by its devices
    /// when the profile gives a server power, else the device's board power.
    public static func provisionedPower(perDevice hardware: HardwareProfile) -> Watts? { hardware.provisionedPowerPerDevice }

    /// Average IT power of one device busy a fraction `busy` of the time: between idle and provisioned
    /// power when the profile gives an idle figure; at the provisioned power (an upper bound) when not.
    public static func averagePower(perDevice hardware: HardwareProfile, busy: Double) -> (power: Watts, upperBound: Bool)? {
        guard let provisioned = provisionedPower(perDevice: hardware) else { return nil }
        guard let idle = hardware.power.idle else { return (provisioned, true) }
        return (idle + (provisioned - idle) * min(1, max(0, busy)), false)
    }

    /// Facility energy over `duration`: IT power × PUE × time.
    public static func facilityEnergy(itPower: Watts, pue: Double, duration: Seconds) -> Joules {
        itPower * pue * duration
    }
}
