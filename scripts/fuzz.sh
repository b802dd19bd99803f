#!/usr/bin/env bash
# Builds the libFuzzer targets of Fuzz/ (instrumented with libFuzzer and AddressSanitizer, in .build-fuzz/)
# and runs one of them, or each in turn, for SECONDS, then prints executions and crashes per target.
#
#   scripts/fuzz.sh TARGET|all SECONDS [libFuzzer flags...]   TARGET: scenario, simulation, measurement, unit, profile
#
# Seeds are read from Fuzz/corpus/<target>/ and never written; tokens come from Fuzz/dictionaries/<target>.dict.
# Inputs that reach new code are kept in .build-fuzz/corpus/<target>/, and a crashing, hanging or
# memory-exhausting input is written to .build-fuzz/artifacts/<target>/ (replay it with
# .build-fuzz/release/<Target>Fuzzer FILE, or with a plain `swift build --package-path Fuzz` binary).
# Run it niced on a shared machine: nice -n 10 scripts/fuzz.sh all 600. Exits non-zero when a target found
# a problem.
set -euo pipefail
cd "$(dirname "$0")/.."

targets=(scenario simulation measurement unit profile)
usage() { echo "usage: scripts/fuzz.sh ${targets[*]// /|}|all SECONDS [libFuzzer flags...]" >&2; exit 64; }
[[ $# -ge 2 && "$2" =~ ^[0-9]+$ ]] || usage
selected=("$1"); [[ "$1" == all ]] && selected=("${targets[@]}")
seconds=$2; shift 2
for target in "${selected[@]}"; do [[ " ${targets[*]} " == *" $target "* ]] || usage; done

scratch=.build-fuzz
swift build -c release --package-path Fuzz --scratch-path "$scratch" \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING -Xcc -fsanitize=fuzzer-no-link,address 2>&1 | grep -v "__asan_extra_spill_area" >&2

# Longest input tried: room for the largest seed of the target (the kernel measurements and price sheets
# are 12–15 kB) and some growth.
max_length() {
    case $1 in unit) echo 256 ;; *) echo 16384 ;; esac
}

status=0
summary=()
for target in "${selected[@]}"; do
    binary="$scratch/release/${target^}Fuzzer"
    work="$scratch/corpus/$target" artifacts="$scratch/artifacts/$target" log="$scratch/logs/$target.log"
    mkdir -p "$work" "$artifacts" "$(dirname "$log")"
    echo "fuzzing $target for $seconds s (log: $log)" >&2
    set +e
    "$binary" "$work" "Fuzz/corpus/$target" -dict="Fuzz/dictionaries/$target.dict" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
        -max_len="$(max_length "$target")" -detect_leaks=0 -print_final_stats=1 -artifact_prefix="$artifacts/" "$@" \
        >"$log" 2>&1
    code=$?
    set -e
    executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    runtime=$(sed -n 's/^Done [0-9]* runs in \([0-9]*\) second.*/\1/p' "$log" | tail -1)
    summary+=("$(printf '%-12s executions %-10s seconds %-5s crashes %s' "$target" "${executions:-?}" "${runtime:-?}" \
        "$([[ $code -eq 0 ]] && echo 0 || echo "1 (exit $code; see $log and $artifacts/)")")")
    [[ $code -eq 0 ]] || status=1
done
printf '%s\n' "${summary[@]}"
exit $status
