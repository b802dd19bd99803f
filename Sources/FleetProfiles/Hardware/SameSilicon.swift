/// That a part is the same silicon as another profile sold at a higher board power (`same_silicon_as` in a
/// hardware profile): H100 NVL is H100 SXM's 132-SM die on a 400 W card.
///
/// A datasheet gives such a part's peak at its boost clock, which it cannot hold under sustained tensor-core
/// load within its lower board power. ``PowerCapCurve/sustained(_:sameSiliconAs:)`` bounds its compute by the
/// reference part's compute slowed to this board power by the power-cap curve.
public struct SameSilicon: Codable, Sendable, Sourced {
    /// Hardware profile id of the same silicon at its full board power.
    public let hardware: String
    public let sources: [Source]
    public let note: String?

    public init(hardware: String, sources: [Source], note: String? = nil) {
        self.hardware = hardware
        self.sources = sources
        self.note = note
    }
}
