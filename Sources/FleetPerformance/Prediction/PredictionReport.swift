import FleetProfiles
import FleetUnits

/// The text `fleetsim predict` prints: the setup, the latencies and throughput, the memory plan, and with
/// `explain` the per-operator breakdown of a prefill and a decode step.
public enum PredictionReport {
    public static func text(_ prediction: StaticBatchPrediction, spec: DeploymentSpec, explain: Bool) -> String {
        let memory = prediction.memory
        var lines: [String] = []
        lines.append("\(spec.model.id) on \(spec.devices) × \(spec.hardware.id) (tp \(spec.tensorParallel), pp \(spec.pipelineParallel), ep \(spec.expertParallel)"
            + (spec.dataParallelAttention > 1 ? ", dp attention \(spec.dataParallelAttention)" : "") + "); "
            + "weights \(spec.weights.rawValue), activations \(spec.activations.rawValue), KV \(spec.kvCache.rawValue)")
        lines.append("static batch \(prediction.batch) × (\(prediction.inputTokens) in, \(prediction.outputTokens) out)"
            + (prediction.speculative.map { " with speculative decoding (\($0.method.rawValue)): \($0.draftTokens) draft tokens, \(UnitFormatter.number($0.expectedTokensPerStep)) tokens per step expected" } ?? ""))
        lines.append("")
        lines.append(TextTable(header: ["quantity", "value"], rows: [
            ["prefill (TTFT of the last request)", "\(prediction.prefillTime) in \(prediction.prefillSteps) step(s)"],
            ["decode step (TPOT)", prediction.timePerOutputToken.description],
            ["decode total", prediction.decodeTime.description],
            ["end to end", prediction.totalTime.description],
            ["output throughput", "\(UnitFormatter.number(prediction.outputThroughput.value)) tokens/s"],
            ["output throughput per device", "\(UnitFormatter.number(prediction.outputThroughput.value / Double(spec.devices))) tokens/s"],
            ["total throughput", "\(UnitFormatter.number(prediction.totalThroughput.value)) tokens/s"],
        ]).render())
        lines.append(TextTable(header: ["memory per device", "value"], rows: [
            ["capacity", memory.capacity.description],
            ["usable (memory fraction \(UnitFormatter.number(spec.memoryFraction)) of \(spec.memoryBasis.rawValue))", memory.usable.description],
            ["weights", memory.weights.description],
            ["activation workspace (estimate)", memory.workspace.description],
            ["KV cache", memory.kvCache.description],
            ["KV per token", memory.kvBytesPerToken.description],
            ["KV capacity", "\(memory.kvCapacityTokens) tokens (largest batch \(memory.largestBatch(tokensPerSequence: prediction.inputTokens + prediction.outputTokens)))"],
        ]).render())
        if explain {
            for (title, costs) in [("prefill step (first)", prediction.prefillBreakdown), ("decode step (mid-output)", prediction.decodeBreakdown)]
            where !costs.isEmpty {
                lines.append(title)
                lines.append(TextTable(header: ["operator", "FLOPs", "bytes", "time", "bound", "efficiency and source"],
                                       rows: costs.map { cost in
                                           [cost.operatorClass.rawValue, cost.flops.description, cost.bytes.description,
                                            cost.time.description, cost.bound.rawValue, cost.note]
                                       }).render())
            }
        }
        return lines.joined(separator: "\n")
    }
}
