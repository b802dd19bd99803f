import FleetPerformance
import FleetProfiles
import FleetScenario

/// What the scenario commands (`simulate`, `capacity`, `cost`) share: load the catalogue, the calibrations
/// and the scenario (every problem reported at once), run the library, and turn a modelling error into a
/// CLI error.
enum ScenarioRun {
    static func load<Result>(
        _ path: String, global: GlobalOptions, calibration: CalibrationOptions,
        _ body: (Scenario, ProfileCatalog, KernelEfficiencies, ServingCalibration?) throws(PerformanceError) -> Result
    ) throws -> (Scenario, Result) {
        let catalog = try global.loadCatalog()
        let document = try ScenarioDocument.load(path: path, catalog: catalog)
        let efficiencies = try calibration.load(global: global)
        let serving = try calibration.loadServing(global: global)
        do {
            return (document.effective, try body(document.effective, catalog, efficiencies, serving))
        } catch {
            throw CLIError(error.message)
        }
    }
}
