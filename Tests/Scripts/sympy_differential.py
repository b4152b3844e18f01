#!/usr/bin/env python3
"""The SymPy side of the differential test (Tests/CalculusTests/SymPyDifferentialTests.swift).

Reads the cases written by the Swift test, computes the gradient and Hessian of every
expression with SymPy, evaluates them and our own derivative expressions at the same
sample points with mpmath at 30 digits, and compares (relative 1e-9): our derivative
expressions must agree with SymPy's; our floating-point values must agree too, and where
only they disagree (the formula loses digits in double precision) the case is listed as a
conditioning note rather than a mismatch. Compares our exact values of f and the
gradient at a rational point with SymPy's: rational results must be equal exactly, other
exact values must agree to 50 significant digits. Writes a JSON report.

usage: sympy_differential.py CASES.json REPORT.json
"""
import json
import sys

import mpmath
import sympy
from sympy import Rational, Integer, E, pi, exp, log, sqrt, sin, cos, tan, sec, csc, cot
from sympy import asin, acos, atan, sinh, cosh, tanh, Abs

RELATIVE = 1e-9
# Below this magnitude the comparison is absolute: a true zero computed in floating point
# comes out as rounding noise.
FLOOR = 1e-12

NAMES = {
    "Rational": Rational, "Integer": Integer, "E": E, "pi": pi, "exp": exp, "log": log,
    "sqrt": sqrt, "sin": sin, "cos": cos, "tan": tan, "sec": sec, "csc": csc, "cot": cot,
    "asin": asin, "acos": acos, "atan": atan, "sinh": sinh, "cosh": cosh, "tanh": tanh,
    "Abs": Abs,
}


def parse(text, symbols):
    names = dict(NAMES)
    names.update(symbols)
    return sympy.sympify(text, locals=names)


def close(ours, theirs):
    scale = max(abs(ours), abs(theirs))
    return abs(ours - theirs) <= RELATIVE * max(scale, FLOOR / RELATIVE)


def main():
    cases_path, report_path = sys.argv[1], sys.argv[2]
    with open(cases_path) as f:
        cases = json.load(f)
    mpmath.mp.dps = 30
    mismatches = []
    notes = []
    numeric = exact_rational = exact_symbolic = 0
    for case in cases:
        label = "case %d: %s" % (case["index"], case["calc"])
        symbols = {v: sympy.Symbol(v) for v in case["variables"]}
        variables = [symbols[v] for v in case["variables"]]
        try:
            f = parse(case["sympy"], symbols)
        except Exception as error:  # a generator bug, reported as a mismatch
            mismatches.append("%s: SymPy cannot read it: %s" % (label, error))
            continue
        gradient = [sympy.diff(f, v) for v in variables]
        hessian = [sympy.diff(g, v) for g in gradient for v in variables]
        entries = gradient + hessian
        names = ["d/d%s" % v for v in case["variables"]] + [
            "d2/d%s d%s" % (a, b) for a in case["variables"] for b in case["variables"]]
        try:
            our_entries = [parse(text, symbols) for text in case["entries"]]
        except Exception as error:
            mismatches.append("%s: SymPy cannot read our derivatives: %s" % (label, error))
            continue
        count = len(entries)
        evaluate = sympy.lambdify(variables, entries + our_entries, modules="mpmath")
        for point, values in zip(case["points"], case["values"]):
            coordinates = [mpmath.mpf(float(c)) for c in point]
            results = evaluate(*coordinates)
            for name, ours_text, their_value, our_value in zip(names, values, results[:count], results[count:]):
                numeric += 1
                try:
                    theirs = float(mpmath.re(their_value))
                    ours_precise = float(mpmath.re(our_value))
                except (TypeError, ValueError):
                    mismatches.append("%s: %s at %s: values %s, %s" % (label, name, point, their_value, our_value))
                    continue
                if not close(ours_precise, theirs):
                    mismatches.append("%s: %s at %s: our derivative gives %r, SymPy's %r" % (
                        label, name, point, ours_precise, theirs))
                    continue
                ours = float(ours_text)
                if not close(ours, theirs):
                    notes.append("%s: %s at %s: double %r, exact value %r" % (label, name, point, ours, theirs))

        exact_point = {symbols[v]: Rational(c) for v, c in zip(case["variables"], case["exactPoint"])}
        their_exact = [f.subs(exact_point)] + [g.subs(exact_point) for g in gradient]
        if case.get("exactValues") is None:
            mismatches.append("%s: we report '%s' at %s, SymPy has %s" % (
                label, case.get("exactError"), case["exactPoint"], their_exact[0]))
            continue
        for name, ours_text, theirs in zip(["f"] + names, case["exactValues"], their_exact):
            ours = parse(ours_text, symbols)
            if ours.free_symbols:
                mismatches.append("%s: exact %s is not a number: %s" % (label, name, ours_text))
                continue
            if ours.is_Rational and theirs.is_Rational:
                exact_rational += 1
                if ours != theirs:
                    mismatches.append("%s: exact %s: ours %s, SymPy %s" % (label, name, ours, theirs))
                continue
            exact_symbolic += 1
            a = sympy.N(ours, 50)
            b = sympy.N(theirs, 50)
            scale = max(abs(a), abs(b), sympy.Float(1))
            if abs(a - b) > sympy.Float("1e-40") * scale:
                mismatches.append("%s: exact %s: ours %s = %s, SymPy %s = %s" % (
                    label, name, ours_text, a, theirs, b))

    report = {
        "cases": len(cases),
        "numericComparisons": numeric,
        "exactRationalComparisons": exact_rational,
        "exactSymbolicComparisons": exact_symbolic,
        "mismatches": mismatches,
        "conditioningNotes": notes,
    }
    with open(report_path, "w") as f:
        json.dump(report, f, indent=1, sort_keys=True)
    print("%d cases, %d numeric and %d + %d exact comparisons, %d mismatches, %d conditioning notes" % (
        len(cases), numeric, exact_rational, exact_symbolic, len(mismatches), len(notes)), file=sys.stderr)


if __name__ == "__main__":
    main()
