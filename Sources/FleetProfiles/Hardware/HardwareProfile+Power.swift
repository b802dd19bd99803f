import FleetUnits

extension HardwareProfile {
    /// IT power of one device with its share of the server: the first server power the profile gives divided
    /// by that server's devices, else the device's board power.
    public var provisionedPowerPerDevice: Watts? {
        if let server = servers?.first(where: { $0.power != nil }), let power = server.power, server.devices > 0 {
            return power / Double(server.devices)
        }
        return power.board
    }
}
