#!/usr/bin/env bash
# Site-build benchmark: times `coursegen build` (release) against `hugo` on the same
# synthetic 200-lesson course, side by side in one hyperfine run, and prints both means
# and the ratio Hugo/coursegen. See docs/BENCHMARKS.md, section "Site build".
#
# Usage: Benchmarks/site/run.sh [--lessons N] [--words N] [--seed N] [--runs N]
#                               [--warmup N] [--templates DIR] [--on DIR] [--keep]
#                               [--calc-blocks]
# --on DIR: the folder the course and both outputs are written under (default /dev/shm
# when it is a writable tmpfs, else $TMPDIR or /tmp).
# --calc-blocks: five calc blocks per lesson in coursegen's copy (Hugo builds the plain
# course); coursegen is timed cold (no cache), warm (everything cached) and after one
# lesson was edited, next to Hugo.
# Environment: SWIFT_SCRATCH  the SwiftPM scratch path (default .build)
#              COURSEGEN      a coursegen binary to time instead of building one
#              BENCH_RESULTS  where hyperfine.json and summary.txt go
#                             (default TestArtifacts/bench-site)
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
source scripts/lib.sh

LESSONS=200
WORDS=1500
SEED=2026
RUNS=5
WARMUP=1
TEMPLATES="$ROOT/Templates"
KEEP=0
CALC=0
ON=${TMPDIR:-/tmp}
if [ -d /dev/shm ] && [ -w /dev/shm ] && [ "$(stat -f -c %T /dev/shm)" = tmpfs ]; then ON=/dev/shm; fi
while [ $# -gt 0 ]; do
    case "$1" in
        --lessons) LESSONS=$2; shift 2 ;;
        --words) WORDS=$2; shift 2 ;;
        --seed) SEED=$2; shift 2 ;;
        --runs) RUNS=$2; shift 2 ;;
        --warmup) WARMUP=$2; shift 2 ;;
        --templates) TEMPLATES=$(cd "$2" && pwd); shift 2 ;;
        --on) ON=$2; shift 2 ;;
        --keep) KEEP=1; shift ;;
        --calc-blocks) CALC=1; shift ;;
        -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
        *) echo "run.sh: unknown option $1" >&2; exit 2 ;;
    esac
done

apt_need "${BUILD_APT[@]}" "${BENCH_APT[@]}" python3

if [ -n "${COURSEGEN:-}" ]; then
    echo "==> using COURSEGEN=$COURSEGEN (not building)"
else
    SCRATCH=${SWIFT_SCRATCH:-.build}
    echo "==> swift build ${RELEASE_FLAGS[*]} --product coursegen --scratch-path $SCRATCH"
    swift build "${RELEASE_FLAGS[@]}" --product coursegen --scratch-path "$SCRATCH"
    COURSEGEN="$(swift build "${RELEASE_FLAGS[@]}" --scratch-path "$SCRATCH" --show-bin-path)/coursegen"
fi

if [ "$CALC" -eq 1 ]; then
    RESULTS=${BENCH_RESULTS:-$ROOT/TestArtifacts/bench-site-calc}
else
    RESULTS=${BENCH_RESULTS:-$ROOT/TestArtifacts/bench-site}
fi
mkdir -p "$RESULTS"
WORK=$(mktemp -d "$ON/coursegen-bench.XXXXXX")
if [ "$KEEP" -eq 0 ]; then
    trap 'rm -rf "$WORK"' EXIT
else
    echo "==> keeping $WORK"
fi

echo "==> generating the course into $WORK"
CALC_FLAG=()
[ "$CALC" -eq 1 ] && CALC_FLAG=(--calc-blocks)
GENERATED=$(python3 Benchmarks/site/generate.py --out "$WORK/course" \
    --lessons "$LESSONS" --words "$WORDS" --seed "$SEED" "${CALC_FLAG[@]}")
echo "$GENERATED"

# The two commands under test. Each starts from no output folder: coursegen refuses to
# replace a folder it did not create, and a fresh folder keeps both tools honest.
CG_OUT="$WORK/out-coursegen"
HUGO_OUT="$WORK/out-hugo"
CG_CMD="'$COURSEGEN' build --content '$WORK/course/content' --templates '$TEMPLATES' --output '$CG_OUT'"
HUGO_CMD="hugo --quiet --source '$WORK/course/hugo' --destination '$HUGO_OUT'"

# One untimed build of each, checked, so that a tool failing fast is not timed as fast.
echo "==> checking both builds"
for name in coursegen hugo; do
    if [ "$name" = coursegen ]; then cmd=$CG_CMD; out=$CG_OUT; else cmd=$HUGO_CMD; out=$HUGO_OUT; fi
    rm -rf "$out"
    if ! eval "$cmd" >"$WORK/$name.log" 2>&1; then
        echo "run.sh: $name failed on the synthetic course:" >&2
        head -40 "$WORK/$name.log" >&2
        exit 1
    fi
    pages=$(find "$out" -name '*.html' | wc -l)
    echo "    $name: $pages HTML pages, $(du -sh "$out" | cut -f1)"
    if [ "$pages" -lt "$LESSONS" ]; then
        echo "run.sh: $name wrote $pages HTML pages for $LESSONS lessons" >&2
        exit 1
    fi
done

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
echo "==> hyperfine --warmup $WARMUP --runs $RUNS"
if [ "$CALC" -eq 0 ]; then
    hyperfine --warmup "$WARMUP" --runs "$RUNS" --export-json "$RESULTS/hyperfine.json" \
        --command-name hugo --prepare "rm -rf '$HUGO_OUT'" "$HUGO_CMD" \
        --command-name coursegen --prepare "rm -rf '$CG_OUT'" "$CG_CMD"
    # The same two commands again, alternating run by run (see interleave.py): the ratio
    # of the medians is the figure reported, as drift of the machine's speed then falls
    # on both tools alike.
    echo "==> interleaved, $(( RUNS * 2 )) rounds"
    python3 Benchmarks/site/interleave.py --rounds $(( RUNS * 2 )) --warmup "$WARMUP" \
        --json "$RESULTS/interleaved.json" \
        hugo "rm -rf '$HUGO_OUT'" "$HUGO_CMD" \
        coursegen "rm -rf '$CG_OUT'" "$CG_CMD"
else
    # cold: no output folder, so no cache: every block is evaluated and verified.
    # warm: the previous output and its cache stay: nothing is evaluated.
    # one lesson: before each run one lesson's first worked example is edited (its point
    # moves), so that lesson's text, one block and its LaTeX change, as when an author
    # saves a file. `edit_one` alternates between two versions of the lesson; the cache
    # keeps only the entries the last build used, so both versions miss it every time.
    EDITED=$(ls "$WORK/course/content"/*.md | sed -n "$(( (LESSONS + 1) / 2 ))p")
    cp "$EDITED" "$WORK/edited.a"
    python3 - "$EDITED" "$WORK/edited.b" <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
# The first point of the lesson's first `at (P, Q)`: P moves by one.
edited, count = re.subn(r"at \((-?\d+), ", lambda m: f"at ({int(m.group(1)) + 1}, ", text, count=1)
assert count == 1, "no point to edit"
open(sys.argv[2], "w", encoding="utf-8").write(edited)
PY
    EDIT_CMD="if cmp -s '$EDITED' '$WORK/edited.a'; then cp '$WORK/edited.b' '$EDITED'; else cp '$WORK/edited.a' '$EDITED'; fi"
    rm -rf "$CG_OUT"; eval "$CG_CMD" >/dev/null
    hyperfine --warmup "$WARMUP" --runs "$RUNS" --export-json "$RESULTS/hyperfine.json" \
        --command-name hugo --prepare "rm -rf '$HUGO_OUT'" "$HUGO_CMD" \
        --command-name "coursegen cold" --prepare "rm -rf '$CG_OUT'" "$CG_CMD" \
        --command-name "coursegen warm" --prepare "true" "$CG_CMD" \
        --command-name "coursegen one lesson" --prepare "$EDIT_CMD" "$CG_CMD"
    cp "$WORK/edited.a" "$EDITED"
fi
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

# The floor: libcmark alone turning the same lessons into HTML, one thread, in memory.
FLOOR=$(python3 Benchmarks/site/cmark_floor.py "$WORK/course/content")

CPU=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
{
    echo "machine:    $(uname -srm), $(nproc) cores (nproc), ${CPU:-unknown CPU}"
    echo "hugo:       $(hugo version | cut -d' ' -f1-2)"
    echo "coursegen:  $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- Sources Templates || echo '+changes'), $(swift --version 2>&1 | grep -m1 -o 'Swift version [^ ]*'), libcmark $(pkg-config --modversion libcmark)"
    echo "hyperfine:  $(hyperfine --version | cut -d' ' -f2), --warmup $WARMUP --runs $RUNS"
    echo "course:     $GENERATED"
    echo "written on: $ON ($(stat -f -c %T "$ON"))"
    echo "load avg:   $LOAD_BEFORE before, $LOAD_AFTER after (above $(nproc), other work shared the cores)"
    echo "floor:      $FLOOR"
    python3 - "$RESULTS/hyperfine.json" "$CALC" "$RESULTS/interleaved.json" <<'PY'
import json, os, sys
results = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
calc = sys.argv[2] == "1"
names = ["hugo", "coursegen cold", "coursegen warm", "coursegen one lesson"] if calc else ["hugo", "coursegen"]
for name in names:
    r = results[name]
    cores = (r["user"] + r["system"]) / r["mean"]
    print(f"{name + ':':22} mean {r['mean']:.3f} s ± {r['stddev']:.3f} s "
          f"(min {r['min']:.3f} s, user {r['user']:.3f} s, system {r['system']:.3f} s, "
          f"CPU/wall {cores:.2f})")
hugo = results["hugo"]["mean"]
if not calc:
    ratio = hugo / results["coursegen"]["mean"]
    print(f"ratio:      Hugo/coursegen = {ratio:.2f}x (hyperfine means, one block of runs after the other)")
    inter = {r["name"]: r for r in json.load(open(sys.argv[3]))["results"]}
    for name in ("hugo", "coursegen"):
        r = inter[name]
        print(f"{name + ' alternating:':22} median {r['median']:.3f} s, mean {r['mean']:.3f} s, "
              f"min {r['min']:.3f} s, CPU {r['cpu']:.3f} s ({r['runs']} runs)")
    alternating = inter["hugo"]["median"] / inter["coursegen"]["median"]
    verdict = "meets" if alternating >= 5 else "misses"
    print(f"alternating: Hugo/coursegen = {alternating:.2f}x, ratio of the medians of runs taken in turn "
          f"({verdict} the 5x target)")
    cpu = {n: results[n]["user"] + results[n]["system"] for n in ("hugo", "coursegen")}
    print(f"CPU ratio:  Hugo/coursegen = {cpu['hugo'] / cpu['coursegen']:.2f}x in user+system time "
          "(less sensitive to a busy machine than wall time)")
else:
    cold = results["coursegen cold"]["mean"]
    one = results["coursegen one lesson"]["mean"]
    print(f"cold/Hugo:  {cold / hugo:.2f}x Hugo's time for the plain course "
          f"({'meets' if cold <= 2 * hugo else 'misses'} the 2x target)")
    print(f"warm/Hugo:  {results['coursegen warm']['mean'] / hugo:.2f}x")
    print(f"one lesson: {one:.3f} s ({'meets' if one < 0.3 else 'misses'} the 0.3 s target)")
PY
} | tee "$RESULTS/summary.txt"
echo "==> results in $RESULTS"
