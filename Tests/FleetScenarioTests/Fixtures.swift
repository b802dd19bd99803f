import Foundation
import FleetPerformance
import FleetProfiles

enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    /// The bundled catalogue, loaded once.
    static let catalog: ProfileCatalog = {
        do { return try ProfileCatalog.load(from: root.appendingPathComponent("Profiles").path) } catch {
            preconditionFailure("bundled profiles must load: \(error)")
        }
    }()

    /// The shipped kernel calibration, loaded once.
    static let efficiencies: KernelEfficiencies = {
        do {
            return try Document(contentsOf: root.appendingPathComponent("Profiles/calibration/kernels.yaml").path)
                .decode(KernelEfficiencies.self)
        } catch { preconditionFailure("the shipped kernel calibration must load: \(error)") }
    }()

    /// A valid scenario to start from; tests replace parts of it.
    static let valid = """
        version: 1
        name: test
        currency: USD
        deployments:
          - name: h100
            hardware: nvidia-h100-sxm
            model: llama-3.1-70b
            devices: 8
            precision: {weights: fp8, activations: fp8, kv_cache: fp8}
            parallelism: {tensor: 8}
        workload:
          arrivals: {pattern: poisson, rate: 2}
        finance:
          owning: {server_price: 255237 USD, electricity: 0.0892 USD/kWh}
          renting: {on_demand: 2.99 USD/h}
          apis:
            - {name: api, input: 0.4 USD/Mtok, output: 0.4 USD/Mtok}
        options:
          - {name: own, deployment: h100, acquisition: own}
          - {name: rent, deployment: h100, acquisition: rent-on-demand}
          - {name: tokens, api: api}

        """
}
