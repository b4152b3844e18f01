#!/usr/bin/env python3
"""Writes a synthetic multivariable-calculus course for the site-build benchmark.

The same lessons are written twice:

  OUT/content/   a coursegen content folder: course.yml and NNN-slug.md lessons with
                 YAML front matter (title, summary, prerequisites), as in CALC.md section 1;
  OUT/hugo/      a Hugo site: config.toml, content/lessons/NNN-slug.md with Hugo front
                 matter, and the layouts from Benchmarks/site/hugo/ (every page lists
                 every lesson, as coursegen's pages do).

The lesson bodies are byte-identical in both; only the front matter differs. Bodies hold
headings, paragraphs with emphasis, links and code spans, bullet and numbered lists,
inline math `$...$`, display math `$$...$$` (one-line and multi-line), and fenced code in
ordinary languages. There are no `calc` blocks.

Everything comes from one seeded random generator and is written in a fixed order, so
the same arguments give byte-identical files on every machine (Python 3.8+, standard
library only).
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

# --- vocabulary --------------------------------------------------------------------------

TOPIC_WORDS = [
    "partial derivatives", "level sets", "the gradient", "directional derivatives",
    "tangent planes", "linearization", "the chain rule", "the Hessian", "critical points",
    "saddle points", "gradient descent", "Jacobian matrices", "vector fields",
    "contour plots", "second-order conditions", "Taylor polynomials", "limits along paths",
    "continuity in two variables", "mixed partials", "steepest ascent", "constrained optima",
    "Lagrange multipliers", "quadratic forms", "implicit differentiation", "error estimates",
    "finite differences", "convexity", "step sizes", "curvature of surfaces",
    "parametric curves", "differentiability", "local extrema",
]
TITLE_QUALIFIERS = [
    "An Introduction to", "Working with", "Computing", "Visualizing", "Understanding",
    "Estimating", "Applying", "Revisiting", "A Closer Look at", "Practice with",
]
SUBJECTS = [
    "the function", "a scalar field", "the surface", "each level curve", "the tangent plane",
    "the gradient vector", "the Hessian matrix", "a small step", "the linear approximation",
    "the difference quotient", "the unit vector", "every critical point", "the iterate",
    "the directional derivative", "a smooth function", "the contour map", "the path",
]
VERBS = [
    "describes", "measures", "approximates", "determines", "controls", "reveals",
    "constrains", "summarizes", "predicts", "depends on", "points along", "bounds",
]
OBJECTS = [
    "the rate of change", "the local shape", "the steepest direction", "the error term",
    "the curvature", "the behaviour near the origin", "the size of the next step",
    "the sign of the determinant", "the slope in each coordinate direction",
    "the value at nearby points", "the orientation of the level curves", "the limit",
]
CONNECTIVES = [
    "In practice,", "For this reason,", "As a consequence,", "More precisely,",
    "Geometrically,", "On the other hand,", "In the same way,", "Put differently,",
    "Notice that", "It follows that", "Recall that", "In particular,",
]
ADVERBS = ["carefully", "locally", "exactly", "roughly", "always", "only", "rapidly"]
EMPHASIZED = [
    "independent", "linear", "continuous", "differentiable", "orthogonal", "positive definite",
    "bounded", "smooth", "unique", "local", "steepest", "symmetric",
]
LINK_TARGETS = [
    ("the MIT notes on gradients", "https://ocw.mit.edu/courses/18-02sc-multivariable-calculus-fall-2010/"),
    ("a worked example", "https://example.org/worked/gradient"),
    ("the KaTeX documentation", "https://katex.org/docs/supported.html"),
    ("the CommonMark specification", "https://spec.commonmark.org/0.31.2/"),
    ("an interactive plot", "https://example.org/plots/contours"),
    ("the appendix on limits", "https://example.org/appendix/limits"),
]
CODE_SPANS = [
    "grad(f)", "np.gradient", "x0 = (1, 2)", "rate = 0.1", "hessian(f)", "f(x, y)",
    "steps = 25", "contour(X, Y, Z)", "norm(v)", "jacobian(F)", "h = 1e-5",
]
VARIABLES = ["x", "y", "z", "s", "t", "u", "v"]
GREEK = [r"\alpha", r"\beta", r"\theta", r"\lambda", r"\eta", r"\varepsilon"]
FUNCTIONS = [r"\sin", r"\cos", r"\exp", r"\ln", r"\tan"]

# --- math --------------------------------------------------------------------------------


def fill(template: str, rng: random.Random) -> str:
    """Replaces the placeholders of a math template with random coefficients and names.

    Placeholders are `@A`, `@B`, `@C` (small positive integers), `@N` (a power 2..4),
    `@V`/`@W` (two distinct variables), `@G` (a Greek letter) and `@F` (a function).
    """
    v, w = rng.sample(VARIABLES[:4], 2)
    values = {
        "@A": str(rng.randint(2, 9)), "@B": str(rng.randint(2, 9)), "@C": str(rng.randint(1, 5)),
        "@N": str(rng.randint(2, 4)), "@V": v, "@W": w,
        "@G": rng.choice(GREEK), "@F": rng.choice(FUNCTIONS),
    }
    out = template
    for key in ("@A", "@B", "@C", "@N", "@V", "@W", "@G", "@F"):
        out = out.replace(key, values[key])
    return out


# Every inline template starts and ends with a non-space character, as CALC.md requires.
INLINE_MATH = [
    r"f(@V, @W) = @A@V^@N + @B@W^2",
    r"\nabla f(@V, @W) = (@A@V, @B@W)",
    r"\frac{\partial f}{\partial @V}",
    r"D_{\mathbf u} f(a, b) = \nabla f(a, b) \cdot \mathbf u",
    r"\|\mathbf v\| = \sqrt{@A^2 + @B^2}",
    r"x_1, \dots, x_n",
    r"H_f(\mathbf a)",
    r"f_{@V@W} = f_{@W@V}",
    r"@G > 0",
    r"\lambda_{\min} < 0 < \lambda_{\max}",
    r"\mathbf x_{k+1} = \mathbf x_k - \eta \nabla f(\mathbf x_k)",
    r"@F(@A@V + @W)",
    r"\{ (@V, @W) : f(@V, @W) = c \}",
    r"\det J_F = @A",
    r"z = f(a, b) + f_x(a, b)(x - a) + f_y(a, b)(y - b)",
    r"\mathbb R^@N",
    r"\lim_{h \to 0}",
    r"a_{ij}",
    r"\varepsilon = 10^{-@C}",
]

DISPLAY_ONE_LINE = [
    r"\frac{\partial f}{\partial @V}(a, b) = \lim_{h \to 0} \frac{f(a + h, b) - f(a, b)}{h}",
    r"\nabla f(@V, @W) = \begin{pmatrix} @A@V^{@N} \\ @B@W \end{pmatrix}",
    r"D_{\mathbf u} f(\mathbf a) = \nabla f(\mathbf a) \cdot \frac{\mathbf v}{\|\mathbf v\|}",
    r"H_f = \begin{bmatrix} f_{@V@V} & f_{@V@W} \\ f_{@W@V} & f_{@W@W} \end{bmatrix}",
    r"f(\mathbf a + \mathbf h) \approx f(\mathbf a) + \nabla f(\mathbf a) \cdot \mathbf h + \tfrac12 \mathbf h^{\mathsf T} H_f(\mathbf a) \mathbf h",
    r"\frac{d}{dt} f(x(t), y(t)) = f_x \frac{dx}{dt} + f_y \frac{dy}{dt}",
    r"\sum_{i=1}^{n} \frac{\partial f}{\partial x_i} v_i = @A",
    r"g(@V, @W) = \begin{cases} \frac{@V @W}{@V^2 + @W^2} & (@V, @W) \ne (0, 0) \\ 0 & (@V, @W) = (0, 0) \end{cases}",
]

# Multi-line display math: no line may look like Markdown block syntax on its own (a
# leading `-`, `+`, `#`, `>`, `=` or `1.`), so that a Markdown tool that does not know
# math still keeps the block in one paragraph.
DISPLAY_MULTI_LINE = [
    [r"\begin{aligned}",
     r"f_x &= @A @V^{@N} @W + \cos(@W) \\",
     r"f_y &= @B @V + @V \sin(@W) \\",
     r"f_{xy} &= f_{yx} = @A",
     r"\end{aligned}"],
    [r"\begin{aligned}",
     r"\mathbf x_1 &= \mathbf x_0 - \eta \nabla f(\mathbf x_0) \\",
     r"&= (@A, @B) - 0.1 \cdot (@C, @A) \\",
     r"&\approx (1.9, 2.4)",
     r"\end{aligned}"],
    [r"J_F(@V, @W) =",
     r"\begin{pmatrix}",
     r"\partial_@V F_1 & \partial_@W F_1 \\",
     r"\partial_@V F_2 & \partial_@W F_2",
     r"\end{pmatrix}"],
]

CODE_BLOCKS = [
    ("python", [
        "import numpy as np",
        "",
        "def f(x, y):",
        "    return @A * x**2 + @B * y**2",
        "",
        "def grad(x, y):",
        "    return np.array([2 * @A * x, 2 * @B * y])",
        "",
        "point = np.array([1.0, 2.0])",
        "for step in range(@C0):",
        "    point = point - 0.05 * grad(*point)",
        "print(point, f(*point))",
    ]),
    ("python", [
        "def central_difference(f, x, y, h=1e-5):",
        "    fx = (f(x + h, y) - f(x - h, y)) / (2 * h)",
        "    fy = (f(x, y + h) - f(x, y - h)) / (2 * h)",
        "    return fx, fy",
    ]),
    ("julia", [
        "using LinearAlgebra",
        "H = [@A 1; 1 @B]",
        "eigvals(H)  # both positive: a local minimum",
    ]),
    ("sh", [
        "$ python3 descent.py --rate 0.1 --steps @C0",
        "$ echo \"done: $?\"",
    ]),
    ("json", [
        "{",
        "  \"function\": \"@A x^2 + @B y^2\",",
        "  \"point\": [1, 2],",
        "  \"gradient\": [@A, @B]",
        "}",
    ]),
    ("text", [
        "x        y        f(x, y)",
        "1.000    2.000    @A.000",
        "0.800    1.600    @B.120",
        "0.640    1.280    @C.337",
    ]),
]

# --- prose -------------------------------------------------------------------------------


def inline_math(rng: random.Random) -> str:
    return "$" + fill(rng.choice(INLINE_MATH), rng) + "$"


def sentence(rng: random.Random) -> str:
    """One sentence, sometimes decorated with emphasis, a link, a code span or math."""
    words = [rng.choice(SUBJECTS), rng.choice(VERBS), rng.choice(OBJECTS)]
    roll = rng.random()
    if roll < 0.30:
        words.append("where " + inline_math(rng))
    elif roll < 0.40:
        words.append("as long as it is *" + rng.choice(EMPHASIZED) + "*")
    elif roll < 0.48:
        text, url = rng.choice(LINK_TARGETS)
        words.append("(see [" + text + "](" + url + "))")
    elif roll < 0.56:
        words.append("which `" + rng.choice(CODE_SPANS) + "` computes")
    elif roll < 0.62:
        words.append("and this is **" + rng.choice(EMPHASIZED) + "** behaviour")
    elif roll < 0.70:
        words.insert(2, rng.choice(ADVERBS))
    if rng.random() < 0.35:
        words.insert(0, rng.choice(CONNECTIVES))
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


def paragraph(rng: random.Random, sentences: int) -> str:
    parts = [sentence(rng) for _ in range(sentences)]
    if rng.random() < 0.03:
        # The currency rule of CALC.md: these dollars stay text.
        parts.append("A printed copy costs $5 and a bound one $12, neither of which is math.")
    return " ".join(parts)


def bullet_list(rng: random.Random) -> str:
    n = rng.randint(3, 6)
    return "\n".join("- " + sentence(rng) for _ in range(n))


def numbered_list(rng: random.Random) -> str:
    n = rng.randint(3, 5)
    return "\n".join(f"{i}. " + sentence(rng) for i in range(1, n + 1))


def display_math(rng: random.Random) -> str:
    if rng.random() < 0.6:
        return "$$" + fill(rng.choice(DISPLAY_ONE_LINE), rng) + "$$"
    lines = rng.choice(DISPLAY_MULTI_LINE)
    filled = fill("\n".join(lines), rng)
    return "$$\n" + filled + "\n$$"


def code_block(rng: random.Random) -> str:
    language, lines = rng.choice(CODE_BLOCKS)
    body = fill("\n".join(lines), rng)
    return "```" + language + "\n" + body + "\n```"


def word_count(text: str) -> int:
    return len(text.split())


def heading_text(rng: random.Random) -> str:
    topic = rng.choice(TOPIC_WORDS)
    return topic[0].upper() + topic[1:]


def lesson_body(rng: random.Random, words: int) -> str:
    """A lesson body of at least `words` whitespace-separated words."""
    blocks = [paragraph(rng, rng.randint(3, 5))]
    total = word_count(blocks[0])
    while total < words:
        section = ["## " + heading_text(rng), paragraph(rng, rng.randint(3, 6))]
        extras = ["bullets", "numbers", "display", "display", "code", "sub", "para"]
        rng.shuffle(extras)
        for kind in extras[: rng.randint(3, 5)]:
            if kind == "bullets":
                section.append(bullet_list(rng))
            elif kind == "numbers":
                section.append(numbered_list(rng))
            elif kind == "display":
                section.append(display_math(rng))
                section.append(paragraph(rng, rng.randint(1, 3)))
            elif kind == "code":
                section.append(code_block(rng))
            elif kind == "sub":
                section.append("### " + heading_text(rng))
                section.append(paragraph(rng, rng.randint(2, 4)))
            else:
                section.append(paragraph(rng, rng.randint(2, 5)))
        blocks.extend(section)
        total += sum(word_count(b) for b in section)
    return "\n\n".join(blocks) + "\n"



# --- calc blocks (--calc-blocks) ---------------------------------------------------------

# Worked examples: a function template and the requests shown for it. `@A`..`@C` are
# small positive integers, `@P`/`@Q` small integers for a point.
EXAMPLE_FUNCTIONS = [
    "@A x^2 y + @B sin(x y)",
    "x^2 + @A x y + @B y^2",
    "exp(-(x^2 + @A y^2))",
    "x y/(x^2 + y^2 + @C)",
    "@A x^3 - @B x y^2 + y",
    "log(x^2 + y^2 + 1)",
    "sqrt(x^2 + @A y^2 + 1)",
    "@A cos(x) sin(y) + x",
    "x exp(@C y) - y^2",
    "atan(y/(x + @A))",
    "(x - @C)^2 + @B (y + 1)^4",
    "x^2 y^2 + @A x - @B y",
]
EXAMPLE_REQUESTS = [
    ["gradient at (@P, @Q)"],
    ["partials", "hessian"],
    ["directional at (@P, @Q) toward (3, 4)"],
    ["tangent plane at (@P, @Q)"],
    ["partial x, y", "clairaut"],
    ["steepest at (@P, @Q)"],
    ["linearization at (@P, @Q)"],
    ["check at (@P, @Q)"],
]


def example_block(rng: random.Random) -> str:
    values = {"@A": rng.randint(2, 5), "@B": rng.randint(2, 5), "@C": rng.randint(1, 4)}
    function = rng.choice(EXAMPLE_FUNCTIONS)
    requests = rng.choice(EXAMPLE_REQUESTS)
    # atan(y/(x + A)) and friends need a point away from their poles: keep P positive.
    point = {"@P": rng.randint(1, 3), "@Q": rng.randint(-2, 2)}
    text = "f(x, y) = " + function + "\n" + "\n".join(requests)
    for key, value in list(values.items()) + list(point.items()):
        text = text.replace(key, str(value))
    return "```calc\n" + text + "\n```"


def vector(values: list[int]) -> str:
    return "(" + ", ".join(str(v) for v in values) + ")"


def exercise_block(rng: random.Random) -> str:
    """An exercise whose answer the generator computes itself, exactly."""
    a, b, c = rng.randint(1, 6), rng.randint(-4, 4), rng.randint(1, 6)
    p, q = rng.randint(-3, 3), rng.randint(-3, 3)
    f = f"{a} x^2 + {b} x y + {c} y^2" if b != 0 else f"{a} x^2 + {c} y^2"
    gx, gy = 2 * a * p + b * q, b * p + 2 * c * q
    kind = rng.randrange(4)
    if kind == 0:
        ask, answer = f"gradient at ({p}, {q})", vector([gx, gy])
    elif kind == 1:
        ask, answer = "hessian", f"[[{2 * a}, {b}], [{b}, {2 * c}]]"
    elif kind == 2:
        ask, answer = f"value at ({p}, {q})", str(a * p * p + b * p * q + c * q * q)
    else:
        # Toward (3, 4), a direction of length 5.
        numerator = 3 * gx + 4 * gy
        answer = str(numerator // 5) if numerator % 5 == 0 else f"{numerator}/5"
        ask = f"directional at ({p}, {q}) toward (3, 4)"
    return ("```calc exercise\n"
            f"f(x, y) = {f}\n"
            f"ask {ask}\n"
            f"answer {answer}\n"
            "hint Differentiate term by term; the other variable is a constant.\n"
            "```")


PLOT_FUNCTIONS = [
    "x^2 + @A y^2",
    "@A x^2 + x y + y^2",
    "sin(x) cos(y)",
    "x^2 - y^2",
    "exp(-(x^2 + y^2)/@A)",
    "(x - 1)^2 + @A (y - x^2)^2",
]


def plot_block(rng: random.Random) -> str:
    a = rng.randint(2, 4)
    function = rng.choice(PLOT_FUNCTIONS).replace("@A", str(a))
    lines = [f"f(x, y) = {function}",
             "contour x in [-3, 3], y in [-3, 3] levels 10",
             "field 9"]
    if "sin" not in function and "- y^2" not in function and "exp" not in function:
        lines.append("descent from (2.5, 2) rate 0.05 steps 20")
    lines.append("mark (0, 0) \"origin\"")
    lines.append(f"caption Level sets and gradient field of $f(x, y) = {function}$.")
    return "```calc plot\n" + "\n".join(lines) + "\n```"


def calc_blocks(rng: random.Random) -> list[str]:
    """Five blocks for one lesson: two worked examples, two exercises, one plot."""
    return [example_block(rng), example_block(rng), exercise_block(rng), exercise_block(rng),
            plot_block(rng)]


def with_calc_blocks(body: str, blocks: list[str]) -> str:
    """The body with the blocks placed after evenly spaced `##` sections."""
    parts = body.split("\n\n## ")
    slots = max(1, len(parts) - 1)
    placed: dict[int, list[str]] = {}
    for index, block in enumerate(blocks):
        placed.setdefault(1 + index * slots // len(blocks), []).append(block)
    out = []
    for index, part in enumerate(parts):
        text = part if index == 0 else "## " + part
        extra = placed.get(index, [])
        out.append("\n\n".join([text.rstrip("\n")] + extra))
    return "\n\n".join(out) + "\n"


# --- course ------------------------------------------------------------------------------


def slugify(text: str) -> str:
    out = []
    for ch in text.lower():
        if ch.isalnum():
            out.append(ch)
        elif out and out[-1] != "-":
            out.append("-")
    return "".join(out).strip("-")


def yaml_string(text: str) -> str:
    """A double-quoted YAML scalar (the generator's strings hold no control characters)."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


class Lesson:
    """One synthetic lesson: its place in the course, front matter and Markdown body."""

    def __init__(self, number: int, title: str, slug: str, summary: str,
                 prerequisites: list[str], body: str, calc_body: str | None = None) -> None:
        self.number = number
        self.title = title
        self.slug = slug
        self.summary = summary
        self.prerequisites = prerequisites
        self.body = body
        # The body with calc blocks, for coursegen only (Hugo gets `body`).
        self.calc_body = calc_body

    @property
    def file_name(self) -> str:
        return f"{self.number:03d}-{self.slug}.md"


def make_course(lessons: int, words: int, seed: int, calc: bool = False) -> list[Lesson]:
    rng = random.Random(seed)
    # The blocks come from their own generator, so the plain bodies are the same with and
    # without --calc-blocks.
    calc_rng = random.Random(seed * 7919 + 1)
    result: list[Lesson] = []
    used: set[str] = set()
    for number in range(1, lessons + 1):
        title = rng.choice(TITLE_QUALIFIERS) + " " + rng.choice(TOPIC_WORDS).title()
        slug = slugify(title)
        if slug in used:
            slug = f"{slug}-{number}"
        used.add(slug)
        # The summary is plain text (no math, links or emphasis): front matter is not Markdown.
        summary = rng.choice(SUBJECTS) + " " + rng.choice(VERBS) + " " + rng.choice(OBJECTS) + "."
        summary = summary[0].upper() + summary[1:]
        earlier = [lesson.slug for lesson in result[-10:]]
        prerequisites = sorted(rng.sample(earlier, min(len(earlier), rng.randint(0, 2))))
        body = lesson_body(rng, words)
        calc_body = with_calc_blocks(body, calc_blocks(calc_rng)) if calc else None
        result.append(Lesson(number, title, slug, summary, prerequisites, body, calc_body))
    return result


def coursegen_front_matter(lesson: Lesson) -> str:
    prereq = ", ".join(lesson.prerequisites)
    return ("---\n"
            f"title: {yaml_string(lesson.title)}\n"
            f"summary: {yaml_string(lesson.summary)}\n"
            f"prerequisites: [{prereq}]\n"
            "---\n\n")


def hugo_front_matter(lesson: Lesson) -> str:
    prereq = ", ".join(lesson.prerequisites)
    return ("---\n"
            f"title: {yaml_string(lesson.title)}\n"
            f"summary: {yaml_string(lesson.summary)}\n"
            f"slug: {lesson.slug}\n"
            f"weight: {lesson.number}\n"
            f"prerequisites: [{prereq}]\n"
            "---\n\n")


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)


def write_coursegen(out: Path, lessons: list[Lesson], title: str) -> None:
    content = out / "content"
    lines = [f"title: {yaml_string(title)}", 'author: "Coursegen Benchmarks"', "lessons:"]
    lines += [f"  - {lesson.slug}" for lesson in lessons]
    write(content / "course.yml", "\n".join(lines) + "\n")
    for lesson in lessons:
        body = lesson.calc_body if lesson.calc_body is not None else lesson.body
        write(content / lesson.file_name, coursegen_front_matter(lesson) + body)


def write_hugo(out: Path, lessons: list[Lesson], title: str) -> None:
    site = out / "hugo"
    template = HERE / "hugo"
    config = (template / "config.toml").read_text(encoding="utf-8")
    write(site / "config.toml", config.replace("@TITLE@", title))
    for source in sorted((template / "layouts").rglob("*.html")):
        target = site / "layouts" / source.relative_to(template / "layouts")
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
    write(site / "content" / "_index.md", f"---\ntitle: {yaml_string(title)}\n---\n")
    write(site / "content" / "lessons" / "_index.md", "---\ntitle: \"Lessons\"\n---\n")
    for lesson in lessons:
        write(site / "content" / "lessons" / lesson.file_name,
              hugo_front_matter(lesson) + lesson.body)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", required=True, type=Path,
                        help="folder to write content/ and hugo/ into (must not exist or be empty)")
    parser.add_argument("--lessons", type=int, default=200, help="number of lessons (200)")
    parser.add_argument("--words", type=int, default=1500, help="words per lesson, at least (1500)")
    parser.add_argument("--seed", type=int, default=2026, help="random seed (2026)")
    parser.add_argument("--calc-blocks", action="store_true",
                        help="add five calc blocks per lesson to the coursegen lessons (two worked "
                             "examples, two exercises, one plot); Hugo's copy stays plain")
    args = parser.parse_args()

    if args.lessons < 1 or args.words < 1:
        parser.error("--lessons and --words must be positive")
    if args.out.exists() and any(args.out.iterdir()):
        parser.error(f"{args.out} is not empty")

    title = "Synthetic Multivariable Calculus"
    lessons = make_course(args.lessons, args.words, args.seed, args.calc_blocks)
    write_coursegen(args.out, lessons, title)
    write_hugo(args.out, lessons, title)

    words = sum(word_count(lesson.body) for lesson in lessons)
    size = sum(len(lesson.body.encode("utf-8")) for lesson in lessons)
    print(f"lessons={len(lessons)} words={words} words_per_lesson={words // len(lessons)} "
          f"body_bytes={size} seed={args.seed}"
          + (f" calc_blocks={5 * len(lessons)}" if args.calc_blocks else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
