#!/usr/bin/env bash
# Runs the calculus benchmark: calcbench (release build) and SymPy and SymEngine on the
# same workload, printing per-expression times, ratios and result sizes.
#
# usage: Benchmarks/calc/run.sh [WORKLOAD]   (default: Benchmarks/calc/workload.txt)
# CALC_ROUNDS (default 3): rounds of calcbench, SymEngine and SymPy, alternating.
# Writes Benchmarks/calc/results/calcbench.*.jsonl, symengine.*.json, sympy.*.json and
# comparison.tsv (git-ignored output).
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/lib.sh
pip_need "${TEST_PIP[@]}" "${BENCH_PIP[@]}"

workload="${1:-Benchmarks/calc/workload.txt}"
scratch="${CALCBENCH_SCRATCH:-.build-release}"
out="Benchmarks/calc/results"
mkdir -p "$out"

# Built as coursegen ships (RELEASE_FLAGS: release, the Swift runtime linked statically).
swift build "${RELEASE_FLAGS[@]}" --product calcbench --scratch-path "$scratch"
bin="$(swift build "${RELEASE_FLAGS[@]}" --product calcbench --scratch-path "$scratch" --show-bin-path)/calcbench"

# Rounds alternate: calcbench, SymEngine, SymPy, then calcbench again ...; compare.py
# takes per expression each tool's fastest round, so a drift of the machine's speed during
# the run falls on all three alike. (SymPy's cache is cleared before each expression.)
rounds="${CALC_ROUNDS:-3}"
status=0
ours_files=()
symengine_files=()
sympy_files=()
for round in $(seq 1 "$rounds"); do
    "$bin" "$workload" --repeat 5 > "$out/calcbench.$round.jsonl" || status=$?
    ours_files+=("$out/calcbench.$round.jsonl")
    python3 Benchmarks/calc/compare.py --time-symengine "$workload" "$out/symengine.$round.json"
    symengine_files+=("$out/symengine.$round.json")
    python3 Benchmarks/calc/compare.py --time-sympy "$workload" "$out/sympy.$round.json"
    sympy_files+=("$out/sympy.$round.json")
done
cp "$out/calcbench.1.jsonl" "$out/calcbench.jsonl"
if [ "$status" -ne 0 ]; then
    echo "note: calcbench reported failures (exit $status); see $out/calcbench.*.jsonl" >&2
fi
python3 Benchmarks/calc/compare.py "$workload" "${ours_files[@]}" --symengine "${symengine_files[@]}" \
    --sympy "${sympy_files[@]}" --tsv "$out/comparison.tsv"
