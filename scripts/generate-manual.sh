#!/usr/bin/env bash
# Regenerates the man page docs/man/fleetsim.1 from the command definitions, with swift-argument-parser's
# GenerateManual plugin (part of the argument-parser dependency; no network needed). The page is dated with
# the last commit that changed the CLI, so regenerating an unchanged CLI gives the same bytes. Review the diff.
# Read it with: man docs/man/fleetsim.1
set -euo pipefail
cd "$(dirname "$0")/.."
date=$(git log -1 --format=%cs -- Sources/fleetsim 2>/dev/null || true)
date=${date:-$(date +%F)}
swift package plugin generate-manual --configuration debug --date "$date"
generated=.build/plugins/GenerateManual/outputs/fleetsim/fleetsim.1
if [[ ! -f $generated ]]; then
  generated=$(find .build/plugins -name fleetsim.1 -newer Package.swift | head -n 1)
fi
mkdir -p docs/man
cp "$generated" docs/man/fleetsim.1
git --no-pager diff --stat -- docs/man || true
