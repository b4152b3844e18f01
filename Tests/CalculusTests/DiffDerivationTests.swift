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
        let text = DerivationRenderer.plainText(Derivation.partial(diffParse("x^2 y + sin(y)"), wrt: "x"))
        #expect(text == """
            ∂/∂x (x^2 y + sin(y))
              = ∂/∂x (x^2 y) + ∂/∂x (sin(y))    [sum rule]
              = y · ∂/∂x (x^2)                  [constant multiple rule; y is held constant]
              = y · 2 x                         [power rule]
              = 2 x y                           [simplify]

            """)
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
        let latex = DerivationRenderer.latex(Derivation.partial(diffParse("exp(x^2 + y^2)"), wrt: "x"))
        let rows = latex.split(separator: "\n")
        #expect(rows.first == "\\begin{aligned}")
        #expect(rows.last == "\\end{aligned}")
        #expect(rows[1].hasPrefix("\\frac{\\partial}{\\partial x}\\left(e^{x^{2} + y^{2}}\\right) &= "))
        for row in rows.dropFirst().dropLast() {
            #expect(row.contains("&= ") && row.contains(" && "))
        }
        #expect(rows[rows.count - 2] == "&= 2x e^{x^{2} + y^{2}} && \\text{simplify}")
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
