import FleetUnits

/// A system an accelerator ships in (HGX/DGX, Atlas 800, NVL72 rack …).
public struct ServerSpec: Codable, Sendable, Sourced {
    public let id: String
    public let name: String
    /// Accelerators in the system.
    public let devices: Int
    /// Maximum system power, where a source gives it.
    public let power: Watts?
    /// Price of the whole system, dated by its source.
    public let price: Money?
    public let sources: [Source]
    public let note: String?
}
