import Foundation

/// Paths of the repository the tests were compiled from.
enum RepositoryPaths {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let profiles = root.appendingPathComponent("Profiles").path
}
