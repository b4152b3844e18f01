"""The whole figure: coursegen's SVG next to matplotlib writing the same figure to SVG.

Runs `plotbench figure` (path given as the first argument), which prints one JSON line per
figure with its levels and timings. For each figure this script times matplotlib doing
the same work: sample f on the same grid, draw the same 12-level request's levels with
labels, a 13x13 gradient field, the 25-step descent path with its start and end marked,
a labelled mark and a legend, on equal-aspect axes, and write SVG to memory. It prints
both times, the ratio and both file sizes.
"""

import io
import json
import subprocess
import sys
import time

import matplotlib

matplotlib.use("svg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

FUNCTIONS = {
    "bowl": (lambda x, y: x**2 + 2 * y**2, lambda x, y: (2 * x, 4 * y)),
    "sincos": (
        lambda x, y: np.sin(x) * np.cos(y),
        lambda x, y: (np.cos(x) * np.cos(y), -np.sin(x) * np.sin(y)),
    ),
    "gauss": (
        lambda x, y: x * y * np.exp(-(x**2) - y**2),
        lambda x, y: (
            y * (1 - 2 * x**2) * np.exp(-(x**2) - y**2),
            x * (1 - 2 * y**2) * np.exp(-(x**2) - y**2),
        ),
    ),
}

# plotbench's descent settings, per figure.
DESCENT = {"bowl": ((2.6, 2.2), 0.1), "sincos": ((0.4, 0.6), 0.3), "gauss": ((0.2, -0.3), 0.5)}


def draw(case):
    """One complete figure, returned as SVG bytes."""
    f, gradient = FUNCTIONS[case["function"]]
    n = case["grid"]
    xs = np.linspace(case["x"][0], case["x"][1], n)
    ys = np.linspace(case["y"][0], case["y"][1], n)
    x, y = np.meshgrid(xs, ys)
    z = f(x, y)

    fig, ax = plt.subplots(figsize=(4.5, 4.5))
    ax.set_aspect("equal")
    contours = ax.contour(x, y, z, levels=case["levels"], cmap="viridis", linewidths=1)
    ax.clabel(contours, fontsize=7, inline=True)

    k = case["field"]
    fx = np.linspace(case["x"][0], case["x"][1], k)
    fy = np.linspace(case["y"][0], case["y"][1], k)
    gx, gy = np.meshgrid(fx, fy)
    u, v = gradient(gx, gy)
    ax.quiver(gx, gy, u, v, angles="xy", color="0.35", label="gradient")

    (start, rate) = DESCENT[case["function"]]
    path = [start]
    p = np.array(start)
    for _ in range(25):
        p = p - rate * np.array(gradient(p[0], p[1]))
        path.append(tuple(p))
    path = np.array(path)
    ax.plot(path[:, 0], path[:, 1], "o-", color="tab:red", markersize=3, linewidth=1.2, label="descent path")
    ax.plot(*path[0], "s", color="tab:red", markersize=6)
    ax.plot(*path[-1], "*", color="tab:red", markersize=9)

    ax.plot(0, 0, "kx")
    ax.annotate("origin", (0, 0), textcoords="offset points", xytext=(5, 5))
    ax.set_xlim(case["x"])
    ax.set_ylim(case["y"])
    ax.set_xlabel("x")
    ax.set_ylabel("y")
    ax.legend(loc="upper right", fontsize=7)

    buffer = io.BytesIO()
    fig.savefig(buffer, format="svg")
    plt.close(fig)
    return buffer.getvalue()


def time_it(work, minimum_runs=5, minimum_seconds=1.0):
    samples = []
    result = None
    while len(samples) < minimum_runs or sum(samples) < minimum_seconds:
        start = time.perf_counter()
        result = work()
        samples.append(time.perf_counter() - start)
    samples.sort()
    return samples[0], result


def swift_cases(plotbench):
    output = subprocess.run([plotbench, "figure"], check=True, capture_output=True, text=True).stdout
    return [json.loads(line) for line in output.splitlines() if line.startswith("{")]


def main():
    plotbench = sys.argv[1]
    # Alternating rounds, best per side, as in contours.py.
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 2
    cases = swift_cases(plotbench)
    draw(cases[0])  # warm up font caches and imports outside the timing
    peer = {}
    for round_index in range(rounds):
        if round_index > 0:
            for case, new in zip(cases, swift_cases(plotbench)):
                case["best_seconds"] = min(case["best_seconds"], new["best_seconds"])
        for index, case in enumerate(cases):
            best, svg = time_it(lambda: draw(case))
            if index not in peer or best < peer[index][0]:
                peer[index] = (best, svg)
    print(f"whole figure to SVG, best of {rounds} rounds of repeated runs (matplotlib {matplotlib.__version__})")
    header = f"{'function':<20} {'coursegen ms':>13} {'matplotlib ms':>14} {'ratio':>8} {'coursegen bytes':>16} {'matplotlib bytes':>17}"
    print(header)
    print("-" * len(header))
    lowest = None
    for index, case in enumerate(cases):
        best, svg = peer[index]
        ours = case["best_seconds"]
        ratio = best / ours
        lowest = ratio if lowest is None else min(lowest, ratio)
        print(
            f"{case['formula']:<20} {ours * 1e3:>13.2f} {best * 1e3:>14.1f} {ratio:>7.0f}x "
            f"{case['svg_bytes']:>16} {len(svg):>17}"
        )
    print(f"ratio = matplotlib time / coursegen time; lowest {lowest:.0f}x")


if __name__ == "__main__":
    main()
