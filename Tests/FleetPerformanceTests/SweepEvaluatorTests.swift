import Testing
import FleetLinearAlgebra
import FleetProfiles
import FleetUnits
@testable import FleetPerformance

struct SweepEvaluatorTests {
    let evaluator = SweepEvaluator(catalog: Fixtures.catalog, efficiencies: ModelArithmeticTests.efficiencies, engine: "vllm")

    func point(_ hardware: String, _ weights: Precision, _ activations: Precision, tp: Int, batch: Int) -> SweepPoint {
        SweepPoint(hardware: hardware, model: "llama-3.1-70b", scheme: weights.rawValue, weights: weights, activations: activations,
                   kvCache: .bf16, tensorParallel: tp, batch: batch, inputTokens: 1024, outputTokens: 128)
    }

    /// A sweep point gives the same numbers as `predict` on the same static batch.
    @Test func sweepPointMatchesStaticBatchPrediction() throws {
        let sweep = evaluator.evaluate([point("nvidia-h100-sxm", .fp8, .fp8, tp: 4, batch: 32)])
        guard case let .feasible(metrics) = sweep[0] else { Issue.record("expected a feasible point"); return }
        let spec = try ModelArithmeticTests().spec("llama-3.1-70b", "nvidia-h100-sxm", weights: .fp8, activations: .fp8, tp: 4)
        let prediction = try StaticBatchPrediction(model: StepModel(spec: spec), memory: MemoryPlan(spec: spec), batch: 32,
                                                   inputTokens: 1024, outputTokens: 128)
        #expect(abs(metrics.timeToFirstToken.value - prediction.prefillTime.value) <= 1e-9 * prediction.prefillTime.value)
        // The sweep times decode at the mean context; predict sums every step: they agree within 1 %.
        #expect(abs(metrics.endToEnd.value / prediction.totalTime.value - 1) < 0.01)
    }

    @Test func infeasiblePointsSayWhy() {
        let outcomes = evaluator.evaluate([
            point("nvidia-a100-sxm-80gb", .fp8, .fp8, tp: 8, batch: 1),
            point("nvidia-h100-sxm", .bf16, .bf16, tp: 3, batch: 1),
            point("nvidia-h100-sxm", .bf16, .bf16, tp: 8, batch: 100_000),
        ])
        #expect(outcomes[0] == .infeasible(reason: "precision 'fp8' is not supported by 'nvidia-a100-sxm-80gb'; it runs fp64, fp32, tf32, bf16, fp16, int8, int4"))
        #expect(outcomes[1] == .infeasible(reason: "tensor parallelism 3 must divide the attention heads of 'llama-3.1-70b' (64)"))
        guard case let .infeasible(reason) = outcomes[2] else { Issue.record("expected infeasible"); return }
        #expect(reason.hasPrefix("KV cache holds ") && reason.hasSuffix("tokens, the batch needs 115200000"))
    }

    @Test func outputIsDeterministic() throws {
        let points = [point("nvidia-h100-sxm", .fp8, .fp8, tp: 2, batch: 8), point("amd-mi300x", .bf16, .bf16, tp: 1, batch: 8),
                      point("huawei-ascend-910b", .int8, .int8, tp: 4, batch: 8)]
        let first = try SweepReport.json(name: "t", toolVersion: "0", points: points, outcomes: evaluator.evaluate(points))
        let second = try SweepReport.json(name: "t", toolVersion: "0", points: points, outcomes: evaluator.evaluate(points))
        #expect(first == second)
        #expect(SweepReport.csv(points: points, outcomes: evaluator.evaluate(points)) == SweepReport.csv(points: points, outcomes: evaluator.evaluate(points)))
    }
}

struct StaticBatchFeaturesTests {
    /// The sweep's closed-form feature rows equal the features of the equivalent batch states.
    @Test(arguments: ["llama-3.1-8b", "gpt-oss-120b", "mixtral-8x7b"])
    func closedFormFeaturesMatchBatchStates(modelID: String) throws {
        let model = try StepModel(spec: ModelArithmeticTests().spec(modelID, "nvidia-h200-sxm", tp: 8))
        let writer = StaticBatchFeatures(model: model)
        for (batch, input) in [(1, 1), (3, 5000), (17, 129), (64, 8192)] {
            let budget = 8192
            let steps = StaticBatchFeatures.prefillSteps(batch: batch, input: input, budget: budget)
            var matrix = Matrix(rows: steps + 1, columns: Feature.count)
            writer.writePrefill(into: &matrix, firstRow: 0, batch: batch, input: input, budget: budget)
            writer.writeDecode(into: &matrix, row: steps, batch: batch, context: input + 64)
            let expected = BatchState.staticPrefill(batch: batch, input: input, budget: budget).map { model.features(of: $0) }
                + [model.features(of: .decode(batch: batch, context: input + 64))]
            #expect(expected.count == steps + 1)
            for (row, features) in expected.enumerated() {
                for (column, value) in features.enumerated() {
                    #expect(abs(matrix[row, column] - value) <= 1e-12 * max(1, abs(value)), "\(batch)x\(input) row \(row) feature \(column)")
                }
            }
        }
    }
}
