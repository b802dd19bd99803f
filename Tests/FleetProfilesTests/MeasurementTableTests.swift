import Testing
@testable import FleetProfiles

struct MeasurementTableTests {
    let header = MeasurementTable.columns.joined(separator: ",")

    @Test func readsAKernelAndAServingRow() throws {
        let text = header + "\n"
            + "M0001,tensorrt-llm,0.17,llama-3.1-8b,nvidia-h200-sxm,1,1,1,,fp8,fp8,fp8,fixed,128,128,offline,,output_throughput,29526.04,tokens/s,\"trtllm-bench, max load\",2025-02-11\n"
            + "M0699,cublas,,,nvidia-h100-sxm,1,,,,,,,,,,kernel,,gemm_tflops,274.1,TFLOPS,\"m=1024,n=1024,k=1024, fp8\",2024\n"
        let table = try MeasurementTable(text: text, file: "m.csv")
        #expect(table.measurements.count == 2)
        #expect(table.measurements[0].value == 29526.04 && table.measurements[0].weightPrecision == .fp8)
        #expect(table.measurements[1].detail == "m=1024,n=1024,k=1024, fp8" && table.measurements[1].model == nil)
    }

    @Test func reportsEveryBadRowWithItsLocation() {
        let text = header + "\n"
            + "M0001,vllm,,llama-3.1-8b,nvidia-h100-sxm,0,1,1,,fp9,bf16,,fixed,128,128,offline,,output_throughput,-5,tokens/s,,2025\n"
            + "M0002,vllm,,llama-3.1-8b,nvidia-h100-sxm,1,1,1,,bf16,bf16,,fixed,128,128,offline,,ttft_mean,5,s,,2025\n"
        #expect(throws: DiagnosticList.self) { try MeasurementTable(text: text, file: "m.csv") }
        do { _ = try MeasurementTable(text: text, file: "m.csv") } catch {
            #expect(error.diagnostics.map(\.description) == [
                "m.csv:2:42: error: 'devices' must be a positive integer, got '0'",
                "m.csv:2:49: error: unknown precision 'fp9' in 'weight_precision'; expected one of fp64, fp32, tf32, bf16, fp16, fp8, int8, fp6, fp4, mxfp4, int4",
                "m.csv:2:100: error: 'value' must be a positive number, got '-5'",
                "m.csv:3:95: error: 'unit' of ttft_mean must be 'ms', got 's'",
            ])
        }
    }

    @Test func rejectsAWrongHeader() {
        do { _ = try MeasurementTable(text: "raw_id,engine\n", file: "m.csv") } catch {
            #expect(error.description.hasPrefix("m.csv:1:1: error: the header must be the 22 columns"))
        }
    }
}
