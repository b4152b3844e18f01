#!/usr/bin/env bash
# Runs the calculus benchmark: calcbench (release build) and SymPy and SymEngine on the
# same workload, printing per-expression times, ratios and result sizes.
#
# usage: Benchmarks/calc/run.sh [WORKLOAD]   (default: Benchmarks/calc/workload.txt)
# Writes Benchmarks/calc/results/calcbench.jsonl and comparison.tsv (git-ignored output).
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/lib.sh
pip_need "${TEST_PIP[@]}" "${BENCH_PIP[@]}"

workload="${1:-Benchmarks/calc/workload.txt}"
scratch="${CALCBENCH_SCRATCH:-.build-release}"
out="Benchmarks/calc/results"
mkdir -p "$out"

swift build -c release --product calcbench --scratch-path "$scratch"
bin="$(swift build -c release --product calcbench --scratch-path "$scratch" --show-bin-path)/calcbench"

status=0
"$bin" "$workload" --repeat 5 > "$out/calcbench.jsonl" || status=$?
if [ "$status" -ne 0 ]; then
    echo "note: calcbench reported failures (exit $status); see $out/calcbench.jsonl" >&2
fi
python3 Benchmarks/calc/compare.py "$workload" "$out/calcbench.jsonl" --tsv "$out/comparison.tsv"
