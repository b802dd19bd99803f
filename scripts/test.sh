#!/usr/bin/env bash
# Every test: install what is missing, then build and run the whole suite (unit tests, and the CLI
# tests that run the built binary on Examples/ against checked-in expected output).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-dependencies.sh
swift build --build-tests
swift test --skip-build "$@"
