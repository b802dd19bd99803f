import Foundation
import FleetPerformance
import FleetProfiles

/// The bundled catalogue and calibration, loaded from the repository this package sits in.
enum SweepFixture {
    /// The FleetSim checkout this package sits in.
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path
    static let profiles = repository + "/Profiles"

    static func evaluator() throws -> SweepEvaluator {
        let catalog = try ProfileCatalog.load(from: profiles)
        let efficiencies = try Document(contentsOf: profiles + "/calibration/kernels.yaml").decode(KernelEfficiencies.self)
        return SweepEvaluator(catalog: catalog, efficiencies: efficiencies, engine: "vllm")
    }

    static func llama8bOnH100() throws -> (StepModel, MemoryPlan) {
        let catalog = try ProfileCatalog.load(from: profiles)
        let efficiencies = try Document(contentsOf: profiles + "/calibration/kernels.yaml").decode(KernelEfficiencies.self)
        let spec = try DeploymentSpec.resolve(model: "llama-3.1-8b", hardware: "nvidia-h100-sxm", engine: "vllm", catalog: catalog,
                                              efficiencies: efficiencies, weights: .fp8, activations: .fp8, kvCache: .fp8,
                                              tensorParallel: 1)
        return (try StepModel(spec: spec), try MemoryPlan(spec: spec))
    }

    static func llama70bOnH100() throws -> StepModel {
        let catalog = try ProfileCatalog.load(from: profiles)
        let efficiencies = try Document(contentsOf: profiles + "/calibration/kernels.yaml").decode(KernelEfficiencies.self)
        let spec = try DeploymentSpec.resolve(model: "llama-3.1-70b", hardware: "nvidia-h100-sxm", engine: "vllm", catalog: catalog,
                                              efficiencies: efficiencies, weights: .fp8, activations: .fp8, kvCache: .fp8,
                                              tensorParallel: 8)
        return try StepModel(spec: spec)
    }
}
