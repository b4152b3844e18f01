#!/usr/bin/env python3
"""Side-by-side timing of the calculus pipeline: ours (calcbench), SymPy and SymEngine.

usage: compare.py WORKLOAD CALCBENCH_JSONL [CALCBENCH_JSONL ...] [--symengine SE_JSON ...]
                  [--sympy SYMPY_JSON ...] [--tsv OUT.tsv]
       compare.py --time-symengine WORKLOAD OUT.json
       compare.py --time-sympy WORKLOAD OUT.json

The second form only times SymEngine on the workload (fastest of 5 runs per expression)
and writes the times as JSON; the third times SymPy once per expression, its cache
cleared before each (so that no expression profits from the one before, as none of ours
does). run.sh alternates calcbench runs with such SymEngine and SymPy runs, round after
round, and gives all of them to the first form, which takes per expression the fastest of
each tool's rounds: the machine's speed drifts over minutes, and timing one tool right
after the other, once, let that drift decide the ratio. Without --sympy, SymPy is timed
once here, in the same pass that reads its results.

For every expression of WORKLOAD:
  - ours: the times calcbench measured (parse, gradient and Hessian, display
    simplification of every entry, exact gradient at (1/3, 2/5, 3/7), verification of
    every derivative at 3 points);
  - SymPy: parse, gradient, Hessian, simplify() of every gradient entry, exact gradient
    at the same point;
  - SymEngine: parse, gradient, Hessian, exact gradient at the same point.
Each tool takes the Hessian's upper triangle, as sympy.hessian does.
Prints per-expression times and ratios, then a summary, and the mean size (SymPy's
count_ops) of our printed gradient entries against SymPy's simplify() output.
"""
import json
import math
import re
import statistics
import sys
import time

import symengine
import sympy
from sympy.parsing.sympy_parser import (convert_xor, implicit_multiplication_application,
                                        parse_expr, standard_transformations)

POINT = [sympy.Rational(1, 3), sympy.Rational(2, 5), sympy.Rational(3, 7)]
DECIMAL = re.compile(r"(?<![\w.])(\d+\.\d+)")
INTEGER = re.compile(r"(?<![\w.'])(\d+)(?![\w.'])")


def sympy_text(line):
    """The calc syntax of a workload line in Python syntax (decimals exact, as in calc)."""
    text = line.replace("^", "**")
    # Integers as exact integers, so that 3/2 is a rational and not Python's 1.5.
    text = INTEGER.sub(lambda m: "Integer(%s)" % m.group(1), text)
    return DECIMAL.sub(lambda m: "Rational('%s')" % m.group(1), text)


def variables_of(expr, ordered):
    names = {str(s) for s in expr.free_symbols}
    first = [v for v in ("x", "y", "z") if v in names]
    return first + sorted(names - set(first))


def sympy_locals():
    return {
        "sigmoid": lambda u: 1 / (1 + sympy.exp(-u)),
        "abs": sympy.Abs, "ln": sympy.log, "e": sympy.E, "pi": sympy.pi,
        "Rational": sympy.Rational, "Integer": sympy.Integer, "sqrt": sympy.sqrt, "exp": sympy.exp, "log": sympy.log,
        "sin": sympy.sin, "cos": sympy.cos, "tan": sympy.tan,
        "asin": sympy.asin, "acos": sympy.acos, "atan": sympy.atan,
        "sinh": sympy.sinh, "cosh": sympy.cosh, "tanh": sympy.tanh,
        "x": sympy.Symbol("x", real=True), "y": sympy.Symbol("y", real=True),
        "z": sympy.Symbol("z", real=True),
    }


def symengine_locals():
    return {
        "sigmoid": lambda u: 1 / (1 + symengine.exp(-u)),
        "abs": symengine.Abs, "ln": symengine.log, "e": symengine.E, "pi": symengine.pi,
        "Rational": lambda s: symengine.Rational(sympy.Rational(s).p, sympy.Rational(s).q),
        "Integer": symengine.Integer, "sqrt": symengine.sqrt, "exp": symengine.exp, "log": symengine.log,
        "sin": symengine.sin, "cos": symengine.cos, "tan": symengine.tan,
        "asin": symengine.asin, "acos": symengine.acos, "atan": symengine.atan,
        "sinh": symengine.sinh, "cosh": symengine.cosh, "tanh": symengine.tanh,
        "x": symengine.Symbol("x"), "y": symengine.Symbol("y"), "z": symengine.Symbol("z"),
    }


# Both peers build the expression by evaluating the Python spelling with their own
# functions and symbols in scope (the cheapest way in, so the comparison favours them).

def run_sympy(text, cold=False):
    """Parse, gradient, Hessian, simplify() of the gradient, exact gradient: seconds and results."""
    if cold:
        sympy.core.cache.clear_cache()
    start = time.perf_counter()
    f = eval(text, {"__builtins__": {}}, sympy_locals_cache)
    variables = [sympy.Symbol(v, real=True) for v in variables_of(f, True)]
    gradient = [sympy.diff(f, v) for v in variables]
    sympy.hessian(f, variables)
    simplified = [sympy.simplify(g) for g in gradient]
    point = dict(zip(variables, POINT))
    exact = [g.subs(point) for g in simplified]
    elapsed = time.perf_counter() - start
    return elapsed, simplified, exact


def run_symengine(text, repeat):
    """Parse, gradient, Hessian, exact gradient: the minimum over `repeat` runs, in seconds."""
    best = math.inf
    for _ in range(repeat):
        start = time.perf_counter()
        f = eval(text, {"__builtins__": {}}, symengine_locals_cache)
        names = sorted(str(s) for s in f.free_symbols)
        ordered = [v for v in ("x", "y", "z") if v in names] + [v for v in names if v not in ("x", "y", "z")]
        variables = [symengine.Symbol(v) for v in ordered]
        gradient = [f.diff(v) for v in variables]
        # The upper triangle, as sympy.hessian computes it (and calcbench too).
        [[gradient[i].diff(variables[j]) for j in range(i, len(variables))] for i in range(len(variables))]
        point = {v: symengine.Rational(p.p, p.q) for v, p in zip(variables, POINT)}
        [g.subs(point) for g in gradient]
        best = min(best, time.perf_counter() - start)
    return best


OUR_TRANSFORMS = standard_transformations + (implicit_multiplication_application, convert_xor)


def our_size(plain):
    """count_ops of one of our printed entries, read by SymPy's parser."""
    expr = parse_expr(plain, local_dict=dict(sympy_locals_cache), transformations=OUR_TRANSFORMS)
    return sympy.count_ops(expr), expr


sympy_locals_cache = sympy_locals()
symengine_locals_cache = symengine_locals()


def read_workload(path):
    with open(path) as f:
        return [l.strip() for l in f if l.strip() and not l.strip().startswith("#")]


def time_sympy(workload_path, out_path):
    times = {line: run_sympy(sympy_text(line), cold=True)[0] for line in read_workload(workload_path)}
    with open(out_path, "w") as f:
        json.dump(times, f)
    return 0


def time_symengine(workload_path, out_path):
    times = {line: run_symengine(sympy_text(line), 5) for line in read_workload(workload_path)}
    with open(out_path, "w") as f:
        json.dump(times, f)
    return 0


def take_list(args, option):
    """Removes `option` and the file names after it (up to the next option) from args."""
    if option not in args:
        return []
    i = args.index(option)
    j = i + 1
    while j < len(args) and not args[j].startswith("--"):
        j += 1
    values = args[i + 1:j]
    del args[i:j]
    return values


def main():
    args = sys.argv[1:]
    if args and args[0] == "--time-symengine":
        return time_symengine(args[1], args[2])
    if args and args[0] == "--time-sympy":
        return time_sympy(args[1], args[2])
    tsv_path = None
    if "--tsv" in args:
        i = args.index("--tsv")
        tsv_path = args[i + 1]
        del args[i:i + 2]
    sympy_paths = take_list(args, "--sympy")
    symengine_paths = take_list(args, "--symengine")
    workload_path, ours_paths = args[0], args[1:]
    # Per expression, the calcbench record of the fastest round.
    ours = {}
    for ours_path in ours_paths:
        with open(ours_path) as f:
            for line in f:
                if line.strip():
                    record = json.loads(line)
                    known = ours.get(record["expression"])
                    if known is None or ("error" not in record and "error" not in known
                                         and record["total_us"] < known["total_us"]):
                        ours[record["expression"]] = record
    symengine_rounds = []
    for path in symengine_paths:
        with open(path) as f:
            symengine_rounds.append(json.load(f))
    sympy_rounds = []
    for path in sympy_paths:
        with open(path) as f:
            sympy_rounds.append(json.load(f))
    lines = read_workload(workload_path)
    print("rounds: calcbench %d, SymEngine %s, SymPy %s (fastest of them per expression)" % (
        len(ours_paths), len(symengine_rounds) or "1, timed here",
        ("%d, cache cleared before each expression" % len(sympy_rounds)) if sympy_rounds else "1, timed here"))

    rows = []
    header = ("#", "expression", "ours_us", "symengine_us", "sympy_ms", "symengine/ours", "sympy/ours",
              "ops_ours", "ops_sympy", "verified")
    print("\t".join(header))
    ours_ops_all, sympy_ops_all = [], []
    disagreements = []
    larger = []
    for index, line in enumerate(lines, 1):
        record = ours.get(line)
        if record is None or "error" in record:
            print("%d\t%s\tours failed: %s" % (index, line, record and record.get("error")))
            continue
        text = sympy_text(line)
        sympy_seconds, simplified, their_exact = run_sympy(text)
        if sympy_rounds:
            sympy_seconds = min(r[line] for r in sympy_rounds)
        if symengine_rounds:
            symengine_seconds = min(r[line] for r in symengine_rounds)
        else:
            symengine_seconds = run_symengine(text, 5)
        ours_us = record["total_us"]
        our_ops = []
        for i, (plain, theirs) in enumerate(zip(record["gradient"], simplified)):
            size, expr = our_size(plain)
            our_ops.append(size)
            ours_ops_all.append(size)
            sympy_ops_all.append(sympy.count_ops(theirs))
            if size > sympy_ops_all[-1]:
                larger.append("%s: ours %s (%d), SymPy %s (%d)" % (line, plain, size, theirs, sympy_ops_all[-1]))
            # The printed entry must be the same derivative (checked at a sample point).
            probe = {sympy.Symbol(v, real=True): sympy.Rational(7 + 2 * k, 10 + 3 * k)
                     for k, v in enumerate(record["variables"])}
            difference = sympy.N((expr - theirs).subs(probe), 30)
            if not difference.is_number or difference.is_real is False or abs(difference) > 1e-20:
                disagreements.append("%s: entry %d: ours %s, SymPy %s" % (line, i, plain, theirs))
        row = (index, line, ours_us, symengine_seconds * 1e6, sympy_seconds * 1e3,
               symengine_seconds * 1e6 / ours_us, sympy_seconds * 1e6 / ours_us,
               sum(our_ops) / len(our_ops), sum(sympy.count_ops(s) for s in simplified) / len(simplified),
               record["verified"])
        rows.append(row)
        print("%d\t%s\t%.1f\t%.1f\t%.1f\t%.2f\t%.0f\t%.1f\t%.1f\t%s" % row, flush=True)

    if tsv_path:
        with open(tsv_path, "w") as f:
            f.write("\t".join(header) + "\n")
            for row in rows:
                f.write("%d\t%s\t%.1f\t%.1f\t%.1f\t%.2f\t%.0f\t%.1f\t%.1f\t%s\n" % row)

    if not rows:
        return 1
    ours_times = [r[2] for r in rows]
    symengine_ratios = [r[5] for r in rows]
    sympy_ratios = [r[6] for r in rows]

    def geometric_mean(values):
        return math.exp(sum(math.log(v) for v in values) / len(values))

    print()
    print("expressions: %d (verified by calcbench: %d)" % (len(rows), sum(1 for r in rows if r[9])))
    print("ours, full pipeline: mean %.1f us, median %.1f us, total %.1f ms" % (
        statistics.mean(ours_times), statistics.median(ours_times), sum(ours_times) / 1e3))
    stages = ["parse_us", "differentiate_us", "simplify_us", "exact_us", "verify_us"]
    print("ours by stage (mean us): " + ", ".join(
        "%s %.1f" % (stage[:-3], statistics.mean(ours[r[1]][stage] for r in rows)) for stage in stages))
    subset = [ours[r[1]]["parse_us"] + ours[r[1]]["differentiate_us"] + ours[r[1]]["exact_us"] for r in rows]
    print("ours, only what SymEngine does (parse, differentiate, exact gradient): mean %.1f us, median %.1f us" % (
        statistics.mean(subset), statistics.median(subset)))
    print("SymEngine (diff, Hessian, exact gradient): mean %.1f us, median %.1f us" % (
        statistics.mean(r[3] for r in rows), statistics.median(r[3] for r in rows)))
    print("SymPy (diff, Hessian, simplify, exact gradient): mean %.1f ms, median %.1f ms" % (
        statistics.mean(r[4] for r in rows), statistics.median(r[4] for r in rows)))
    print("SymEngine time / ours: geometric mean %.2f, median %.2f, min %.2f; ours faster on %d of %d" % (
        geometric_mean(symengine_ratios), statistics.median(symengine_ratios), min(symengine_ratios),
        sum(1 for r in symengine_ratios if r > 1), len(rows)))
    print("SymPy time / ours: geometric mean %.0f, median %.0f, min %.0f; at least 1000x on %d of %d" % (
        geometric_mean(sympy_ratios), statistics.median(sympy_ratios), min(sympy_ratios),
        sum(1 for r in sympy_ratios if r >= 1000), len(rows)))
    print("mean count_ops of gradient entries: ours %.2f, SymPy simplify() %.2f (%d entries)" % (
        statistics.mean(ours_ops_all), statistics.mean(sympy_ops_all), len(ours_ops_all)))
    print("entries no larger than SymPy's: %d of %d" % (
        sum(1 for a, b in zip(ours_ops_all, sympy_ops_all) if a <= b), len(ours_ops_all)))
    if larger:
        print("entries larger than SymPy's simplify(): %d" % len(larger))
        for entry in larger:
            print("  " + entry)
    if disagreements:
        print("printed entries that differ from SymPy's derivative: %d" % len(disagreements))
        for d in disagreements[:20]:
            print("  " + d)
    return 0


if __name__ == "__main__":
    sys.exit(main())
