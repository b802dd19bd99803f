#!/usr/bin/env bash
# The main job on a bundled example: install what is missing, build, and run fleetsim on
# Examples/rent-vs-own.yaml (`fleetsim compare`: the comparison table of every option). Extra arguments go to fleetsim instead of the default command.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-dependencies.sh
swift build -c release --product fleetsim >&2
fleetsim=".build/release/fleetsim"
if [ "$#" -gt 0 ]; then exec "$fleetsim" "$@"; fi
exec "$fleetsim" compare Examples/rent-vs-own.yaml
