import FleetPerformance
import FleetProfiles

/// Fits an engine's fixed time per step (`overheads.step`: host-side scheduling, sampling and synchronization
/// that the kernel roofline does not see) to the rows where one step's time is observed directly:
///
/// - the mean ITL or TPOT of online benchmarks (request rate or concurrency): each output token costs one step;
/// - the mean TTFT of a static batch of one request generating one token: one prefill step.
///
/// Each row is simulated with no step overhead; the overhead adds once to each of these figures (once per
/// pipeline stage, so pipelined rows are taken per stage), so the fit is
/// the median residual `measured − simulated` per engine, at least 0 (``MedianResidualFit``). The reported
/// errors shift each simulated figure by the overhead, which is exact for the one-step TTFT and for decoding at
/// a given batch; under load, slower steps also let the batch grow a little, which the shift leaves out.
public enum StepOverheadFit {
    /// Engines with at least `minimumRows` such rows, sorted by engine id.
    public static func fit(_ measurements: [PublishedMeasurement], catalog: ProfileCatalog, efficiencies: KernelEfficiencies,
                           minimumRows: Int = 3) -> [MedianResidualFit.Result] {
        MedianResidualFit.results(measurements.compactMap { observation($0, catalog: catalog, efficiencies: efficiencies) },
                                  minimumRows: minimumRows)
    }

    /// Whether one step's time is observed directly in `row`'s figure.
    static func observesOneStep(_ row: PublishedMeasurement) -> Bool {
        switch row.metric {
        case .itlMean, .tpotMean: [.rate, .concurrency].contains(row.mode)
        case .ttftMean: row.mode == .batch && row.load == 1 && row.outputTokens == 1
        default: false
        }
    }

    static func observation(_ row: PublishedMeasurement, catalog: ProfileCatalog, efficiencies: KernelEfficiencies) -> MedianResidualFit.Observation? {
        guard observesOneStep(row), row.value > 0,
              let setup = try? MeasurementSetup.make(row, catalog: catalog, efficiencies: efficiencies, seed: 1) else { return nil }
        var spec = setup.spec
        spec.stepOverhead = .zero
        guard let model = try? StepModel(spec: spec) else { return nil }
        let metrics = ServingSimulation(model: model, limits: setup.limits, replicas: setup.replicas).run(setup.requests, arrivals: setup.arrivals)
        let simulated = switch row.metric {
        case .itlMean: metrics.interTokenLatencyMean
        case .tpotMean: metrics.timePerOutputToken.mean
        default: metrics.timeToFirstToken.mean
        }
        // A step through `pp` pipeline stages holds `pp` overheads (one per rank): both figures are taken per
        // stage, which leaves the relative errors unchanged.
        let stages = Double(spec.engineLoopsPerStep)
        return .init(rawID: row.rawID, engine: setup.spec.engineID, source: MedianResidualFit.source(of: row),
                     simulated: simulated / stages, measured: row.value / 1000 / stages)
    }
}
