import Foundation
#if FUZZING
import FuzzDriver
#endif

/// The entry point of every fuzzer. Built for fuzzing (`-sanitize=fuzzer -DFUZZING`, as `scripts/fuzz.sh`
/// does) it hands the input function to libFuzzer with this process's arguments; a plain build instead
/// runs it once on each file named on the command line, which replays a finding under the debugger and keeps
/// the package building where libFuzzer is absent.
public enum FuzzerMain {
    /// Runs `testOneInput` and returns the exit status.
    public static func run(_ testOneInput: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32) -> Int32 {
        #if FUZZING
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        return LLVMFuzzerRunDriver(&argc, &argv, testOneInput)
        #else
        for path in CommandLine.arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else {
                FileHandle.standardError.write(Data("cannot read \(path)\n".utf8))
                return 1
            }
            _ = data.withUnsafeBytes { bytes in
                testOneInput(bytes.bindMemory(to: UInt8.self).baseAddress, bytes.count)
            }
            print("ran \(path) (\(data.count) bytes) without a crash")
        }
        return 0
        #endif
    }
}
