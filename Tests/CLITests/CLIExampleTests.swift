import Foundation
import Testing

/// The commands of the README, run on the bundled examples and compared with checked-in output
/// (regenerate with `scripts/update-expected.sh` after an intended change, and review the diff).
@Suite(.serialized)
struct CLIExampleTests {
    @Test func effectiveScenarioOfTheReadmeExampleMatchesExpectedOutput() throws {
        let result = try FleetSimBinary.run(["dump-scenario", "--effective", "Examples/rent-vs-own.yaml"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput == (try FleetSimBinary.expected("rent-vs-own.effective.yaml")))
    }

    @Test func hardwareListMatchesExpectedOutput() throws {
        let result = try FleetSimBinary.run(["profiles", "list", "hardware"])
        #expect(result.status == 0)
        #expect(result.standardOutput == (try FleetSimBinary.expected("profiles-list-hardware.txt")))
        let rows = result.standardOutput.split(separator: "\n").dropFirst(3)
        #expect(rows.count >= 25)
        #expect(rows.filter { $0.hasPrefix("huawei-ascend") }.count >= 4)
    }

    @Test func everyProfileListsAndShowsWithSources() throws {
        for kind in ["hardware", "models", "engines", "prices"] {
            #expect(try FleetSimBinary.run(["profiles", "list", kind]).status == 0)
        }
        let show = try FleetSimBinary.run(["profiles", "show", "huawei-ascend-910b"])
        #expect(show.status == 0)
        #expect(show.standardOutput.contains("sources:"))
        #expect(show.standardOutput.contains("locator:"))
        let unknown = try FleetSimBinary.run(["profiles", "show", "nvidia-h100"])
        #expect(unknown.status == 2)
        #expect(unknown.standardError == "error: unknown profile 'nvidia-h100'; did you mean 'nvidia-h100-nvl'?\n")
    }

    @Test func importHFWritesAProfileThatMatchesExpectedOutput() throws {
        let result = try FleetSimBinary.run([
            "import-hf", "Tests/Fixtures/hf-configs/qwen2.5-7b.json", "--id", "qwen2.5-7b",
            "--source", "https://huggingface.co/Qwen/Qwen2.5-7B/blob/main/config.json", "--source-date", "2024-09-19",
        ])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput == (try FleetSimBinary.expected("import-hf-qwen2.5-7b.yaml")))
    }

    @Test func importHFWritesItsOutputFileAtomically() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("fleetsim-import-\(UUID().uuidString).yaml").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try FleetSimBinary.run([
            "import-hf", "Tests/Fixtures/hf-configs/mixtral-8x7b.json", "--id", "mixtral-8x7b", "--source-date", "2023-12", "-o", path,
        ])
        #expect(result.status == 0)
        #expect(try String(contentsOfFile: path, encoding: .utf8).contains("routed_experts: 8"))
    }

    @Test func badScenarioReportsEveryProblemAndExitsTwo() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("fleetsim-bad-\(UUID().uuidString).yaml")
        defer { try? FileManager.default.removeItem(at: path) }
        let text = """
            version: 1
            deployments:
              - {name: a, hardware: h100-sxm, model: llama-3.1-70b, devices: 0}
            options: []

            """
        try text.write(to: path, atomically: true, encoding: .utf8)
        let before = try Data(contentsOf: path)
        let result = try FleetSimBinary.run(["dump-scenario", path.path])
        #expect(result.status == 2)
        #expect(result.standardOutput == "")
        #expect(result.standardError == """
            \(path.path):3:25: error: unknown hardware 'h100-sxm'; did you mean 'nvidia-h100-sxm'?
            \(path.path):3:66: error: 'devices' must be at least 1, got 0
            \(path.path):4:10: error: the comparison is empty: list at least one entry under 'options'

            """)
        #expect(try Data(contentsOf: path) == before, "inputs are never modified")
    }

    @Test func predictMatchesExpectedOutput() throws {
        let result = try FleetSimBinary.run([
            "predict", "--model", "llama-3.1-70b", "--hardware", "nvidia-h100-sxm", "--tp", "4", "--weights", "fp8", "--kv", "fp8",
            "--input", "1024", "--output", "128", "--batch", "64", "--explain",
        ])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput == (try FleetSimBinary.expected("predict-llama-3.1-70b-h100.txt")))
    }

    @Test func sweepWritesExpectedTableCSVAndJSON() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fleetsim-sweep-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try FleetSimBinary.run(["sweep", "Examples/quantization-sweep.yaml", "-o", directory.path])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput == (try FleetSimBinary.expected("quantization-sweep.txt")))
        for name in ["sweep.csv", "sweep.json"] {
            let written = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
            #expect(written == (try FleetSimBinary.expected("quantization-sweep/\(name)")), "\(name)")
            #expect(!written.contains("nan") && !written.contains("inf,"), "\(name)")
        }
    }

    /// `sweep --shard K/4` four times and `merge` give exactly the summary, CSV and JSON of one unsharded run.
    @Test func shardedSweepMergesIntoTheUnshardedOutputByteForByte() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fleetsim-shards-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let whole = directory.appendingPathComponent("whole"), merged = directory.appendingPathComponent("merged")
        let unsharded = try FleetSimBinary.run(["sweep", "Examples/quantization-sweep.yaml", "-o", whole.path])
        #expect(unsharded.status == 0, "\(unsharded.standardError)")
        var shardDirectories: [String] = []
        for index in 1...4 {
            let shardDirectory = directory.appendingPathComponent("shard-\(index)").path
            let result = try FleetSimBinary.run(["sweep", "Examples/quantization-sweep.yaml", "--shard", "\(index)/4", "-o", shardDirectory])
            #expect(result.status == 0, "\(result.standardError)")
            #expect(result.standardOutput.hasSuffix(
                "shard \(index)/4: points \((index - 1) * 160 + 1)–\(index * 160) of 640, written to \(shardDirectory)/shard-\(index)-of-4.json\n"))
            shardDirectories.insert(shardDirectory, at: 0)
        }
        let merge = try FleetSimBinary.run(["merge"] + shardDirectories + ["-o", merged.path])
        #expect(merge.status == 0, "\(merge.standardError)")
        #expect(merge.standardOutput == unsharded.standardOutput)
        #expect(merge.standardOutput == (try FleetSimBinary.expected("quantization-sweep.txt")))
        for name in ["sweep.csv", "sweep.json"] {
            let mergedBytes = try Data(contentsOf: merged.appendingPathComponent(name))
            #expect(mergedBytes == (try Data(contentsOf: whole.appendingPathComponent(name))), "\(name)")
            #expect(String(decoding: mergedBytes, as: UTF8.self) == (try FleetSimBinary.expected("quantization-sweep/\(name)")), "\(name)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: merged.path).sorted() == ["sweep.csv", "sweep.json"])
    }

    @Test func badShardExitsTwoWithTheReason() throws {
        let cases = [
            ("0/4", "error: shard '0/4': K must be between 1 and 4\n"),
            ("5/4", "error: shard '5/4': K must be between 1 and 4\n"),
            ("1/0", "error: shard '1/0': the number of shards must be at least 1\n"),
            ("two/4", "error: shard 'two/4' is not of the form K/N (for example 2/4: the second of four shards)\n"),
        ]
        for (shard, message) in cases {
            let result = try FleetSimBinary.run(["sweep", "Examples/quantization-sweep.yaml", "--shard", shard, "-o", "/nonexistent/never-written"])
            #expect(result.status == 2, "\(shard)")
            #expect(result.standardError == message)
            #expect(result.standardOutput == "")
        }
        let withoutOutput = try FleetSimBinary.run(["sweep", "Examples/quantization-sweep.yaml", "--shard", "1/2"])
        #expect(withoutOutput.status == 2)
        #expect(withoutOutput.standardError == "error: '--shard' needs '--output DIR' for the shard's files\n")
    }

    @Test func mergeRefusesMissingDuplicateAndMismatchedShards() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fleetsim-badmerge-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        func shard(_ text: String) throws -> String {
            let path = directory.appendingPathComponent(text.replacingOccurrences(of: "/", with: "-of-")).path
            let result = try FleetSimBinary.run(["sweep", "Examples/quantization-sweep.yaml", "--shard", text, "-o", path])
            #expect(result.status == 0, "\(result.standardError)")
            return path
        }
        let (first, second, third) = (try shard("1/3"), try shard("2/3"), try shard("3/4"))
        let out = directory.appendingPathComponent("merged").path

        let missing = try FleetSimBinary.run(["merge", first, second, "-o", out])
        #expect(missing.status == 2)
        #expect(missing.standardError == "\(first)/shard-1-of-3.json: error: sweep 'quantization-sweep' is split into 3 shards; missing shard 3/3\n")

        let duplicate = try FleetSimBinary.run(["merge", first, second, second, "-o", out])
        #expect(duplicate.status == 2)
        #expect(duplicate.standardError.contains("\(second)/shard-2-of-3.json: error: shard 2/3 is given twice; give each shard once\n"))

        let mismatched = try FleetSimBinary.run(["merge", first, second, third, "-o", out])
        #expect(mismatched.status == 2)
        #expect(mismatched.standardError == "\(third)/shard-3-of-4.json: error: shard 3/4 splits the sweep into 4 shards, "
                + "'\(first)/shard-1-of-3.json' (shard 1/3) into 3; merge shards of one split\n")

        let notAShard = try FleetSimBinary.run(["merge", first, directory.appendingPathComponent("nothing-here").path, "-o", out])
        #expect(notAShard.status == 2)
        #expect(notAShard.standardError == "\(directory.path)/nothing-here: error: no such directory\n")
        #expect(!FileManager.default.fileExists(atPath: out), "a refused merge writes nothing")
    }

    @Test func kernelValidationMatchesExpectedOutput() throws {
        let result = try FleetSimBinary.run(["validate", "--kernels", "Examples/kernel-measurements.csv"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput == (try FleetSimBinary.expected("validate-kernels.txt")))
    }

    @Test func predictRejectsWhatTheHardwareCannotRun() throws {
        let result = try FleetSimBinary.run(["predict", "--model", "llama-3.1-8b", "--hardware", "huawei-ascend-910b", "--weights", "fp8"])
        #expect(result.status == 2)
        #expect(result.standardError == "error: precision 'fp8' is not supported by 'huawei-ascend-910b'; it runs fp32, bf16, fp16, int8\n")
    }

    @Test func simulateMatchesExpectedOutputAndIsDeterministic() throws {
        let first = try FleetSimBinary.run(["simulate", "Examples/rent-vs-own.yaml"])
        #expect(first.status == 0, "\(first.standardError)")
        #expect(first.standardOutput == (try FleetSimBinary.expected("simulate-rent-vs-own.txt")))
        #expect(try FleetSimBinary.run(["simulate", "Examples/rent-vs-own.yaml"]).standardOutput == first.standardOutput)
    }

    @Test func capacityMatchesExpectedOutput() throws {
        let result = try FleetSimBinary.run(["capacity", "Examples/rent-vs-own.yaml"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput == (try FleetSimBinary.expected("capacity-rent-vs-own.txt")))
    }

    @Test func costMatchesExpectedOutput() throws {
        let result = try FleetSimBinary.run(["cost", "Examples/rent-vs-own.yaml"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput == (try FleetSimBinary.expected("cost-rent-vs-own.txt")))
    }

    @Test func missingScenarioFileExitsTwo() throws {
        let result = try FleetSimBinary.run(["dump-scenario", "Examples/no-such-plan.yaml"])
        #expect(result.status == 2)
        #expect(result.standardError == "Examples/no-such-plan.yaml: error: no such file\n")
    }

    @Test func versionAndHelpWork() throws {
        let version = try FleetSimBinary.run(["--version"])
        #expect(version.status == 0 && version.standardOutput == "0.1.0\n")
        for command in [["--help"], ["profiles", "--help"], ["import-hf", "--help"], ["dump-scenario", "--help"], ["merge", "--help"]] {
            let help = try FleetSimBinary.run(command)
            #expect(help.status == 0 && help.standardOutput.contains("USAGE:"), "\(command)")
        }
    }
}
