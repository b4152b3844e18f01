import Testing
@testable import Calculus

/// Derivations with steps: the rule each step names, and the two renderings.
@Suite struct DiffDerivationTests {
    /// (f, variable, the rule of the top step).
    static let rootRules: [(String, String, DerivationRule)] = [
        ("x^2 + y", "x", .sum),
        ("3 x^2", "x", .constantMultiple),
        ("x^2 y", "x", .constantMultiple),
        ("x^5", "x", .power),
        ("sqrt(x)", "x", .squareRoot),
        ("x sin(x)", "x", .product),
        ("x/(x^2 + 1)", "x", .quotient),
        ("sin(x)/x", "x", .quotient),
        ("1/(x^2 + y^2)", "x", .chain(outer: .power)),
        ("(x + y)^3", "x", .chain(outer: .power)),
        ("sqrt(x^2 + y^2)", "x", .chain(outer: .squareRoot)),
        ("sin(x)", "x", .function(.sin)),
        ("sin(x y)", "x", .chain(outer: .function(.sin))),
        ("cos(x)", "x", .function(.cos)),
        ("tan(x)", "x", .function(.tan)),
        ("sec(x)", "x", .function(.sec)),
        ("csc(x)", "x", .function(.csc)),
        ("cot(x)", "x", .function(.cot)),
        ("asin(x)", "x", .function(.asin)),
        ("acos(2x)", "x", .chain(outer: .function(.acos))),
        ("atan(y/x)", "x", .chain(outer: .function(.atan))),
        ("sinh(x)", "x", .function(.sinh)),
        ("cosh(x)", "x", .function(.cosh)),
        ("tanh(x)", "x", .function(.tanh)),
        ("exp(x)", "x", .function(.exp)),
        ("exp(x^2 + y^2)", "x", .chain(outer: .function(.exp))),
        ("log(x)", "x", .function(.log)),
        ("abs(x)", "x", .function(.abs)),
        ("sigmoid(w x + b)", "w", .chain(outer: .function(.sigmoid))),
        ("2^x", "x", .exponential),
        ("2^(x y)", "x", .chain(outer: .exponential)),
        ("x^x", "x", .variablePower),
        ("x", "x", .variable),
        ("7", "x", .constant),
        ("pi", "x", .constant),
        ("sin(y)", "x", .heldConstant(["y"])),
        ("y z", "x", .heldConstant(["y", "z"])),
    ]

    @Test(arguments: rootRules)
    func topStepNamesTheRule(_ f: String, _ v: String, _ rule: DerivationRule) {
        let step = Derivation.partial(diffParse(f, variables: ["x", "y", "z", "w", "b"]), wrt: v)
        #expect(step.rule == rule, "\(f): \(step.rule.name)")
        #expect(Equivalence.areEquivalent(step.result, Derivative.partial(step.expression, wrt: v)).equivalent)
    }

    @Test func ruleNames() {
        #expect(DerivationRule.heldConstant(["y"]).name == "y is held constant")
        #expect(DerivationRule.heldConstant(["y", "z"]).name == "y and z are held constant")
        #expect(DerivationRule.chain(outer: .function(.sin)).name == "chain rule with the sine rule")
        #expect(DerivationRule.quotient.name == "quotient rule")
        #expect(DerivationRule.function(.abs).name == "absolute value rule (away from 0)")
        for f in Function.allCases { #expect(!DerivativeRule.for(f).name.isEmpty) }
    }

    @Test func quotientStepShowsNumeratorAndDenominator() throws {
        let step = Derivation.partial(diffParse("x/(x^2 + 1)"), wrt: "x")
        #expect(step.parts == [diffParse("x"), diffParse("x^2 + 1")])
        #expect(step.substeps.map(\.rule) == [.variable, .sum])
    }

    @Test func plainTextStepList() {
        // Expected lines are assembled from the printer's own spelling of each piece, so
        // the test pins the step format, not the printer's spacing.
        func t(_ s: String) -> String { diffParse(s).plainText }
        let step = Derivation.partial(diffParse("x^2 y + sin(y)"), wrt: "x")
        let lines = DerivationRenderer.lines(step)
        #expect(lines.map(\.plain) == [
            "∂/∂x (\(t("x^2 y + sin(y)")))",
            "∂/∂x (\(t("x^2 y"))) + ∂/∂x (\(t("sin(y)")))",
            "y · ∂/∂x (\(t("x^2")))",
            "y · \(t("2 x"))",
            t("2 x y"),
        ])
        #expect(lines.map(\.note) == ["", "sum rule", "constant multiple rule; y is held constant", "power rule", "simplify"])
        let text = DerivationRenderer.plainText(step)
        let width = lines.dropFirst().map(\.plain.count).max()!
        var expected = lines[0].plain + "\n"
        for line in lines.dropFirst() {
            expected += "  = " + line.plain + String(repeating: " ", count: width - line.plain.count) + "    [\(line.note)]\n"
        }
        #expect(text == expected)
        #expect(text.hasPrefix("∂/∂x (x^2 y + sin(y))\n  = ∂/∂x (x^2 y) + ∂/∂x (sin(y))    [sum rule]\n"))
    }

    @Test func quotientStepList() {
        let lines = DerivationRenderer.lines(Derivation.partial(diffParse("x y/(x^2 + y^2)"), wrt: "x"))
        #expect(lines.map(\.note) == [
            "", "constant multiple rule", "quotient rule", "variable rule; sum rule",
            "power rule; y is held constant", "simplify",
        ])
        #expect(lines.last?.plain == "y (y^2 - x^2)/(x^2 + y^2)^2")
    }

    @Test func alignedLatex() {
        let f = diffParse("exp(x^2 + y^2)")
        let latex = DerivationRenderer.latex(Derivation.partial(f, wrt: "x"))
        let rows = latex.split(separator: "\n")
        #expect(rows.first == "\\begin{aligned}")
        #expect(rows.last == "\\end{aligned}")
        #expect(rows[1].hasPrefix("\\frac{\\partial}{\\partial x}\\left(\(f.latex)\\right) &= "))
        for row in rows.dropFirst().dropLast() {
            #expect(row.contains("&= ") && row.contains(" && "))
        }
        #expect(rows[rows.count - 2] == "&= \(Simplify.display(Derivative.partial(f, wrt: "x")).latex) && \\text{simplify}")
        #expect(Simplify.display(Derivative.partial(f, wrt: "x")) == diffParse("2 x exp(x^2 + y^2)"))
        #expect(latex.contains("\\text{chain rule with the exponential rule}"))
        #expect(latex.contains("y \\text{ is held constant}"))
    }

    @Test func finalLineIsTheSimplifiedDerivative() {
        for text in ["x^2 y + sin(y)", "x y/(x^2 + y^2)", "x^y", "sigmoid(w x + b)", "x^x", "log(x^2 + y^2)"] {
            let e = diffParse(text, variables: ["x", "y", "w", "b"])
            let lines = DerivationRenderer.lines(Derivation.partial(e, wrt: "x"))
            #expect(lines.last?.plain == Simplify.display(Derivative.partial(e, wrt: "x")).plainText)
            #expect(lines.first?.plain == "∂/∂x (\(e.plainText))")
        }
    }

    @Test func rendersDeterministically() {
        let e = diffParse("x y (x^2 - y^2)/(x^2 + y^2)")
        let a = DerivationRenderer.latex(Derivation.partial(e, wrt: "y"))
        let b = DerivationRenderer.latex(Derivation.partial(e, wrt: "y"))
        #expect(a == b)
    }
}

@Suite struct DiffPiecewiseTests {
    @Test func piecewiseIsDifferentiatedPieceByPiece() {
        let g = diffParse("x y (x^2 - y^2)/(x^2 + y^2) if (x, y) != (0, 0) else 0")
        let gx = Derivative.partial(g, wrt: "x")
        guard case .piecewise(let pieces, let otherwise) = gx else {
            Issue.record("expected a piecewise derivative, got \(gx.plainText)")
            return
        }
        #expect(otherwise == .zero)
        #expect(Equivalence.areEquivalent(pieces[0].value, diffParse("y (x^4 + 4 x^2 y^2 - y^4)/(x^2 + y^2)^2")).equivalent)
        #expect(Verification.checkPartial(g, wrt: "x", variables: ["x", "y"]).passed)
        #expect(Derivation.partial(g, wrt: "y").rule == .piecewise)
        // The fast evaluator takes the branch: at the origin the value is the `else` piece.
        let compiled = try? CompiledExpression(gx, variables: ["x", "y"])
        #expect(compiled?([0, 0]) == 0)
    }
}

@Suite struct DiffWorkDerivationTests {
    @Test func secondPartialsWithSteps() {
        let f = diffParse("x^3 y^2 + sin(x y)")
        let steps = Derivation.partial(f, wrt: ["x", "y"])
        #expect(steps.count == 2)
        #expect(steps[1].expression == steps[0].result)
        #expect(Equivalence.areEquivalent(steps[1].result, Derivative.partial(f, wrt: ["x", "y"])).equivalent)
        let h = Hessian(of: f, variables: ["x", "y"])
        let work = h.derivations()
        for i in 0..<2 {
            for j in 0..<2 {
                #expect(Simplify.display(work[i][j].result) == h.entries[i][j])
            }
        }
        let j = Jacobian(of: [diffParse("x^2 y"), diffParse("5x + sin(y)")], variables: ["x", "y"])
        let entry = j.derivations()[1][1]
        #expect(entry.rule == .sum)
        #expect(Set(entry.substeps.map(\.rule.name)) == ["x is held constant", "sine rule"])
    }
}
