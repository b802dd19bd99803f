import Foundation
import Testing
@testable import FleetProfiles

/// Broken profile files are reported with their location, all in one pass.
struct ProfileValidationTests {
    func catalog(with hardwareYAML: String) throws -> DiagnosticList? {
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
}
