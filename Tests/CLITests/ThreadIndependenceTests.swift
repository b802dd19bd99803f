import Foundation
import Testing

/// The matrix work (the step model's batched evaluation, the Monte Carlo's product, least squares) runs on
/// OpenBLAS threads; the results must not depend on how many. Each command runs with 1 and with 4 threads
/// and must print and write the same bytes.
@Suite(.serialized)
struct ThreadIndependenceTests {
    func outputs(_ arguments: [String], threads: Int, directory: URL?) throws -> (String, [String: Data]) {
        let run = try FleetSimBinary.run(arguments + (directory.map { ["-o", $0.path] } ?? []),
                                         environment: ["OPENBLAS_NUM_THREADS": "\(threads)"])
        #expect(run.status == 0, "\(run.standardError)")
        var files: [String: Data] = [:]
        if let directory {
            for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) {
                files[name] = try Data(contentsOf: directory.appendingPathComponent(name))
            }
        }
        return (run.standardOutput, files)
    }

    @Test(arguments: [["compare", "Examples/ci-budget.yaml"], ["sweep", "Examples/quantization-sweep.yaml"]])
    func resultsDoNotDependOnTheThreadCount(_ arguments: [String]) throws {
        let one = FileManager.default.temporaryDirectory.appendingPathComponent("fleetsim-threads-1-\(UUID().uuidString)")
        let four = FileManager.default.temporaryDirectory.appendingPathComponent("fleetsim-threads-4-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: one); try? FileManager.default.removeItem(at: four) }
        let (stdoutOne, filesOne) = try outputs(arguments, threads: 1, directory: one)
        let (stdoutFour, filesFour) = try outputs(arguments, threads: 4, directory: four)
        #expect(stdoutOne == stdoutFour)
        #expect(!filesOne.isEmpty)
        #expect(filesOne == filesFour)
    }
}
