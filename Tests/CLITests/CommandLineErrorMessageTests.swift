import Testing

/// The command line's own errors and argument-parser's, pinned word for word with their exit code: bad
/// options are bad input (2), like a bad file.
struct CommandLineErrorMessageTests {
    func errorOutput(_ arguments: [String]) throws -> (status: Int32, text: String) {
        let result = try FleetSimBinary.run(arguments)
        #expect(result.standardOutput.isEmpty, "\(arguments)")
        return (result.status, result.standardError)
    }

    @Test func missingArgumentExitsWithTwo() throws {
        let (status, text) = try errorOutput(["compare"])
        #expect(status == 2)
        #expect(text == """
            Error: Missing expected argument '<scenario>'
            Help:  <scenario>  Scenario file (.yaml, .yml or .json).
            Usage: fleetsim compare [<options>] <scenario>
              See 'fleetsim compare --help' for more information.

            """)
    }

    @Test func unknownOptionExitsWithTwo() throws {
        let (status, text) = try errorOutput(["compare", "Examples/rent-vs-own.yaml", "--bogus"])
        #expect(status == 2)
        #expect(text.hasPrefix("Error: Unknown option '--bogus'\n"))
    }

    @Test func invalidValueExitsWithTwo() throws {
        let (status, text) = try errorOutput(["predict", "--model", "llama-3.1-70b", "--hardware", "nvidia-h100-sxm", "--tp", "two"])
        #expect(status == 2)
        #expect(text.hasPrefix("Error: The value 'two' is invalid for '--tp <tp>'\n"))
    }

    @Test func unknownCommandExitsWithTwo() throws {
        let (status, text) = try errorOutput(["frobnicate"])
        #expect(status == 2)
        #expect(text.hasPrefix("Error: Unexpected argument 'frobnicate'\n"))
    }

    @Test(arguments: [
        (["sweep", "Examples/quantization-sweep.yaml", "--shard", "3/2", "-o", "/tmp/unused"],
         "error: shard '3/2': K must be between 1 and 2\n"),
        (["sweep", "Examples/quantization-sweep.yaml", "--shard", "0/0", "-o", "/tmp/unused"],
         "error: shard '0/0': the number of shards must be at least 1\n"),
        (["sweep", "Examples/quantization-sweep.yaml", "--shard", "2", "-o", "/tmp/unused"],
         "error: shard '2' is not of the form K/N (for example 2/4: the second of four shards)\n"),
        (["sweep", "Examples/quantization-sweep.yaml", "--shard", "1/2"],
         "error: '--shard' needs '--output DIR' for the shard's files\n"),
        (["predict", "--model", "llama-3.1-70b", "--hardware", "nvidia-h100-sxm", "--tp", "2", "--devices", "8"],
         "error: '--devices' (8) must equal --tp × --pp × --dp-attention (2 × 1 × 1)\n"),
        (["predict", "--model", "llama-3.1-70b", "--hardware", "nvidia-h100-sxm", "--tp", "8", "--speculative-tokens", "2", "--acceptance", "1.5"],
         "error: '--acceptance' must give rates between 0 and 1 for the 2 draft tokens\n"),
        (["predict", "--model", "llama-3.1-70b", "--hardware", "nvidia-h100-sxm", "--tp", "8", "--speculative-tokens", "2", "--acceptance", "0.8,0.6,0.4"],
         "error: '--acceptance' gives 3 rates for 2 draft tokens\n"),
        (["compare", "Examples/rent-vs-own.yaml", "--max-e2e-p99", "30fortnights"],
         "error: --max-e2e-p99: unknown unit 'fortnights' in '30fortnights'; expected a duration such as 's', 'ms', 'min' or 'h'\n"),
        (["compare", "Examples/rent-vs-own.yaml", "--max-cost-per-mtok", "cheap"],
         "error: --max-cost-per-mtok: 'cheap' is not a number with a unit; expected an amount of money or a price such as '25000 USD' or '2.49 USD/h'\n"),
        (["profiles", "show", "nvidia-h100"],
         "error: unknown profile 'nvidia-h100'; did you mean 'nvidia-h100-nvl'?\n"),
        (["merge", "/nonexistent/shards", "-o", "/tmp/unused"],
         "/nonexistent/shards: error: no such directory\n"),
    ])
    func commandErrorsExitWithTwo(arguments: [String], expected: String) throws {
        let (status, text) = try errorOutput(arguments)
        #expect(status == 2, "\(arguments)")
        #expect(text == expected)
    }

    @Test(arguments: [
        (["calibrate", "--power-cap", "--kernels"], "Error: give one of --power-cap, --kernels, --front-end and --step-overhead\n"),
        (["calibrate", "--power-cap", "Examples/kernel-measurements.csv"],
         "Error: --power-cap fits the pairs in calibration/power-cap.yaml; give no measurement file\n"),
        (["calibrate"], "Error: Missing expected argument '<measurements>'\n"),
        (["import-hf", "config.json", "--id", "x", "--source", "y", "--source-date", "2024/07"],
         "Error: '--source-date' '2024/07' must be YYYY, YYYY-MM or YYYY-MM-DD\n"),
    ])
    func validationErrorsExitWithTwo(arguments: [String], expected: String) throws {
        let (status, text) = try errorOutput(arguments)
        #expect(status == 2, "\(arguments)")
        #expect(text.hasPrefix(expected), "\(text)")
    }
}
