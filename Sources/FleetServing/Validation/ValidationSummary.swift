import FleetPerformance
import FleetProfiles

/// Kernel and serving predictions of a measurement file together, with |error| grouped by metric family,
/// vendor and hardware.
public struct ValidationSummary: Sendable {
    public struct Outcome: Sendable {
        public let measurement: PublishedMeasurement
        public let predicted: Double
        public let family: String
        /// `(predicted − measured) / measured`, in percent.
        public var errorPercent: Double { (predicted - measurement.value) / measurement.value * 100 }
    }

    /// Evaluated rows in file order.
    public let outcomes: [Outcome]
    public let skipped: [(rawID: String, reason: String)]

    public init(kernels: KernelValidation, endToEnd: EndToEndValidation?) {
        var outcomes = kernels.outcomes.map { Outcome(measurement: $0.measurement, predicted: $0.predicted, family: "kernel") }
        outcomes += (endToEnd?.outcomes ?? []).map {
            Outcome(measurement: $0.measurement, predicted: $0.predicted, family: EndToEndValidation.family(of: $0.measurement.metric))
        }
        self.outcomes = outcomes.sorted { $0.measurement.line < $1.measurement.line }
        skipped = kernels.skipped + (endToEnd?.skipped ?? [])
    }

    public var byFamily: [(String, ErrorSummary)] { grouped { $0.family } }
    /// Vendor = the first part of the hardware id (`nvidia`, `huawei`, `amd`, `intel`).
    public var byVendor: [(String, ErrorSummary)] { grouped { String($0.measurement.hardware.split(separator: "-")[0]) } }
    public var byHardware: [(String, ErrorSummary)] { grouped { $0.measurement.hardware } }

    private func grouped(_ key: (Outcome) -> String) -> [(String, ErrorSummary)] {
        Dictionary(grouping: outcomes, by: key).map { ($0.key, ErrorSummary(errors: $0.value.map(\.errorPercent))) }
            .sorted { $0.0 < $1.0 }
    }
}
