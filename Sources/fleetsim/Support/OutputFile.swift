import Foundation

/// Writes outputs atomically: a temporary file beside the target, then a rename, so a reader never sees
/// half a file and a failed run leaves the old file intact.
enum OutputFile {
    static func write(_ text: String, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        do {
            try Data(text.utf8).write(to: url, options: .atomic)
        } catch {
            throw CLIError("cannot write '\(path)': \(error.localizedDescription)")
        }
    }
}
