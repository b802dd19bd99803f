import FleetPerformance
import FleetProfiles

/// Fits an engine's front-end latency (`overheads.front_end`: HTTP, tokenization, detokenization outside the
/// engine's steps) to the mean and median TTFT of online benchmark rows (request rate or concurrency). The
/// latency adds to every request's first token, so each row's residual `TTFT_measured − TTFT_simulated` (with
/// no front end) estimates it; the fit is the median residual per engine, at least 0 (``MedianResidualFit``).
///
/// The rows are simulated with the engine profiles' step overheads, so ``StepOverheadFit`` comes first.
public enum FrontEndLatencyFit {
    /// Engines with at least `minimumRows` online TTFT rows, sorted by engine id.
    public static func fit(_ measurements: [PublishedMeasurement], catalog: ProfileCatalog, efficiencies: KernelEfficiencies,
                           minimumRows: Int = 3) -> [MedianResidualFit.Result] {
        MedianResidualFit.results(measurements.compactMap { observation($0, catalog: catalog, efficiencies: efficiencies) },
                                  minimumRows: minimumRows)
    }

    static func observation(_ row: PublishedMeasurement, catalog: ProfileCatalog, efficiencies: KernelEfficiencies) -> MedianResidualFit.Observation? {
        guard [.ttftMean, .ttftP50].contains(row.metric), [.rate, .concurrency].contains(row.mode), row.value > 0,
              let setup = try? MeasurementSetup.make(row, catalog: catalog, efficiencies: efficiencies, seed: 1),
              let model = try? StepModel(spec: setup.spec) else { return nil }
        var limits = setup.limits
        limits.frontEndLatency = 0
        let metrics = ServingSimulation(model: model, limits: limits, replicas: setup.replicas).run(setup.requests, arrivals: setup.arrivals)
        let simulated = row.metric == .ttftMean ? metrics.timeToFirstToken.mean : metrics.timeToFirstToken.median
        return .init(rawID: row.rawID, engine: setup.spec.engineID, source: MedianResidualFit.source(of: row),
                     simulated: simulated, measured: row.value / 1000)
    }
}
