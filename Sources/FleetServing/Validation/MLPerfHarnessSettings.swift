/// The engine settings NVIDIA's MLPerf Inference harness runs TensorRT-LLM with, which differ from the engine's
/// own defaults (the `tensorrt-llm` engine profile) and decide how a published MLPerf figure was reached.
///
/// The harness's TensorRT-LLM runtime flags default to `'batch_scheduler_policy': 'max_util'` (the
/// `MAX_UTILIZATION` capacity policy: a request is admitted when its prompt's KV blocks are free, without
/// reserving its whole output, and the newest requests are paused when a decode lacks a block) with block
/// reuse off (`enable_block_reuse=False`); the Server and Offline base configurations of the LLM benchmarks
/// repeat `max_util`. Read in `TrtllmHarnessConfig.DEFAULT_RUNTIME_FLAGS` and `_generate_trtllm_extra_config_yaml`
/// of NVIDIA's MLPerf LLM harness configuration module (v5.x code, read through the code index without a
/// repository path), and in a partner submission that copies NVIDIA's configurations:
/// `closed/Cisco/configs/llama3_1-405b/Offline/custom.py` (MLPerf Inference v5.1 results, as mirrored in
/// ntuhpc/inference_results_v5.1: `trtllm_runtime_flags = {'batch_scheduler_policy': 'max_util', ...}`), and in the
/// commented copy of NVIDIA's llama2-70b `ServerGPUBaseConfig` in an HPE v5.0 configuration. NVIDIA's v4.1
/// llama2-70b configurations (closed/NVIDIA/configs/llama2-70b/Server/__init__.py in
/// mlcommons/inference_results_v4.1) set no policy of their own; the harness default is taken for them too.
///
/// Partner submissions on NVIDIA hardware (Dell, HPE, Cisco, …) run NVIDIA's harness, so every MLPerf Server
/// (and Interactive) row of the `tensorrt-llm` engine admits this way. An Offline row keeps the reservation of the
/// whole output: the submitter caps the batch (`gpu_batch_size`, e.g. 896 for one H200 in NVIDIA's v4.1
/// llama2-70b configuration) near what the KV cache holds, which the row does not publish, and without that cap an
/// all-at-once batch of equal lengths would overfill the cache and thrash in preemption.
public enum MLPerfHarnessSettings {
    /// Whether a measurement's description says it is an MLPerf Inference result.
    public static func describes(_ detail: String) -> Bool { detail.contains("MLPerf") }
}
