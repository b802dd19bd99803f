import FleetProfiles

/// How AMD's MLPerf Inference v4.1 harness runs vLLM in the llama2-70b Server scenario, which differs from
/// `vllm serve` (the `vllm` engine profile) and decides the published latencies.
///
/// The submission's Server script (`closed/AMD/code/llama2-70b-99.9/test_VllmFp8/test_VllmFp8_SyncServer_audit.sh`
/// in mlcommons/inference_results_v4.1) starts `mainVllmFp8_SyncServer.py` with `-tp 1 -dp 8 --enable-batcher` and
/// no further tuning flags, so the harness's argument defaults hold (its `get_args`, read through the code index
/// without a repository path): `--batcher-threshold 0.3` ("Maximum time to wait before sending a batch to vLLM"),
/// `--gpu-batch-size 96` ("Maximum batch size on harness side"), `--max-num-seqs 1024`,
/// `--max-num-batched-tokens 49152`, `--gpu-memory-utilization 0.97`; the engine's chunked prefill stays off
/// (commented out in the harness's `DefaultEngineInput`, and off by default in vLLM 0.4.3, the version the rows
/// name). The harness's batcher
/// thread (`batch_samples_loop` of its `SyncServerSUT`) sends the queries it holds to one vLLM instance when 96
/// have gathered or 0.3 s has passed since the last batch left: ``RequestBatching``.
///
/// Applied to MLPerf Inference v4.1 Server rows of vLLM on AMD accelerators: AMD's own and partners' (Dell's
/// XE9680 row names no harness; partners on AMD hardware run AMD's code as partners on NVIDIA hardware run
/// NVIDIA's). The v5.0 harness makes the batcher a configuration setting (`enable_batcher`, default off) whose
/// llama2-70b value is not in the code index, so later rounds keep the engine profile's behaviour.
public struct AMDMLPerfHarnessSettings: Sendable, Equatable {
    /// The harness's batcher: 96 queries or 0.3 s.
    public let batching = RequestBatching(maxRequests: 96, maxWait: 0.3)
    /// `--max-num-seqs`.
    public let maxSequences = 1024
    /// `--max-num-batched-tokens`.
    public let maxBatchedTokens = 49152
    /// Chunked prefill is off: a prompt is prefilled whole.
    public let chunkedPrefill = false
    /// `--gpu-memory-utilization`: the share of each device's memory vLLM takes (weights, activations, KV cache).
    public let memoryFraction = 0.97

    /// The settings of `row` when it is a result of AMD's v4.1 harness on `vendor`'s hardware; `nil` otherwise.
    public init?(_ row: PublishedMeasurement, vendor: Vendor) {
        guard vendor == .amd, row.engine == "vllm", row.detail.contains("MLPerf Inference v4.1") else { return nil }
    }
}
