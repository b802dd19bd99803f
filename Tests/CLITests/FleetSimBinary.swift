import Testing
import Foundation

/// Runs the built `fleetsim` binary, as a user would.
struct FleetSimBinary {
    struct Result {
        let status: Int32
        let standardOutput: String
        let standardError: String
    }

    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The binary beside the test bundle in the build products folder.
    static var executable: URL {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("fleetsim")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return repositoryRoot.appendingPathComponent(".build/debug/fleetsim")
    }

    /// Runs `fleetsim arguments…` in `directory` (the repository root unless given).
    static func run(_ arguments: [String], environment extra: [String: String] = [:], in directory: URL? = nil) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? repositoryRoot
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "FLEETSIM_PROFILES")
        environment.merge(extra) { _, new in new }
        process.environment = environment
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, standardOutput: String(decoding: outputData, as: UTF8.self),
                      standardError: String(decoding: errorData, as: UTF8.self))
    }

    /// The checked-in expected output `Examples/expected/<name>`.
    static func expected(_ name: String) throws -> String {
        try String(contentsOf: repositoryRoot.appendingPathComponent("Examples/expected/\(name)"), encoding: .utf8)
    }

    /// The numbers of the `simulate` table row that starts with `metric`, one per deployment column.
    static func tableValues(_ output: String, _ metric: String) throws -> [Double] {
        let line = try #require(output.split(separator: "\n").first { $0.hasPrefix(metric) })
        return line.split(separator: " ").compactMap { Double($0) }
    }
}
