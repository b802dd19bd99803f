import Foundation
import Testing
@testable import FleetProfiles

/// Broken profile files are reported with their location, all in one pass.
struct ProfileValidationTests {
    func catalog(with hardwareYAML: String, powerCapYAML: String? = nil,
                 editingEngine engine: String? = nil, _ edit: (String) -> String = { $0 }) throws -> DiagnosticList? {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fleetsim-profiles-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        for kind in ProfileKind.allCases {
            let folder = directory.appendingPathComponent(kind.rawValue)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let source = URL(fileURLWithPath: RepositoryPaths.profiles).appendingPathComponent(kind.rawValue)
            for name in try FileManager.default.contentsOfDirectory(atPath: source.path) {
                try FileManager.default.copyItem(at: source.appendingPathComponent(name), to: folder.appendingPathComponent(name))
            }
        }
        try hardwareYAML.write(to: directory.appendingPathComponent("hardware/test-part.yaml"), atomically: true, encoding: .utf8)
        if let engine {
            let file = directory.appendingPathComponent("engines/\(engine).yaml")
            try edit(String(contentsOf: file, encoding: .utf8)).write(to: file, atomically: true, encoding: .utf8)
        }
        if let powerCapYAML {
            try FileManager.default.createDirectory(at: directory.appendingPathComponent("calibration"), withIntermediateDirectories: true)
            try powerCapYAML.write(to: directory.appendingPathComponent("calibration/power-cap.yaml"), atomically: true, encoding: .utf8)
        }
        do {
            _ = try ProfileCatalog.load(from: directory.path)
            return nil
        } catch {
            return error
        }
    }

    @Test func reportsEveryProblemOfAHardwareFile() throws {
        let yaml = """
            id: wrong-id
            name: Test part
            vendor: nvidia
            family: hopper
            memory:
              capacity: -80 GB
              bandwidth: 3 TB/s
              sources: []
            compute:
              dense: {bf16: 0 TFLOPS}
              sources: [{locator: datasheet, date: 2024-13}]
            power: {board: 700 W, idle: 800 W, sources: [{locator: datasheet, date: 2024}]}

            """
        let errors = try #require(try catalog(with: yaml)).diagnostics.map { "\($0.location.line ?? 0):\($0.location.column ?? 0): \($0.message)" }
        #expect(errors == [
            "1:5: id 'wrong-id' must equal the file name 'test-part'",
            "6:3: every value group needs 'sources' (locator and date)",
            "6:13: 'capacity' must be positive and finite, got -80000000000",
            "10:17: 'bf16' must be positive and finite, got 0",
            "11:40: 'date' '2024-13' must be YYYY, YYYY-MM or YYYY-MM-DD",
            "12:29: 'idle' (800 W) must be below 'board' (700 W)",
        ])
    }

    @Test func rejectsUnknownPrecisionAndKey() throws {
        let yaml = """
            id: test-part
            name: Test part
            vendor: nvidia
            family: hopper
            memroy: {}
            memory: {capacity: 80 GB, bandwidth: 3 TB/s, sources: [{locator: x, date: 2024}]}
            compute: {dense: {fp9: 1 TFLOPS}, sources: [{locator: x, date: 2024}]}
            power: {board: 700 W, sources: [{locator: x, date: 2024}]}

            """
        let errors = try #require(try catalog(with: yaml)).diagnostics.map(\.message)
        #expect(errors == ["unknown precision 'fp9'; expected one of fp64, fp32, tf32, bf16, fp16, fp8, int8, fp6, fp4, mxfp4, int4"])
    }

    @Test func suggestsTheClosestKey() throws {
        let yaml = """
            id: test-part
            name: Test part
            vendor: nvidia
            family: hopper
            memroy: {}
            memory: {capacity: 80 GB, bandwidth: 3 TB/s, sources: [{locator: x, date: 2024}]}
            compute: {dense: {bf16: 1 TFLOPS}, sources: [{locator: x, date: 2024}]}
            power: {board: 700 W, sources: [{locator: x, date: 2024}]}

            """
        let errors = try #require(try catalog(with: yaml)).diagnostics.map(\.description)
        #expect(errors.count == 1)
        #expect(errors[0].hasSuffix("test-part.yaml:5:1: error: unknown key 'memroy'; did you mean 'memory'?"))
    }

    static let validPart = """
        id: test-part
        name: Test part
        vendor: nvidia
        family: hopper
        memory: {capacity: 80 GB, bandwidth: 3 TB/s, sources: [{locator: x, date: 2024}]}
        compute: {dense: {bf16: 1 TFLOPS}, sources: [{locator: x, date: 2024}]}
        power: {board: 700 W, sources: [{locator: x, date: 2024}]}

        """

    @Test func aVariantMustNameAnotherFullPowerPart() throws {
        let unknown = Self.validPart + "same_silicon_as: {hardware: nvidia-h100-sxn, sources: [{locator: x, date: 2024}]}\n"
        let errors = try #require(try catalog(with: unknown)).diagnostics.map(\.message)
        #expect(errors == ["unknown hardware 'nvidia-h100-sxn'; did you mean 'nvidia-h100-sxm'?"])
        let itself = Self.validPart + "same_silicon_as: {hardware: test-part, sources: [{locator: x, date: 2024}]}\n"
        #expect(try #require(try catalog(with: itself)).diagnostics.map(\.message) == ["a part cannot be a variant of itself"])
        let ofVariant = Self.validPart + "same_silicon_as: {hardware: nvidia-h100-nvl, sources: [{locator: x, date: 2024}]}\n"
        #expect(try #require(try catalog(with: ofVariant)).diagnostics.map(\.message)
                == ["'nvidia-h100-nvl' is itself a variant; name the full-power part"])
        let unsourced = Self.validPart + "same_silicon_as: {hardware: nvidia-h100-sxm, sources: []}\n"
        #expect(try #require(try catalog(with: unsourced)).diagnostics.map(\.message) == ["every value group needs 'sources' (locator and date)"])
    }

    @Test func publishedPowerLimitsAreCheckedWithTheirLocation() throws {
        let curve = """
            compute_exponent: 0.6
            bandwidth_exponent: 0
            sources: [{locator: x, date: 2024}]
            published_limits:
            - {benchmark: MLPerf Inference v4.1, setting: MaxQ, hardware: nvidia-h200-sxn, devices: 8, cap: 500 W, sources: [{locator: x, date: 2024}]}
            - {benchmark: MLPerf Inference v4.1, setting: MaxQ, hardware: test-part, devices: 8, cap: 900 W, sources: [{locator: x, date: 2024}]}
            - {benchmark: '', setting: MaxQ, hardware: test-part, devices: 0, cap: 500 W, sources: []}

            """
        let errors = try #require(try catalog(with: Self.validPart, powerCapYAML: curve)).diagnostics
            .map { "\($0.location.line ?? 0): \($0.message)" }
        #expect(errors == [
            "5: unknown hardware 'nvidia-h200-sxn'",
            "6: cap 900 W exceeds the board power of 'test-part' (700 W)",
            "7: every value group needs 'sources' (locator and date)",
            "7: 'benchmark' must not be empty",
            "7: 'devices' must be positive, got 0",
        ])
        let infinite = "compute_exponent: .inf\nbandwidth_exponent: 0\nsources: [{locator: x, date: 2024}]\n"
        let message = try #require(try catalog(with: Self.validPart, powerCapYAML: infinite)).diagnostics.map(\.message).joined()
        #expect(message.contains("must be a finite number"))
    }

    @Test func engineOverheadsMustBeFiniteAndNotNegative() throws {
        let errors = try #require(try catalog(with: Self.validPart, editingEngine: "vllm") {
            $0.replacingOccurrences(of: "  per_sequence: null", with: "  per_sequence: -1 ms")
        }).diagnostics.map(\.message)
        #expect(errors == ["'per_sequence' must be a finite time of at least 0, got -1 ms"])
    }
}
