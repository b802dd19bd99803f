import FleetUnits

/// Device memory of an accelerator.
public struct MemorySpec: Codable, Sendable, Sourced {
    /// Capacity as the vendor states it.
    public let capacity: Bytes
    /// Peak bandwidth from the datasheet (not achieved); absent where no source gives it.
    public let bandwidth: BytesPerSecond?
    /// `HBM3`, `HBM2e`, `GDDR6` …
    public let technology: String?
    public let sources: [Source]
    public let note: String?
}
