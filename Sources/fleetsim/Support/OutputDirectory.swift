import Foundation

/// A directory the CLI writes its files into: created if missing, every file written atomically with
/// ``OutputFile``.
struct OutputDirectory {
    let path: String

    /// Creates `path` (and its parents) if missing.
    init(creating path: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw CLIError("cannot create '\(path)': \(error.localizedDescription)")
        }
        self.path = path
    }

    /// Writes `contents` to `name` inside the directory, atomically.
    func write(_ contents: String, to name: String) throws {
        try OutputFile.write(contents, to: (path as NSString).appendingPathComponent(name))
    }
}
