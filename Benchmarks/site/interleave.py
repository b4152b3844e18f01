#!/usr/bin/env python3
"""Times commands in alternation: one run of each in turn, round after round.

On a shared virtual machine the speed of the cores drifts over minutes, and a tool timed
in a block of runs after another tool's block can meet other conditions than the first.
Alternating gives both the same conditions on average, so the ratio of their medians is
the steadier comparison. Each run is preceded by its own prepare command (untimed).

Usage: interleave.py --rounds N [--warmup N] [--json FILE] NAME PREPARE COMMAND [NAME PREPARE COMMAND ...]

Prints, per command, the median, mean and minimum wall time and the mean user+system CPU
time of its runs (from the children's rusage), and writes them to FILE as JSON.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time


def run(command: str) -> tuple[float, float]:
    """Wall and CPU seconds of one run of `command` (through the shell)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command, shell=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        sys.exit(f"interleave.py: '{command}' exited with {done.returncode}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, required=True)
    parser.add_argument("--warmup", type=int, default=1)
    parser.add_argument("--json")
    parser.add_argument("triples", nargs="+")
    args = parser.parse_args()
    if len(args.triples) % 3:
        sys.exit("interleave.py: give NAME PREPARE COMMAND for each command")
    commands = [args.triples[i:i + 3] for i in range(0, len(args.triples), 3)]
    walls: dict[str, list[float]] = {name: [] for name, _, _ in commands}
    cpus: dict[str, list[float]] = {name: [] for name, _, _ in commands}
    for round_number in range(args.warmup + args.rounds):
        for name, prepare, command in commands:
            subprocess.run(prepare, shell=True, check=True)
            wall, cpu = run(command)
            if round_number >= args.warmup:
                walls[name].append(wall)
                cpus[name].append(cpu)
    results = []
    for name, _, command in commands:
        times = walls[name]
        results.append({
            "name": name, "command": command, "runs": len(times),
            "median": statistics.median(times), "mean": statistics.mean(times), "min": min(times),
            "cpu": statistics.mean(cpus[name]), "times": times,
        })
        print(f"{name + ':':22} median {statistics.median(times):.3f} s, mean {statistics.mean(times):.3f} s, "
              f"min {min(times):.3f} s, CPU {statistics.mean(cpus[name]):.3f} s ({len(times)} runs)")
    if args.json:
        with open(args.json, "w") as out:
            json.dump({"rounds": args.rounds, "warmup": args.warmup, "results": results}, out, indent=1)


if __name__ == "__main__":
    main()
