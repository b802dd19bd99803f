import FleetProfiles

/// Kernel rows of a measurement file predicted by ``KernelModel`` and compared with what was measured.
public struct KernelValidation: Sendable {
    /// One evaluated row.
    public struct Outcome: Sendable {
        public let measurement: PublishedMeasurement
        public let predicted: Double
        /// `(predicted − measured) / measured`, in percent.
        public var errorPercent: Double { (predicted - measurement.value) / measurement.value * 100 }
    }

    public let outcomes: [Outcome]
    /// Rows that could not be evaluated, with the reason.
    public let skipped: [(rawID: String, reason: String)]

    /// Evaluates every kernel row of `measurements`.
    public init(_ measurements: [PublishedMeasurement], catalog: ProfileCatalog, efficiencies: KernelEfficiencies) {
        var outcomes: [Outcome] = []
        var skipped: [(String, String)] = []
        for measurement in measurements where measurement.metric.isKernel {
            guard let hardware = catalog.hardware(measurement.hardware) else {
                skipped.append((measurement.rawID, "unknown hardware '\(measurement.hardware)'"))
                continue
            }
            do {
                let predicted = try KernelModel.predict(measurement, hardware: hardware, efficiencies: efficiencies)
                outcomes.append(Outcome(measurement: measurement, predicted: predicted))
            } catch {
                skipped.append((measurement.rawID, error.reason))
            }
        }
        self.outcomes = outcomes
        self.skipped = skipped
    }

    /// |error| statistics per metric, in percent.
    public var summaryByMetric: [(metric: String, summary: ErrorSummary)] {
        Dictionary(grouping: outcomes, by: \.measurement.metric.rawValue)
            .map { ($0.key, ErrorSummary(errors: $0.value.map(\.errorPercent))) }
            .sorted { $0.metric < $1.metric }
    }
}

/// Count, median, 90th percentile and maximum of absolute percentage errors.
public struct ErrorSummary: Sendable, Equatable {
    public let count: Int
    public let median: Double
    public let p90: Double
    public let maximum: Double

    /// - Parameter errors: signed errors in percent.
    public init(errors: [Double]) {
        let sorted = errors.map(abs).sorted()
        count = sorted.count
        median = ErrorSummary.percentile(sorted, 0.5)
        p90 = ErrorSummary.percentile(sorted, 0.9)
        maximum = sorted.last ?? 0
    }

    /// Linear interpolation between order statistics (numpy's default).
    static func percentile(_ sorted: [Double], _ fraction: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let position = fraction * Double(sorted.count - 1)
        let lower = Int(position.rounded(.down)), upper = min(lower + 1, sorted.count - 1)
        return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - Double(lower))
    }
}
