#!/usr/bin/env python3
"""Refreshes the README code blocks that start with `$ fleetsim ARGS` for the commands in REFRESHED with the output of
the debug binary run in the repository root, so the README shows real output. Review the diff."""
import re, shlex, subprocess, pathlib
root = pathlib.Path(__file__).resolve().parent.parent
readme = root / "README.md"
# Blocks of one command whose output is refreshed (others mix several commands or write files).
REFRESHED = {
    "compare Examples/rent-vs-own.yaml", "simulate Examples/rent-vs-own.yaml", "capacity Examples/rent-vs-own.yaml",
    "plan Examples/power-budget.yaml", "cost Examples/rent-vs-own.yaml", "compare Examples/hybrid-peak.yaml",
    "simulate Examples/speculative-decoding.yaml", "simulate Examples/disaggregation.yaml",
    "simulate Examples/capped-client.yaml", "simulate Examples/harness-batching.yaml",
}
text = readme.read_text()
def refresh(match):
    command = match.group(1)
    if command not in REFRESHED:
        return match.group(0)
    result = subprocess.run([str(root / ".build/debug/fleetsim")] + shlex.split(command), cwd=root, capture_output=True, text=True)
    output = result.stdout if result.returncode == 0 else result.stdout + result.stderr
    return "```\n$ fleetsim " + command + "\n" + output.rstrip("\n") + "\n```"
text = re.sub(r"```\n\$ fleetsim ([^\n]*)\n.*?```", refresh, text, flags=re.S)
readme.write_text(text)
