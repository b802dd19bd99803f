import FleetProfiles

/// Why a deployment cannot be modelled. Messages are lower-case and name the offending value; those that
/// the scenario validator also reports (with a location) are defined here once.
public struct PerformanceError: Error, Equatable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

extension PerformanceError {
    /// The hardware has no sourced dense compute rate at the precision the GEMMs run at.
    public static func unsupportedPrecision(_ activations: Precision, on hardware: HardwareProfile) -> PerformanceError {
        let runs = hardware.compute.precisions.map(\.rawValue).joined(separator: ", ")
        return PerformanceError(
            "precision '\(activations.rawValue)' is not supported by '\(hardware.id)'; it runs \(runs.isEmpty ? "nothing with a sourced rate" : runs)")
    }

    /// Weights stored at more bits than the activations they are multiplied with.
    public static func weightsWiderThanActivations(weights: Precision, activations: Precision) -> PerformanceError {
        PerformanceError("weights ('\(weights.rawValue)') must not be wider than activations ('\(activations.rawValue)')")
    }

    /// A power cap was asked for, but the profiles have no `calibration/power-cap.yaml`.
    public static let noPowerCapCurve = PerformanceError(
        "a power cap needs the power-cap curve (calibration/power-cap.yaml in the profiles directory)")
}
