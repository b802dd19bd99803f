import Testing
import FleetProfiles
@testable import FleetServing

/// Reading recorded traces: the three formats, and every problem of a file located and worded exactly.
struct RequestTraceTests {
    func errors(_ text: String, file: String, format: RequestTrace.Format? = nil, benchmark: Int? = nil) -> [String] {
        do {
            _ = try RequestTrace.parse(text: text, file: file, format: format, benchmark: benchmark)
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    @Test func mooncakeLinesGiveArrivalsInSecondsAndLengths() throws {
        let text = """
            {"timestamp": 0, "input_length": 6755, "output_length": 500, "hash_ids": [0, 1, 2]}
            {"timestamp": 3052, "input_length": 7319, "output_length": 490, "hash_ids": [0, 14]}

            {"timestamp": 3052, "input_length": 2287, "output_length": 316, "hash_ids": [0, 42]}
            """
        let trace = try RequestTrace.parse(text: text, file: "t.jsonl")
        #expect(trace.format == .mooncake)
        #expect(trace.arrivals == [0, 3.052, 3.052])
        #expect(trace.inputLengths == [6755, 7319, 2287])
        #expect(trace.outputLengths == [500, 490, 316])
    }

    @Test func arrivalsAreSortedStablyAndStartAtZero() throws {
        let text = """
            {"timestamp": 5000, "input_length": 1, "output_length": 1}
            {"timestamp": 2000, "input_length": 2, "output_length": 2}
            {"timestamp": 5000, "input_length": 3, "output_length": 3}
            """
        let trace = try RequestTrace.parse(text: text, file: "t.jsonl")
        #expect(trace.arrivals == [0, 3, 3])
        #expect(trace.inputLengths == [2, 1, 3])
    }

    @Test func everyBadLineIsReportedWithItsLine() {
        let text = """
            {"timestamp": 0, "input_length": 10, "output_length": 5}
            {"timestamp": 10, "input_length": 0, "output_length": 5}
            {"timestamp": 20, "input_length": 10, "output_length": -3}
            {"timestamp": 30, "input_length": 10 "output_length": 5}
            {"timestamp": -1, "input_length": 10, "output_length": 5}
            {"timestamp": 40, "input_length": "ten", "output_length": 5}
            {"input_length": 10, "output_length": 5}
            [1, 2]
            """
        #expect(errors(text, file: "x.jsonl") == [
            "x.jsonl:2:1: error: 'input_length' must be at least 1 token, got 0",
            "x.jsonl:3:1: error: 'output_length' must be at least 1 token, got -3",
            "x.jsonl:4:38: error: malformed JSON: invalid value",
            "x.jsonl:5:1: error: 'timestamp' must be a non-negative number of milliseconds, got -1",
            "x.jsonl:6:1: error: 'input_length' must be a whole number of tokens, got 'ten'",
            "x.jsonl:7:1: error: 'timestamp' is missing (other lines have one)",
            "x.jsonl:8:1: error: expected a JSON object with 'timestamp', 'input_length' and 'output_length'",
        ])
    }

    @Test func emptyTraceIsAnError() {
        #expect(errors("\n\n", file: "x.jsonl") == ["x.jsonl: error: the trace holds no requests"])
    }

    @Test func vllmResultLeavesFailedRequestsOutAndRecordsNoArrivalsWithoutStartTimes() throws {
        let text = """
            {"request_rate": 4.0, "burstiness": 1.0, "input_lens": [512, 1024, 300], "output_lens": [128, 0, 64],
             "ttfts": [0.05, 0.0, 0.04], "itls": [[0.01], [], [0.01]], "errors": ["", "timeout", ""]}
            """
        let trace = try RequestTrace.parse(text: text, file: "result.json")
        #expect(trace.format == .vllmBench)
        #expect(!trace.recordsArrivals)
        #expect(trace.inputLengths == [512, 300])
        #expect(trace.outputLengths == [128, 64])
        #expect(trace.arrivalNote == "the benchmark ran at request_rate 4, burstiness 1")
    }

    @Test func vllmResultWithStartTimesRecordsArrivals() throws {
        let text = """
            {"input_lens": [10, 20], "output_lens": [5, 6], "errors": ["", ""], "start_times": [1002.5, 1000.0]}
            """
        let trace = try RequestTrace.parse(text: text, file: "result.json")
        #expect(trace.arrivals == [0, 2.5])
        #expect(trace.inputLengths == [20, 10])
    }

    @Test func vllmResultProblemsNameTheEntry() {
        #expect(errors(#"{"input_lens": [10, 0], "output_lens": [5, 6]}"#, file: "r.json") == [
            "r.json: error: 'input_lens[1]' must be at least 1 token, got 0",
        ])
        #expect(errors(#"{"completed": 10}"#, file: "r.json", format: .vllmBench) == [
            "r.json: error: no per-request lengths: 'input_lens' and 'output_lens' are saved only with 'vllm bench serve --save-result --save-detailed'",
        ])
        #expect(errors("{\"input_lens\": [1,\n 2", file: "r.json") == ["r.json: error: malformed JSON: unexpected end of file during JSON parse"])
    }

    static let guideReport = """
        {"benchmarks": [
          {"requests": {"successful": [
            {"prompt_tokens": 100, "output_tokens": 20, "request_start_time": 1700000001.5},
            {"prompt_tokens": 200, "output_tokens": 30, "request_start_time": 1700000000.0}]}},
          {"requests": {"successful": [
            {"prompt_tokens": 300, "output_tokens": 40, "start_time": 50.0}]}}
        ]}
        """

    @Test func guidellmReportReadsTheChosenBenchmark() throws {
        let first = try RequestTrace.parse(text: Self.guideReport, file: "report.json", benchmark: 0)
        #expect(first.format == .guidellm)
        #expect(first.arrivals == [0, 1.5])
        #expect(first.inputLengths == [200, 100])
        let second = try RequestTrace.parse(text: Self.guideReport, file: "report.json", benchmark: 1)
        #expect(second.outputLengths == [40])
    }

    @Test func guidellmReportWithSeveralBenchmarksNeedsAChoice() {
        #expect(errors(Self.guideReport, file: "report.json") == [
            "report.json: error: the report holds 2 benchmarks; choose one with 'benchmark: 0' … '1'",
        ])
        #expect(errors(Self.guideReport, file: "report.json", benchmark: 2) == [
            "report.json: error: 'benchmark' (2) must be between 0 and 1: the report holds 2",
        ])
    }

    @Test func recordedWorkloadReplaysTheTraceExactly() {
        let requests = WorkloadGenerator.requests(count: 2, arrivals: .recorded(arrivals: [0, 1.25, 9]), input: .recorded([7, 8, 9]),
                                                  output: .recorded([3, 4, 5]), seed: 1)
        #expect(requests == [Request(arrival: 0, inputTokens: 7, outputTokens: 3), Request(arrival: 1.25, inputTokens: 8, outputTokens: 4)])
    }

    /// Recorded lengths with random arrivals: the arrivals are the seeded Poisson process, the lengths the trace's.
    @Test func recordedLengthsKeepSeededArrivals() {
        let poisson = WorkloadGenerator.requests(count: 3, arrivals: .poisson(rate: 2), input: .fixed(1), output: .fixed(1), seed: 9)
        let replay = WorkloadGenerator.requests(count: 3, arrivals: .poisson(rate: 2), input: .recorded([5, 6, 7]), output: .recorded([1, 2, 3]), seed: 9)
        #expect(replay.map(\.arrival) == poisson.map(\.arrival))
        #expect(replay.map(\.inputTokens) == [5, 6, 7])
    }
}
