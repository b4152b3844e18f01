"""Contour extraction: coursegen's tracer next to contourpy, on the same grids and levels.

Runs `plotbench contours` (path given as the first argument), which prints one JSON line
per case with the grid, the 12 levels and its timings. For each case this script samples
the same function on the same grid with numpy, then times contourpy's serial algorithm
(generator construction plus all 12 levels; sampling excluded, as on the Swift side) and
prints both with their ratio.
"""

import json
import statistics
import subprocess
import sys
import time

import contourpy
import numpy as np

FUNCTIONS = {
    "bowl": lambda x, y: x**2 + 2 * y**2,
    "sincos": lambda x, y: np.sin(x) * np.cos(y),
    "gauss": lambda x, y: x * y * np.exp(-(x**2) - y**2),
}

# The line type closest to what the Swift tracer returns: one point array per line.
LINE_TYPE = contourpy.LineType.Separate
# contourpy's fastest line type (all lines of a level in one array plus offsets), shown too.
FAST_LINE_TYPE = contourpy.LineType.ChunkCombinedOffset


def time_it(work, minimum_runs=5, minimum_seconds=0.3):
    """Best and median seconds of repeated runs, like plotbench's Stopwatch."""
    samples = []
    while len(samples) < minimum_runs or sum(samples) < minimum_seconds:
        start = time.perf_counter()
        work()
        samples.append(time.perf_counter() - start)
    samples.sort()
    return samples[0], samples[len(samples) // 2]


def contourpy_case(case, line_type):
    n = case["n"]
    xs = np.linspace(case["x"][0], case["x"][1], n)
    ys = np.linspace(case["y"][0], case["y"][1], n)
    x, y = np.meshgrid(xs, ys)
    z = FUNCTIONS[case["function"]](x, y)
    levels = case["levels"]
    result = {}

    def work():
        generator = contourpy.contour_generator(xs, ys, z, name="serial", line_type=line_type)
        result["lines"] = generator.multi_lines(levels)

    best, median = time_it(work)
    lines = result["lines"]
    if line_type == contourpy.LineType.Separate:
        count = sum(len(level) for level in lines)
    else:
        count = None
    return best, median, count


def swift_cases(plotbench):
    output = subprocess.run([plotbench, "contours"], check=True, capture_output=True, text=True).stdout
    return [json.loads(line) for line in output.splitlines() if line.startswith("{")]


def main():
    plotbench = sys.argv[1]
    # Both sides run in alternating rounds and keep their best time per case, so a burst
    # of load on the (shared) machine does not land on one side only.
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    cases = None
    peer = {}
    for _ in range(rounds):
        fresh = swift_cases(plotbench)
        if cases is None:
            cases = fresh
        else:
            for case, new in zip(cases, fresh):
                case["best_seconds"] = min(case["best_seconds"], new["best_seconds"])
        for index, case in enumerate(cases):
            separate = contourpy_case(case, LINE_TYPE)
            combined = contourpy_case(case, FAST_LINE_TYPE)
            if index in peer:
                old_separate, old_combined = peer[index]
                separate = min(separate, old_separate, key=lambda r: r[0])
                combined = min(combined, old_combined, key=lambda r: r[0])
            peer[index] = (separate, combined)
    print(f"contour extraction, 12 levels, best of {rounds} rounds of repeated runs (contourpy {contourpy.__version__}, serial)")
    header = (
        f"{'function':<20} {'grid':>10} {'coursegen ms':>13} {'contourpy ms':>13} {'ratio':>7} {'lines':>11}"
        f" {'combined ms':>12} {'ratio':>7}"
    )
    print(header)
    print("-" * len(header))
    slowest = None
    for index, case in enumerate(cases):
        (best, _, count), (fast, _, _) = peer[index]
        ours = case["best_seconds"]
        ratio = best / ours
        slowest = min(ratio, fast / ours) if slowest is None else min(slowest, ratio, fast / ours)
        grid = f"{case['n']}x{case['n']}"
        lines = f"{case['lines']}/{count}"
        print(
            f"{case['formula']:<20} {grid:>10} {ours * 1e3:>13.3f} {best * 1e3:>13.3f} {ratio:>6.2f}x {lines:>11}"
            f" {fast * 1e3:>12.3f} {fast / ours:>6.2f}x"
        )
    print(f"ratio = contourpy time / coursegen time (higher is better for coursegen); lowest {slowest:.2f}x")
    print("contourpy ms: line_type Separate (one array per line, like coursegen's ContourLine);")
    print("combined ms: line_type ChunkCombinedOffset, contourpy's fastest; lines = coursegen/contourpy")


if __name__ == "__main__":
    main()
