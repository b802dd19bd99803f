#!/usr/bin/env bash
# Regenerates the checked-in expected outputs that the CLI tests compare against. Review the diff.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --product fleetsim
bin=.build/debug/fleetsim
"$bin" dump-scenario --effective Examples/rent-vs-own.yaml > Examples/expected/rent-vs-own.effective.yaml
"$bin" profiles list hardware > Examples/expected/profiles-list-hardware.txt
"$bin" import-hf Tests/Fixtures/hf-configs/qwen2.5-7b.json --id qwen2.5-7b \
  --source https://huggingface.co/Qwen/Qwen2.5-7B/blob/main/config.json --source-date 2024-09-19 \
  > Examples/expected/import-hf-qwen2.5-7b.yaml
git --no-pager diff --stat -- Examples/expected || true
"$bin" sweep Examples/quantization-sweep.yaml -o Examples/expected/quantization-sweep > Examples/expected/quantization-sweep.txt
"$bin" predict --model llama-3.1-70b --hardware nvidia-h100-sxm --tp 4 --weights fp8 --kv fp8 --input 1024 --output 128 --batch 64 --explain \
  > Examples/expected/predict-llama-3.1-70b-h100.txt
"$bin" validate --kernels Examples/kernel-measurements.csv > Examples/expected/validate-kernels.txt
"$bin" simulate Examples/rent-vs-own.yaml > Examples/expected/simulate-rent-vs-own.txt
"$bin" simulate Examples/trace-replay.yaml > Examples/expected/simulate-trace-replay.txt
"$bin" simulate Examples/speculative-decoding.yaml > Examples/expected/simulate-speculative-decoding.txt
"$bin" simulate Examples/disaggregation.yaml > Examples/expected/simulate-disaggregation.txt
"$bin" simulate Examples/capped-client.yaml > Examples/expected/simulate-capped-client.txt
"$bin" simulate Examples/harness-batching.yaml > Examples/expected/simulate-harness-batching.txt
"$bin" capacity Examples/rent-vs-own.yaml > Examples/expected/capacity-rent-vs-own.txt
"$bin" cost Examples/rent-vs-own.yaml > Examples/expected/cost-rent-vs-own.txt
"$bin" compare Examples/rent-vs-own.yaml -o Examples/expected/compare-rent-vs-own > Examples/expected/compare-rent-vs-own.txt
# Only the table, the CSVs and the JSON are compared by the tests; the HTML and Markdown are checked by structure.
rm -f Examples/expected/compare-rent-vs-own/comparison.html Examples/expected/compare-rent-vs-own/comparison.md
"$bin" plan Examples/power-budget.yaml -o Examples/expected/plan-power-budget > Examples/expected/plan-power-budget.txt
"$bin" compare Examples/hybrid-peak.yaml > Examples/expected/compare-hybrid-peak.txt
