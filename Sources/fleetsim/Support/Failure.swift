import ArgumentParser
import FleetProfiles
import Foundation

/// Maps library failures to the CLI's exit codes: diagnostics print to standard error as
/// `file:line:column: error: message`, one per line, and exit 2 (bad input).
enum Failure {
    static let badInput: Int32 = 2

    /// Runs `body`; diagnostics and other library errors become exit code 2 with their message on stderr.
    static func reporting(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as DiagnosticList {
            printError(error.description)
            throw ExitCode(badInput)
        } catch let error as Diagnostic {
            printError(error.description)
            throw ExitCode(badInput)
        } catch let error as ExitCode {
            throw error
        } catch let error as any ParsableArgumentsValidationError {
            throw error
        } catch let error as CLIError {
            printError("error: \(error.message)")
            throw ExitCode(badInput)
        }
    }

    static func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}

/// A user-facing error raised by a command itself (not by a file).
struct CLIError: Error {
    let message: String
    init(_ message: String) { self.message = message }
}

protocol ParsableArgumentsValidationError: Error {}
extension ValidationError: ParsableArgumentsValidationError {}
