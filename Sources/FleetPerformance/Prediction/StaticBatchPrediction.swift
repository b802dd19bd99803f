import FleetLinearAlgebra
import FleetUnits

/// A static batch run to completion: `batch` prompts of `input` tokens prefilled in chunks of at most
/// `max_batched_tokens`, then `output − 1` decode steps (the first output token comes from prefill).
public struct StaticBatchPrediction: Sendable {
    public let batch: Int
    public let inputTokens: Int
    public let outputTokens: Int
    public let memory: MemoryPlan
    /// Time until every prompt is prefilled: the TTFT of the last request.
    public let prefillTime: Seconds
    /// Mean decode step time: the TPOT.
    public let timePerOutputToken: Seconds
    public let decodeTime: Seconds
    public let prefillSteps: Int
    /// The decode step at mean context, split by operator class.
    public let decodeBreakdown: [StepModel.OperatorCost]
    /// The first prefill step, split by operator class.
    public let prefillBreakdown: [StepModel.OperatorCost]

    public var totalTime: Seconds { prefillTime + decodeTime }
    /// Output tokens per second of the replica.
    public var outputThroughput: TokensPerSecond { Tokens(Double(batch * outputTokens)) / totalTime }
    /// Input plus output tokens per second.
    public var totalThroughput: TokensPerSecond { Tokens(Double(batch * (inputTokens + outputTokens))) / totalTime }

    /// - Throws: ``PerformanceError`` when the batch's KV cache does not fit.
    /// Speculative decoding used, if any.
    public let speculative: SpeculativeDecoding?

    public init(model: StepModel, memory: MemoryPlan, batch: Int, inputTokens: Int, outputTokens: Int,
                speculative: SpeculativeDecoding? = nil) throws(PerformanceError) {
        guard batch >= 1, inputTokens >= 1, outputTokens >= 1 else {
            throw PerformanceError("batch, input and output must each be at least 1")
        }
        let rankBatch = (batch + max(1, model.spec.dataParallelAttention) - 1) / max(1, model.spec.dataParallelAttention)
        let needed = rankBatch * (inputTokens + outputTokens)
        guard needed <= memory.kvCapacityTokens else {
            throw PerformanceError("a batch of \(batch) × \(inputTokens + outputTokens) tokens needs \(needed) tokens of KV cache; "
                + "the devices hold \(memory.kvCapacityTokens) (largest batch per rank \(memory.largestBatch(tokensPerSequence: inputTokens + outputTokens)))")
        }
        self.batch = batch
        self.inputTokens = inputTokens
        self.outputTokens = outputTokens
        self.memory = memory
        self.speculative = speculative

        // Data-parallel attention ranks each take their share of the batch and step together.
        let ranks = max(1, model.spec.dataParallelAttention)
        let batch = (batch + ranks - 1) / ranks
        // Prefill: prompts in order, split into steps of at most max_batched_tokens tokens.
        let budget = max(1, model.spec.maxBatchedTokens)
        let states = BatchState.staticPrefill(batch: batch, input: inputTokens, budget: budget)
        let prefillFeatures = Matrix(states.map { model.features(of: $0) })
        prefillTime = Seconds(model.stepTimes(prefillFeatures).reduce(0, +))
        prefillSteps = states.count
        prefillBreakdown = model.breakdown(prefillFeatures.row(0))

        // Decode: one step per further output token, context growing by one each step.
        if outputTokens > 1, let speculative {
            // Steps advance every sequence by the expected accepted tokens; time each at its mean context.
            let steps = Int((Double(outputTokens - 1) / speculative.expectedTokensPerStep).rounded(.up))
            var total = 0.0
            for step in 0..<steps {
                let context = inputTokens + Int(Double(step) * speculative.expectedTokensPerStep)
                total += speculative.stepTime(model: model, batch: batch, context: context)
            }
            decodeTime = Seconds(total)
            timePerOutputToken = decodeTime / Double(outputTokens - 1)
            decodeBreakdown = model.breakdown(model.features(of: .decode(batch: batch, context: inputTokens + outputTokens / 2)))
        } else if outputTokens > 1 {
            let decodeStates = (1..<outputTokens).map { step in model.features(of: .decode(batch: batch, context: inputTokens + step - 1)) }
            let times = model.stepTimes(Matrix(decodeStates))
            decodeTime = Seconds(times.reduce(0, +))
            timePerOutputToken = decodeTime / Double(times.count)
            decodeBreakdown = model.breakdown(decodeStates[decodeStates.count / 2])
        } else {
            decodeTime = .zero
            timePerOutputToken = .zero
            decodeBreakdown = []
        }
    }
}
