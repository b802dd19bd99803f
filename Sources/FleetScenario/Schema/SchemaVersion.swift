/// The versions of the files FleetSim reads, and the one message for a file of another version.
enum SchemaVersion {
    /// `unsupported version FOUND; this fleetsim reads version SUPPORTED`
    static func unsupportedMessage(_ found: Int, supported: Int) -> String {
        "unsupported version \(found); this fleetsim reads version \(supported)"
    }
}
