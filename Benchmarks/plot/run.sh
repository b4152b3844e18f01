#!/usr/bin/env bash
# Builds plotbench in release mode and runs both plotting benchmarks next to their
# Python peers (contourpy for contour extraction, matplotlib for the whole figure).
# Usage: Benchmarks/plot/run.sh [contours|figure]   (both when no argument)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
scratch="${PLOTBENCH_SCRATCH:-$root/.build-plotbench}"
cd "$root"
swift build -c release --product plotbench --scratch-path "$scratch" >&2
bin="$scratch/release/plotbench"
what="${1:-all}"
if [[ "$what" == all || "$what" == contours ]]; then
    python3 Benchmarks/plot/contours.py "$bin"
    echo
fi
if [[ "$what" == all || "$what" == figure ]]; then
    python3 Benchmarks/plot/figure.py "$bin"
fi
