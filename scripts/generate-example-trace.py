#!/usr/bin/env python3
"""Writes Examples/traces/bursty-chat.jsonl: a synthetic Mooncake-format trace (not recorded from any system).

300 requests over about two minutes: a calm phase at ~1.5 requests/s, a burst at ~8 requests/s, then calm again
(exponential gaps within each phase). Prompts are lognormal (median ~1200 tokens, capped at 8000) and start with
one of four shared system prompts; outputs are lognormal (median ~180 tokens, capped at 1500). `hash_ids` name
512-token blocks as Mooncake does: blocks of a shared system prompt carry the same ids in every request.

Deterministic: its own SplitMix64 generator with seed 2025, so the file is identical on every machine and Python
version. Run from the repository root: python3 scripts/generate-example-trace.py
"""
import json
import math

MASK = (1 << 64) - 1


class SplitMix64:
    def __init__(self, seed):
        self.state = seed & MASK

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)

    def unit(self):
        """Uniform in (0, 1)."""
        return ((self.next() >> 11) + 0.5) / float(1 << 53)

    def exponential(self, mean):
        return -mean * math.log(self.unit())

    def normal(self):
        return math.sqrt(-2 * math.log(self.unit())) * math.cos(2 * math.pi * self.unit())

    def lognormal(self, median, sigma):
        return median * math.exp(sigma * self.normal())


BLOCK = 512
SYSTEM_PROMPTS = [1024, 512, 2048, 0]  # shared prefix lengths in tokens (one without a shared prefix)
PHASES = [(120, 1.5), (120, 8.0), (60, 1.5)]  # (requests, requests per second)


def main():
    random = SplitMix64(2025)
    next_hash = 0
    system_blocks = []
    for length in SYSTEM_PROMPTS:
        blocks = list(range(next_hash, next_hash + length // BLOCK))
        next_hash += len(blocks)
        system_blocks.append(blocks)
    time = 0.0
    lines = []
    for count, rate in PHASES:
        for _ in range(count):
            if lines:
                time += random.exponential(1.0 / rate)
            system = int(random.unit() * len(SYSTEM_PROMPTS))
            prompt = min(8000, max(16, round(random.lognormal(1200, 0.8))))
            prompt = max(prompt, SYSTEM_PROMPTS[system] + 16)
            output = min(1500, max(1, round(random.lognormal(180, 0.9))))
            shared = system_blocks[system]
            own = math.ceil(prompt / BLOCK) - len(shared)
            hash_ids = shared + list(range(next_hash, next_hash + own))
            next_hash += own
            lines.append(json.dumps({"timestamp": round(time * 1000), "input_length": prompt,
                                     "output_length": output, "hash_ids": hash_ids}))
    with open("Examples/traces/bursty-chat.jsonl", "w") as handle:
        handle.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
