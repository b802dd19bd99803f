import FleetUnits

/// Power draw of one device.
public struct PowerSpec: Codable, Sendable, Sourced {
    /// Thermal design power / maximum board power; absent where no source gives it for this part.
    public let board: Watts?
    /// Idle draw, only where a source measured or states it.
    public let idle: Watts?
    public let sources: [Source]
    public let note: String?
}
