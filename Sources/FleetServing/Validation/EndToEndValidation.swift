import FleetPerformance
import FleetProfiles

/// Published serving measurements rebuilt and simulated, with the error of each prediction.
public struct EndToEndValidation: Sendable {
    public struct Outcome: Sendable {
        public let measurement: PublishedMeasurement
        public let predicted: Double
        public var errorPercent: Double { (predicted - measurement.value) / measurement.value * 100 }
    }

    public let outcomes: [Outcome]
    public let skipped: [(rawID: String, reason: String)]

    /// Metric families of the summary.
    public static func family(of metric: PublishedMeasurement.Metric) -> String {
        switch metric {
        case .outputThroughput, .totalThroughput, .inputThroughput: "throughput"
        case .ttftMean, .ttftP50, .ttftP99: "ttft"
        case .itlMean, .itlP99, .tpotMean, .tpotP99: "itl/tpot"
        case .e2eMean: "e2e"
        case .gemmTFLOPS, .attentionTFLOPS, .memoryBandwidth, .allreduceBusBandwidth: "kernel"
        case .systemPower: "power"
        }
    }

    /// - Parameter progress: called before each row with the rows done and the total.
    public init(_ measurements: [PublishedMeasurement], catalog: ProfileCatalog, efficiencies: KernelEfficiencies,
                serving: ServingCalibration? = nil, seed: UInt64 = 1, progress: (_ done: Int, _ total: Int) -> Void = { _, _ in }) {
        var outcomes: [Outcome] = []
        var skipped: [(String, String)] = []
        var runs: [String: Result<ServingMetrics, PerformanceError>] = [:]
        let rows = measurements.filter { !$0.metric.isKernel }
        for (index, row) in rows.enumerated() {
            progress(index, rows.count)
            if row.metric == .systemPower {
                // No catalogued part has a sourced idle power, so a system's draw is estimated at its provisioned
                // power (server power per device × devices): an upper bound of the measured average.
                // A run at a published power limit draws the capped server power.
                let hardware: HardwareProfile?
                do throws(PerformanceError) {
                    hardware = try catalog.hardware(row.hardware).map { profile throws(PerformanceError) in
                        try DeploymentSpec.capped(profile, at: MeasurementSetup.powerLimit(of: row, catalog: catalog), catalog: catalog)
                    }
                } catch {
                    skipped.append((row.rawID, error.message))
                    continue
                }
                guard let hardware, let perDevice = hardware.provisionedPowerPerDevice, let devices = row.devices else {
                    skipped.append((row.rawID, "no provisioned power or device count for '\(row.hardware)'"))
                    continue
                }
                outcomes.append(Outcome(measurement: row, predicted: perDevice.value * Double(devices)))
                continue
            }
            do {
                // Rows of one run (its throughput, TTFT and TPOT) share one rebuild.
                let key = Self.runKey(of: row)
                let metrics: ServingMetrics
                if let cached = runs[key] {
                    metrics = try cached.get()
                } else {
                    let result = Result { () throws(PerformanceError) in
                        try MeasurementSetup.rebuild(row, catalog: catalog, efficiencies: efficiencies, serving: serving, seed: seed).metrics
                    }
                    runs[key] = result
                    metrics = try result.get()
                }
                outcomes.append(Outcome(measurement: row, predicted: Self.value(of: row.metric, in: metrics)))
            } catch {
                skipped.append((row.rawID, error.message))
            }
        }
        self.outcomes = outcomes
        self.skipped = skipped
    }

    /// What identifies a row's run: every field but the metric, its value and the row's id and line.
    static func runKey(of row: PublishedMeasurement) -> String {
        func text(_ value: (some CustomStringConvertible)?) -> String { value?.description ?? "" }
        let system: [String] = [row.engine, text(row.engineVersion), text(row.model), row.hardware, text(row.devices)]
        let layout: [String] = [text(row.tensorParallel), text(row.pipelineParallel), text(row.expertParallel)]
        let precisions: [String] = [text(row.weightPrecision?.rawValue), text(row.activationPrecision?.rawValue), text(row.kvPrecision?.rawValue)]
        let workload: [String] = [text(row.workload), text(row.inputTokens), text(row.outputTokens), text(row.mode.map { "\($0)" }),
                                  text(row.load), row.detail, row.sourceDate]
        return (system + layout + precisions + workload).joined(separator: "|")
    }

    /// The simulated counterpart of a metric, in the measurement's unit (tokens/s or ms).
    static func value(of metric: PublishedMeasurement.Metric, in metrics: ServingMetrics) -> Double {
        switch metric {
        case .outputThroughput: metrics.outputThroughput
        case .totalThroughput: metrics.totalThroughput
        case .inputThroughput: metrics.totalThroughput - metrics.outputThroughput
        case .ttftMean: metrics.timeToFirstToken.mean * 1000
        case .ttftP50: metrics.timeToFirstToken.median * 1000
        case .ttftP99: metrics.timeToFirstToken.p99 * 1000
        case .itlMean: metrics.interTokenLatencyMean * 1000
        case .itlP99, .tpotP99: metrics.timePerOutputToken.p99 * 1000
        case .tpotMean: metrics.timePerOutputToken.mean * 1000
        case .e2eMean: metrics.endToEnd.mean * 1000
        default: .nan
        }
    }
}
