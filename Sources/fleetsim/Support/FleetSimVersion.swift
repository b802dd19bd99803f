/// The tool's version, printed by `--version` and written into JSON outputs.
enum FleetSimVersion {
    static let current = "0.1.0"
}
