import FleetPerformance

/// The engine settings `trtllm-bench throughput` runs TensorRT-LLM with, which differ from the engine's own
/// defaults (the `tensorrt-llm` engine profile) and decide how a published trtllm-bench figure was reached.
///
/// From `tensorrt_llm/bench/dataclasses/configuration.py` (`ExecutorSettingsConfig`, NVIDIA/TensorRT-LLM at
/// commit 000a01de66f0eab4ab05640711f0253f50f5209c): chunked context on (`chunking = True`, first come first
/// served), the `MAX_UTILIZATION` capacity policy (no reservation of the whole output at admission), block
/// reuse off. From `tensorrt_llm/bench/build/tuning.py` (commit 04cba882084a25665e7f80f5bda71b35b9790b6f,
/// `calc_engine_setting` and `finetune_setting`): the largest batch and the token budget per step follow
/// from how many requests of the dataset's lengths the KV cache holds:
///
/// ```
/// requests = (memory − weights) · 0.95 / (KV bytes per token · (input + output))
/// batch₀   = min(requests, 4096) / pp
/// tokens₀  = min(batch₀ · (1 + input / output), 32768)
/// batch    = batch₀ < 256 ? max(64, 32·⌈batch₀/32⌉) : batch₀ < 1024 ? 128·⌈batch₀/128⌉ : 256·⌈batch₀/256⌉
/// tokens   = tokens₀ < 4096 ? max(2048, 256·⌈tokens₀/256⌉) : tokens₀ < 8192 ? 512·⌈tokens₀/512⌉ : 1024·⌈tokens₀/1024⌉
/// ```
///
/// `max_batch_size` bounds one micro-batch: with `pp` pipeline stages the PyTorch executor holds
/// `max_batch_size · pp` sequences (`max_num_sequences = executor_config.max_batch_size * mapping.pp_size` for the
/// capacity scheduler, `max_batch_size` for the micro-batch scheduler: `tensorrt_llm/_torch/pyexecutor/_util.py`,
/// NVIDIA/TensorRT-LLM, 2025), which is why the heuristic divides the requests by `pp` (``sequencesInFlight``).
///
/// The memory terms are taken per device from ``MemoryPlan`` (capacity, weights after sharding, KV bytes per
/// token on one device), which equals the tool's whole-group sums divided by the devices.
public struct TensorRTLLMBenchSettings: Sendable, Equatable {
    /// Most sequences in a step (`max_batch_size`).
    public let maxSequences: Int
    /// Most tokens in a step (`max_num_tokens`).
    public let maxBatchedTokens: Int
    /// Most sequences the engine holds at once: one micro-batch of ``maxSequences`` per pipeline stage.
    public let sequencesInFlight: Int

    /// The share of the memory left by the weights that the heuristic sizes the batch for.
    public static let heuristicMemoryFraction = 0.95

    /// Whether a measurement's description says it was taken with `trtllm-bench`.
    public static func describes(_ detail: String) -> Bool { detail.contains("trtllm-bench") }

    /// The settings trtllm-bench picks for requests of `input` and `output` tokens on `plan`'s devices.
    public init(plan: MemoryPlan, pipelineParallel: Int, input: Int, output: Int) {
        self.init(memory: plan.capacity.value, weights: plan.weights.value, kvBytesPerToken: plan.kvBytesPerToken.value,
                  pipelineParallel: pipelineParallel, input: input, output: output)
    }

    /// The settings for devices of `memory` bytes holding `weights` bytes, a token's KV taking `kvBytesPerToken`.
    public init(memory: Double, weights: Double, kvBytesPerToken: Double, pipelineParallel: Int, input: Int, output: Int) {
        let free = max(0, memory - weights) * Self.heuristicMemoryFraction
        let requests = free / (max(1, kvBytesPerToken) * Double(max(1, input + output)))
        let batch = min(requests, 4096) / Double(max(1, pipelineParallel))
        let tokens = min(batch * (1 + Double(input) / Double(max(1, output))), 32768)
        func roundedUp(_ value: Double, to step: Double) -> Int { Int(step * (value / step).rounded(.up)) }
        if batch < 256 {
            maxSequences = max(64, roundedUp(batch, to: 32))
        } else if batch < 1024 {
            maxSequences = roundedUp(batch, to: 128)
        } else {
            maxSequences = roundedUp(batch, to: 256)
        }
        if tokens < 4096 {
            maxBatchedTokens = max(2048, roundedUp(tokens, to: 256))
        } else if tokens < 8192 {
            maxBatchedTokens = roundedUp(tokens, to: 512)
        } else {
            maxBatchedTokens = roundedUp(tokens, to: 1024)
        }
        sequencesInFlight = maxSequences * max(1, pipelineParallel)
    }
}
