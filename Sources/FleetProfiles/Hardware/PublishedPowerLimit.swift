import FleetUnits

/// A board-power limit that a published benchmark run was made at (`published_limits` in
/// `Profiles/calibration/power-cap.yaml`): MLPerf's power-optimized ("MaxQ") submissions set each device's
/// power limit in their configuration, below the board power that a description such as "TGP 700W" names.
///
/// A measurement matches when its description contains ``benchmark`` and ``setting`` and it ran on
/// ``devices`` devices (any count when `nil`) of ``hardware``.
public struct PublishedPowerLimit: Codable, Sendable, Equatable, Sourced {
    /// Text that names the benchmark and its round in a measurement's description, e.g. `MLPerf Inference v4.1`.
    public let benchmark: String
    /// Text that names the power setting in the description, e.g. `MaxQ`.
    public let setting: String
    /// Hardware profile id.
    public let hardware: String
    /// Devices of the system the limit was set for; `nil` for any system of that hardware.
    public let devices: Int?
    /// The power limit of each device.
    public let cap: Watts
    public let sources: [Source]
    public let note: String?

    public init(benchmark: String, setting: String, hardware: String, devices: Int?, cap: Watts, sources: [Source], note: String? = nil) {
        self.benchmark = benchmark
        self.setting = setting
        self.hardware = hardware
        self.devices = devices
        self.cap = cap
        self.sources = sources
        self.note = note
    }

    /// Whether a measurement with this description, hardware and device count was run at this limit.
    public func matches(detail: String, hardware hardwareID: String, devices count: Int?) -> Bool {
        hardwareID == hardware && (devices == nil || devices == count) && detail.contains(benchmark) && detail.contains(setting)
    }
}
