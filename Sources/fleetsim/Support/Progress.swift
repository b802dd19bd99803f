import Foundation

/// Progress of long work on standard error, only when standard error is a terminal (silent in pipes, files
/// and CI logs): one line, rewritten in place, cleared when the work ends.
final class Progress: @unchecked Sendable {
    private let enabled: Bool
    private let lock = NSLock()
    private var shown = false

    init(enabled: Bool = isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["FLEETSIM_NO_PROGRESS"] == nil) {
        self.enabled = enabled
    }

    /// Replaces the progress line with `message`.
    func report(_ message: String) {
        guard enabled else { return }
        lock.lock(); defer { lock.unlock() }
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + message).utf8))
        shown = true
    }

    /// Clears the progress line.
    func finish() {
        guard enabled else { return }
        lock.lock(); defer { lock.unlock() }
        if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        shown = false
    }
}
