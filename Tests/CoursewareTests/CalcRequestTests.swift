@testable import Courseware
import Calculus
import MarkdownSyntax
import Testing

/// One exercise per request kind: the author's right answer passes, a wrong one fails at
/// the `answer` line showing both values. The answers were worked out by hand.
struct CalcRequestTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var definition: String
        var ask: String
        var right: String
        var wrong: String
        var testDescription: String { ask }
    }

    static let cases: [Case] = [
        Case(definition: "f(x, y) = x^2 + 2 y^2", ask: "value at (1, 1)", right: "3", wrong: "4"),
        Case(definition: "f(x, y) = x^2 y + sin(y)", ask: "partials", right: "(2 x y, x^2 + cos(y))", wrong: "(2 x, x^2)"),
        Case(definition: "f(x, y) = x^2 y", ask: "partial x", right: "2 x y", wrong: "x^2"),
        Case(definition: "f(x, y) = x^2 y^3", ask: "partial x, y", right: "6 x y^2", wrong: "6 x y"),
        Case(definition: "f(x, y) = x^2 y + sin(y)", ask: "gradient", right: "(2 x y, x^2 + cos(y))", wrong: "(2 x y, cos(y))"),
        Case(definition: "f(x, y) = x^2 y + sin(y)", ask: "gradient at (1, 0)", right: "(0, 2)", wrong: "(0, 1)"),
        Case(definition: "f(x, y) = x^2 - y^2", ask: "directional at (1, 2) toward (3, 4)", right: "-2", wrong: "2"),
        Case(definition: "f(x, y) = x^2 + y^2", ask: "directional at (1, 1) toward (1, 0)", right: "2", wrong: "2.1"),
        Case(definition: "f(x, y) = x^2 + y^2", ask: "steepest at (1, 2)", right: "(1/sqrt(5), 2/sqrt(5))", wrong: "(1, 2)"),
        Case(definition: "f(x, y) = x^2 + y^2", ask: "steepest at (1, 2)", right: "2 sqrt(5)", wrong: "sqrt(5)"),
        Case(definition: "f(x, y) = x^2 + 2 y^2", ask: "hessian", right: "[[2, 0], [0, 4]]", wrong: "[[2, 0], [0, 2]]"),
        Case(definition: "f(x, y) = x^3 y", ask: "hessian at (1, 2)", right: "[[12, 3], [3, 0]]", wrong: "[[6, 3], [3, 0]]"),
        Case(definition: "f(x, y) = x^2 y^3", ask: "clairaut", right: "6 x y^2", wrong: "0"),
        Case(definition: "F(x, y) = (x^2 y, 5x + sin(y))", ask: "jacobian", right: "[[2 x y, x^2], [5, cos(y)]]",
             wrong: "[[2 x y, x^2], [5, sin(y)]]"),
        Case(definition: "F(x, y) = (x y, x + y)", ask: "jacobian at (1, 2)", right: "[[2, 1], [1, 1]]", wrong: "[[1, 2], [1, 1]]"),
        Case(definition: "f(x, y) = x^2 + y^2", ask: "tangent plane at (1, 1)", right: "z = 2 + 2(x - 1) + 2(y - 1)", wrong: "z = 2 x + 2 y"),
        Case(definition: "f(x, y, z) = x y z", ask: "linearization at (1, 1, 1)", right: "x + y + z - 2", wrong: "1 + x"),
        Case(definition: "f(x, y) = x y", ask: "chain x = cos(t), y = sin(t) wrt t", right: "cos(t)^2 - sin(t)^2", wrong: "2 cos(t)"),
        Case(definition: "f(x, y) = x y / (x^2 + y^2)", ask: "limit at (0, 0) along y = x", right: "1/2", wrong: "0"),
        Case(definition: "f(x, y) = x^2 y / (x^4 + y^2)", ask: "limit at (0, 0) along (t, t^2) as t -> 0", right: "1/2", wrong: "0"),
        Case(definition: "g(x, y) = x y / (x^2 + y^2) if (x, y) != (0, 0) else 0", ask: "definition partial x at (0, 0)",
             right: "0", wrong: "1"),
        Case(definition: "f(x, y) = x^2 - y^2", ask: "classify at (0, 0)", right: "saddle", wrong: "minimum"),
        Case(definition: "f(x, y) = x^2 + 3 y^2", ask: "classify at (0, 0)", right: "minimum", wrong: "maximum"),
        Case(definition: "f(x, y) = x^2 + y^2", ask: "descent from (1, 1) rate 0.25 steps 1", right: "(0.50, 0.50)", wrong: "(0.4, 0.5)"),
        Case(definition: "f(x, y) = x^2 + y^2", ask: "descent from (1, 1) rate 0.25 steps 3", right: "(0.125, 0.125)", wrong: "(0.14, 0.12)"),
        Case(definition: "f(x, y) = x^2 y", ask: "check at (1, 2)", right: "(4, 1)", wrong: "(4, 2)"),
        // Expressions after option words are whole calc expressions (spaces for products),
        // and option words are whole words even right before a parenthesis.
        Case(definition: "f(x, y) = x y / (x^2 + y^2)", ask: "limit at (0, 0) along y = 2 x", right: "2/5", wrong: "1/2"),
        Case(definition: "f(x, y) = x y / (x^2 + y^2)", ask: "limit at (0, 0) along y = -3 x sin(1) / sin(1)",
             right: "-3/10", wrong: "3/10"),
        Case(definition: "f(x, y) = x y / (x^2 + y^2)", ask: "limit at(0, 0) along(t, 2 t) as t -> 0", right: "2/5", wrong: "0"),
        Case(definition: "f(x, y) = x y", ask: "chain x = 2 t, y = 3 t wrt t", right: "12 t", wrong: "6 t"),
        Case(definition: "f(x, y) = x^2 - y^2", ask: "directional at(1, 2) toward(3, 4)", right: "-2", wrong: "2"),
        Case(definition: "f(x, y) = x^2 + y^2", ask: "descent from(1, 1) rate 1/4 steps 1", right: "(0.50, 0.50)", wrong: "(0.4, 0.5)"),
        // A one-entry vector: the gradient of a function of one variable.
        Case(definition: "f(x) = 1/x", ask: "gradient at (2)", right: "(-1/4)", wrong: "(1/4)"),
        Case(definition: "f(x) = 1/x", ask: "gradient at 2", right: "-1/4", wrong: "1/4"),
        Case(definition: "f(x) = x^3", ask: "gradient", right: "3 x^2", wrong: "(3 x)"),
    ]

    @Test(arguments: cases)
    func rightAnswerPasses(_ c: Case) {
        let (evaluated, diagnostics) = runCalcBlock("calc exercise", [c.definition, "ask \(c.ask)", "answer \(c.right)"])
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
        #expect(evaluated?.answersChecked == 1)
        #expect(evaluated?.results.first?.verified == true)
        #expect(evaluated?.results.first?.steps.isEmpty == false, "every request shows its work")
    }

    @Test(arguments: cases)
    func wrongAnswerFailsAtTheAnswerLine(_ c: Case) {
        let (evaluated, diagnostics) = runCalcBlock("calc exercise", [c.definition, "ask \(c.ask)", "answer \(c.wrong)"])
        #expect(diagnostics.count == 1)
        guard let d = diagnostics.first else { return }
        #expect(d.location == SourceLocation(line: 12, column: 8), "the answer's value on the answer line")
        #expect(d.message.contains("the answer is \(c.wrong)"), "\(d.message)")
        #expect(d.message.contains("computed result is"), "\(d.message)")
        #expect(evaluated?.answersChecked == 0)
    }

    /// Parts (a), (b) each with its own answer; the wrong one is reported at its own line.
    @Test func partsAreCheckedSeparately() {
        let (evaluated, diagnostics) = runCalcBlock("calc exercise {#ex-two}", [
            "f(x, y) = x^2 - y^2", "ask gradient at (1, 2)", "answer (2, -4)", "ask directional at (1, 2) toward (3, 4)",
            "answer 2", "hint Normalize the direction first.",
        ])
        #expect(evaluated?.results.count == 2)
        #expect(evaluated?.answersChecked == 1)
        #expect(evaluated?.block.hint == "Normalize the direction first.")
        #expect(evaluated?.block.label == "ex-two")
        #expect(diagnostics.map(\.location.line) == [14])
    }

    /// Worked example values, exact and approximate.
    @Test func exactResultsAndApproximation() {
        let (evaluated, diagnostics) = runCalcBlock("calc", [
            "f(x, y) = x^2 y + sin(y)", "a = 3", "value at (a, pi/2) approx", "gradient at (1, 0)",
        ])
        #expect(diagnostics.isEmpty)
        let results = evaluated?.results ?? []
        #expect(results.count == 2)
        #expect(results.first?.value.plainText == "1 + 9 pi/2" || results.first?.value.plainText == "9 pi/2 + 1",
                "\(results.first?.value.plainText ?? "")")
        #expect(results.first?.approximation == Expr.formatDecimal(1 + 9 * Double.pi / 2))
        #expect(results.last?.value == .exact(.vector([.num(0), .num(2)])))
        #expect(results.last?.approximation == nil, "no approx unless asked")
    }

    /// A plot block becomes a figure with an inline SVG and its caption.
    @Test func plotBecomesAFigure() {
        let (evaluated, diagnostics) = runCalcBlock("calc plot {#fig-bowl}", [
            "f(x, y) = x^2 + 2 y^2", "contour x in [-3, 3], y in [-3, 3] levels 12 grid 41", "field 9",
            "descent from (2.6, 2.2) rate 0.1 steps 25", "mark (0, 0) \"minimum\"",
            "caption Level sets of $f$ and a descent path.",
        ])
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
        let figure = evaluated?.figure
        #expect(figure?.svg.hasPrefix("<svg") == true)
        #expect(figure?.svg.contains("minimum") == true)
        #expect(figure?.caption == "Level sets of $f$ and a descent path.")
        #expect(figure?.label == "fig-bowl")
        #expect(figure?.alt.isEmpty == false)
    }

    /// The `check at` table shows the variable and the exact partial as math, the numbers as text.
    @Test func checkTableTypesetsTheExactColumn() throws {
        let (evaluated, diagnostics) = runCalcBlock("calc", ["f(x, theta) = x^2 sqrt(theta)", "check at (1, 2)"])
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
        let table = try #require(evaluated?.results.first?.table)
        let html = CalcHTMLRenderer.table(table)
        #expect(html.contains("<td><span class=\"math inline\">2\\sqrt{2}</span></td>"), "\(html)")
        #expect(html.contains("<td><span class=\"math inline\">\\theta</span></td>"), "\(html)")
        #expect(!html.contains("<td>2 sqrt(2)</td>"), "the exact value is not calc syntax")
        #expect(html.contains("<td>" + table.rows[0][2] + "</td>"), "numbers stay plain text")
    }

    /// A long note (the linearization's point-slope form) gets a row of its own, so the
    /// display stays as narrow as its values.
    @Test func longNotesBreakTheAlignedLine() throws {
        let (evaluated, diagnostics) = runCalcBlock("calc", ["f(x, y) = sqrt(x^2 + y^2)", "linearization at (3, 4)"])
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
        let steps = try #require(evaluated?.results.first?.steps)
        let display = CalcWorkLines.aligned(steps)
        let rows = display.components(separatedBy: " \\\\\n")
        #expect(rows.count == steps.count + 1, "\(display)")
        let noteRow = try #require(rows.first { $0.contains("point-slope form") })
        #expect(noteRow.hasPrefix("&\\qquad "), "\(noteRow)")
        #expect(!display.contains("&&"), "no row carries a note in a third column: \(display)")
        // Short notes stay on their row.
        let (chain, _) = runCalcBlock("calc", ["f(x, y) = x y", "chain x = t, y = t wrt t"])
        let chainSteps = try #require(chain?.results.first?.steps)
        #expect(CalcWorkLines.aligned(chainSteps) == WorkStep.aligned(chainSteps))
    }

    /// The difference quotient names the moved point and drops a piecewise whose branches agree.
    @Test func differenceQuotientShowsTheMovedPoint() throws {
        let (evaluated, diagnostics) = runCalcBlock("calc", [
            "g(x, y) = x y / (x^2 + y^2) if (x, y) != (0, 0) else 0", "definition partial x at (0, 0)",
            "definition partial y at (1, 2)",
        ])
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
        let atOrigin = try #require(evaluated?.results.first?.steps.dropFirst().first)
        #expect(atOrigin.latexLabel.hasPrefix("\\frac{g\\left(h, 0\\right) - g\\left(0, 0\\right)}"), "\(atOrigin.latexLabel)")
        #expect(atOrigin.value == .scalar(.num(0)), "\(atOrigin.plainText)")
        let away = try #require(evaluated?.results.last?.steps.dropFirst().first)
        #expect(away.latexLabel.contains("g\\left(1, h + 2\\right)") || away.latexLabel.contains("g\\left(1, 2 + h\\right)"),
                "\(away.latexLabel)")
        #expect(!away.latexLabel.contains("ldots"))
    }

    /// Axes carry the function's variables and the legend its name, in SVG and TikZ.
    @Test func figureSpeaksOfTheBlocksNames() throws {
        let (evaluated, diagnostics) = runCalcBlock("calc plot", [
            "L(w, theta) = w^2 + 2 theta^2", "contour w in [-3, 3], theta in [-3, 3] levels 6 grid 41", "field 5",
            "descent from(2, 1) rate 1/10 steps 5",
        ])
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
        let figure = try #require(evaluated?.figure)
        #expect(figure.svg.contains(">w</text>"), "x axis named w")
        #expect(figure.svg.contains(">theta</text>") || figure.svg.contains(">θ</text>"), "y axis named theta")
        #expect(!figure.svg.contains(">x</text>") && !figure.svg.contains(">y</text>"))
        #expect(figure.svg.contains("level sets of L"))
        #expect(figure.svg.contains("gradient \u{2207}L"))
        #expect(!figure.svg.contains("level sets of f") && !figure.svg.contains("gradient \u{2207}f"))
        #expect(figure.tikz.contains("$\\theta$") && figure.tikz.contains("$w$"))
        #expect(figure.tikz.contains("level sets of $L$") && figure.tikz.contains("$\\nabla L$"))
        #expect(figure.svg.contains("gradient descent"), "the plot's descent line reads 'from(2, 1)' too")
    }

    /// The generated alt text speaks of the block's function and variable names.
    @Test func altTextUsesTheBlocksNames() throws {
        let (evaluated, diagnostics) = runCalcBlock("calc plot", [
            "L(w, theta) = w^2 + 2 theta^2", "contour w in [-3, 3], theta in [-2, 2] levels 6 grid 41", "field 5",
        ])
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
        let figure = try #require(evaluated?.figure)
        #expect(figure.alt.hasPrefix("Contour plot of L(w, theta) = "), "\(figure.alt)")
        #expect(figure.alt.contains("for w from \u{2212}3 to 3 and theta from \u{2212}2 to 2"), "\(figure.alt)")
        #expect(figure.alt.contains("gradient of L"), "\(figure.alt)")
        #expect(!figure.alt.contains("f(x, y)") && !figure.alt.contains(" f = "), "\(figure.alt)")
    }

    /// A descent path that diverges (the step is too large for the valley) still gives a
    /// figure: the alt text prints its far-away end in powers of ten instead of crashing.
    @Test func divergingDescentStillPlots() throws {
        let (evaluated, diagnostics) = runCalcBlock("calc plot", [
            "f(x, y) = (x - 1)^2 + 3 (y - x^2)^2", "contour x in [-3, 3], y in [-3, 3] levels 10",
            "descent from (2.5, 2) rate 0.05 steps 20",
        ])
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
        let figure = try #require(evaluated?.figure)
        #expect(figure.alt.contains("leaves the window"), "\(figure.alt)")
        #expect(figure.svg.contains("<svg"))
    }

    /// One step is "1 step", in the question and in the remark.
    @Test func oneDescentStepIsSingular() throws {
        let (evaluated, diagnostics) = runCalcBlock("calc exercise", [
            "f(x, y) = x^2 + y^2", "ask descent from (1, 1) rate 0.1 steps 1", "answer (0.8, 0.8)",
        ])
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
        let block = try #require(evaluated)
        #expect(CalcQuestion.text(try #require(block.block.parts.first).ask).hasPrefix("Run 1 step of gradient descent"))
        #expect(block.results.first?.remark?.hasPrefix("After 1 step of size") == true, "\(String(describing: block.results.first?.remark))")
    }

    /// Notes that name a partial set it as math, not as "f_x" in text.
    @Test func notesSetPartialsAsMath() throws {
        let (evaluated, diagnostics) = runCalcBlock("calc", ["f(x, y) = x^2 y^3", "partial x, y", "clairaut"])
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
        let results = try #require(evaluated?.results)
        #expect(results[0].steps[1].latexNote == "\\text{differentiate } f_{x} \\text{ by } y")
        #expect(results[1].remark?.contains("_") == false, "\(String(describing: results[1].remark))")
    }
}
