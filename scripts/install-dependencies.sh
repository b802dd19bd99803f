#!/usr/bin/env bash
# Installs what FleetSim needs beyond Swift: OpenBLAS (Debian's libopenblas-dev), only when it is missing.
set -euo pipefail
if pkg-config --exists openblas 2>/dev/null && [ -e "$(pkg-config --variable=libdir openblas)/libopenblas.so" ]; then
  exit 0
fi
echo "fleetsim: installing libopenblas-dev (OpenBLAS, CBLAS and LAPACK) with apt-get" >&2
if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq libopenblas-dev pkg-config >/dev/null
