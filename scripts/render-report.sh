#!/usr/bin/env bash
# Renders an HTML report in headless Chromium and writes a PNG screenshot of the whole page, to check that
# the report opens offline and its charts are visible. Installs Debian's chromium if it is missing.
#   scripts/render-report.sh report/comparison.html report/comparison.png
set -euo pipefail
html=${1:?usage: scripts/render-report.sh REPORT.html OUT.png}
png=${2:?usage: scripts/render-report.sh REPORT.html OUT.png}
if ! command -v chromium >/dev/null 2>&1; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q chromium >&2
fi
# Tall enough for every chart; the page is at most 1100 px wide.
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1200,5200 \
  --screenshot="$(realpath -m "$png")" "file://$(realpath "$html")" >/dev/null 2>&1
test -s "$png"
echo "wrote $png"
