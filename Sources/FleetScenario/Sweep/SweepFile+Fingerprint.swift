import Foundation
import FleetPerformance
import FleetProfiles

/// Digests that tell whether two sweep shards were cut from the same grid and evaluated with the same data.
extension SweepFile {
    /// SHA-256 of the sweep's canonical JSON (sorted keys): the grid, engine, name and version, so comments
    /// and formatting of the file do not count but any change to what is evaluated does.
    public var definitionSHA256: String { SHA256.hex(Self.canonicalJSON(self)) }

    /// SHA-256 of what evaluation reads besides the grid: the engine profile, the hardware and model profiles
    /// the grid names, and the kernel efficiencies. Shards evaluated against different profiles or
    /// calibrations differ here.
    public func inputsSHA256(catalog: ProfileCatalog, efficiencies: KernelEfficiencies) -> String {
        struct Inputs: Encodable {
            let engine: EngineProfile?
            let hardware: [HardwareProfile]
            let models: [ModelProfile]
            let efficiencies: KernelEfficiencies
        }
        let inputs = Inputs(engine: catalog.engine(engine), hardware: grid.hardware.compactMap(catalog.hardware),
                            models: grid.model.compactMap(catalog.model), efficiencies: efficiencies)
        return SHA256.hex(Self.canonicalJSON(inputs))
    }

    static func canonicalJSON(_ value: some Encodable) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        do {
            return try encoder.encode(value)
        } catch {
            preconditionFailure("profiles, calibrations and sweep files always encode: \(error)")
        }
    }
}
