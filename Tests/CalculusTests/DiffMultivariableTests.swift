import Testing
@testable import Calculus

/// Multivariable operations on hand-worked examples.
@Suite struct DiffMultivariableTests {
    let xy = ["x", "y"]

    func p(_ s: String) -> Expr { diffParse(s) }
    func v(_ s: String...) -> [Expr] { s.map { diffParse($0) } }

    @Test func gradientOfTheFirstExample() throws {
        let g = Gradient(of: p("x^2 y + sin(y)"), variables: xy)
        #expect(g.components == v("2 x y", "x^2 + cos(y)"))
        #expect(try g.at(v("1", "0")) == v("0", "2"))
        #expect(try g.at(v("2", "pi")) == v("4 pi", "3"))
        #expect(g.steps.count == 2)
        #expect(g.derivations.map(\.rule) == [.sum, .sum])
    }

    @Test func directionalDerivativeOfTheExercise() throws {
        // CALC.md 2.5: x^2 - y^2 at (1, 2) toward (3, 4) is -2.
        let d = try DirectionalDerivative(of: p("x^2 - y^2"), variables: xy, at: v("1", "2"), toward: v("3", "4"))
        #expect(d.directionNorm == .num(5))
        #expect(d.unit == v("3/5", "4/5"))
        #expect(d.gradientAtPoint == v("2", "-4"))
        #expect(d.value == .num(-2))
        #expect(d.steps.map(\.label) == ["‖v‖", "u", "∇f", "∇f(1, 2)", "D_u f(1, 2)"])
    }

    @Test func directionalDerivativeWithRadicals() throws {
        let d = try DirectionalDerivative(of: p("x y"), variables: xy, at: v("1", "1"), toward: v("1", "1"))
        #expect(d.directionNorm == p("sqrt(2)"))
        #expect(d.unit == v("sqrt(2)/2", "sqrt(2)/2"))
        #expect(d.value == p("sqrt(2)"))
        #expect(throws: DirectionalDerivative.Failure.zeroDirection) {
            try DirectionalDerivative(of: p("x y"), variables: xy, at: v("1", "1"), toward: v("0", "0"))
        }
    }

    @Test func normalization() {
        #expect(VectorAlgebra.normalize(v("3", "4")) == v("3/5", "4/5"))
        #expect(VectorAlgebra.normalize(v("1", "1")) == v("sqrt(2)/2", "sqrt(2)/2"))
        #expect(VectorAlgebra.normalize(v("1", "2", "2")) == v("1/3", "2/3", "2/3"))
        #expect(VectorAlgebra.normalize(v("0", "0")) == nil)
        #expect(VectorAlgebra.norm(v("2", "2")) == p("2 sqrt(2)"))
        #expect(VectorAlgebra.dot(v("1", "2"), v("3", "4")) == .num(11))
    }

    @Test func steepestAscent() throws {
        let s = try SteepestAscent(of: p("x^2 + 2 y^2"), variables: xy, at: v("1", "1"))
        #expect(s.gradientAtPoint == v("2", "4"))
        #expect(s.rate == p("2 sqrt(5)"))
        #expect(s.ascent == v("sqrt(5)/5", "2 sqrt(5)/5"))
        #expect(s.descent == v("-sqrt(5)/5", "-2 sqrt(5)/5"))
        let flat = try SteepestAscent(of: p("x^2 + 2 y^2"), variables: xy, at: v("0", "0"))
        #expect(flat.rate == .zero)
        #expect(flat.ascent == nil)
    }

    @Test func hessianIsSymmetric() throws {
        let h = Hessian(of: p("x^3 y^2 + exp(x y)"), variables: xy)
        #expect(h.isSymmetric)
        #expect(h.entries[0][1] == h.entries[1][0])
        let quadratic = Hessian(of: p("x^2 + 2 y^2"), variables: xy)
        #expect(quadratic.entries == [v("2", "0"), v("0", "4")])
        let three = Hessian(of: p("x y z"), variables: ["x", "y", "z"])
        #expect(try three.at(v("1", "2", "3")) == [v("0", "3", "2"), v("3", "0", "1"), v("2", "1", "0")])
    }

    @Test func jacobiansAndDeterminants() throws {
        // CALC.md's vector field F(x, y) = (x^2 y, 5x + sin(y)).
        let j = Jacobian(of: v("x^2 y", "5x + sin(y)"), variables: xy)
        #expect(j.entries == [v("2 x y", "x^2"), v("5", "cos(y)")])
        #expect(try #require(j.determinant) == Simplify.display(p("2 x y cos(y) - 5 x^2")))
        let at = try j.at(v("1", "0"))
        #expect(at.determinant == .num(-5))
        // Polar coordinates: det = r.
        let polar = Jacobian(of: v("r cos(theta)", "r sin(theta)"), variables: ["r", "theta"])
        #expect(Equivalence.areEquivalent(try #require(polar.determinant), p("r"), variables: ["r", "theta"]).equivalent)
        // Spherical coordinates: det = rho^2 sin(phi).
        let spherical = Jacobian(
            of: v("rho sin(phi) cos(theta)", "rho sin(phi) sin(theta)", "rho cos(phi)"), variables: ["rho", "phi", "theta"])
        #expect(Equivalence.areEquivalent(try #require(spherical.determinant), p("rho^2 sin(phi)"),
                                          variables: ["rho", "phi", "theta"]).equivalent)
        // Not square: no determinant.
        #expect(Jacobian(of: v("x y", "x + y", "x - y"), variables: xy).determinant == nil)
        #expect(VectorAlgebra.determinant([v("1", "2", "3"), v("4", "5", "6"), v("7", "8", "10")]) == .num(-3))
    }

    @Test func tangentPlane() throws {
        let t = try TangentPlane(of: p("x^2 + y^2"), variables: xy, at: v("1", "2"))
        #expect(t.linearization.value == .num(5))
        #expect(t.linearization.slopes == v("2", "4"))
        #expect(t.expression == p("2x + 4y - 5"))
        #expect(t.passesThroughPoint)
        #expect(t.equation == "z = 5 + 2 (x - 1) + 4 (y - 2)")
        let s = try TangentPlane(of: p("x^2 - y^2"), variables: xy, at: v("1", "2"))
        #expect(s.equation == "z = -3 + 2 (x - 1) - 4 (y - 2)")
        #expect(try TangentPlane(of: p("x y"), variables: xy, at: v("0", "0")).equation == "z = 0")
    }

    @Test func linearizationInThreeVariables() throws {
        let l = try Linearization(of: p("x y z"), variables: ["x", "y", "z"], at: v("1", "2", "3"))
        #expect(l.value == .num(6))
        #expect(l.slopes == v("6", "3", "2"))
        #expect(l.expression == p("6x + 3y + 2z - 12"))
        #expect(l.passesThroughPoint)
        let e = try Linearization(of: p("exp(x) cos(y)"), variables: xy, at: v("0", "0"))
        #expect(e.expression == p("x + 1"))
    }

    @Test func chainRuleTermByTerm() throws {
        // f = x^2 y along x = cos t, y = sin t.
        let c = try ChainRule(of: p("x^2 y"), variables: xy, path: [p("cos(t)"), p("sin(t)")], parameter: "t")
        #expect(c.terms.count == 2)
        #expect(c.terms[0].partialAlongPath == p("2 cos(t) sin(t)"))
        #expect(c.terms[0].innerDerivative == p("-sin(t)"))
        #expect(c.terms[1].innerDerivative == p("cos(t)"))
        #expect(c.agrees)
        #expect(Equivalence.areEquivalent(c.total, p("cos(t)^3 - 2 sin(t)^2 cos(t)"), variables: ["t"]).equivalent)
        let linear = try ChainRule(of: p("x y"), variables: xy, path: [p("t^2"), p("t^3")], parameter: "t")
        #expect(linear.direct == p("5 t^4"))
        #expect(linear.total == p("5 t^4"))
        #expect(linear.agrees)
    }

    @Test func mixedPartialsBothOrders() {
        let m = MixedPartials(of: p("x^3 y^2 + sin(x y)"), "x", "y", variables: xy)
        #expect(m.equal)
        #expect(Equivalence.areEquivalent(m.inOrder, p("6 x^2 y + cos(x y) - x y sin(x y)"), variables: xy).equivalent)
        #expect(m.steps.count == 4)
        let first = MixedPartials(of: p("x^2 y + sin(y)"), "x", "y", variables: xy)
        #expect(first.inOrder == p("2x"))
        #expect(first.reversed == p("2x"))
    }

    /// (f, point, classification).
    static let classifications: [(String, String, String, CriticalPoint.Classification)] = [
        ("x^2 + 2 y^2", "0", "0", .minimum),
        ("-x^2 - y^2", "0", "0", .maximum),
        ("x^2 - y^2", "0", "0", .saddle),
        ("x y", "0", "0", .saddle),
        ("x^4 + y^4", "0", "0", .inconclusive),
        ("x^3 - 3x + y^2", "1", "0", .minimum),
        ("x^3 - 3x + y^2", "-1", "0", .saddle),
        ("x^4 + y^4 - 4 x y", "1", "1", .minimum),
        ("x^4 + y^4 - 4 x y", "0", "0", .saddle),
        ("x^2 + y^2", "1", "0", .notCritical),
        ("x^3 + y^3 - 3 x y", "1", "1", .minimum),
        ("-(x^3 + y^3 - 3 x y)", "1", "1", .maximum),
        ("x^2 y^2", "0", "0", .inconclusive),
    ]

    @Test(arguments: classifications)
    func classification(_ f: String, _ a: String, _ b: String, _ expected: CriticalPoint.Classification) throws {
        let c = try CriticalPoint(of: p(f), variables: xy, at: v(a, b))
        #expect(c.classification == expected, "\(f) at (\(a), \(b))")
    }

    @Test func wrongDimensionsAreErrorsNotCrashes() throws {
        let f = p("x^2 + y^2")
        #expect(throws: EvaluationError.pointDimension(expected: 2, got: 1)) {
            try TangentPlane(of: f, variables: xy, at: [.one])
        }
        #expect(throws: EvaluationError.pointDimension(expected: 2, got: 3)) {
            try CriticalPoint(of: f, variables: xy, at: [.one, .one, .one])
        }
        #expect(throws: EvaluationError.pointDimension(expected: 2, got: 1)) {
            try ChainRule(of: f, variables: xy, path: [p("t")], parameter: "t")
        }
        #expect(throws: CompiledExpression.CompileError.pointDimension(expected: 2, got: 1)) {
            try GradientDescent(of: f, variables: xy, from: [1], rate: 0.1, steps: 3)
        }
        let compiled = try CompiledExpression(p("x + y + z"), variables: ["x", "y", "z"])
        #expect(compiled([1, 2]).isNaN)
        #expect(compiled.function2(1, 2).isNaN)
        #expect(compiled.evaluateDual([1], seed: 0).value.isNaN)
        #expect(VectorAlgebra.leadingMinors([]) == [])
    }

    @Test func classificationInThreeVariables() throws {
        let c = try CriticalPoint(of: p("x^2 + y^2 + z^2 + x y"), variables: ["x", "y", "z"], at: v("0", "0", "0"))
        #expect(c.classification == .minimum)
        #expect(c.leadingMinors == v("2", "3", "6"))
        let s = try CriticalPoint(of: p("x^2 + y^2 - z^2"), variables: ["x", "y", "z"], at: v("0", "0", "0"))
        #expect(s.classification == .saddle)
    }

    @Test func gradientDescentOnTheBowl() throws {
        // CALC.md 2.4: x^2 + 2y^2 from (2.6, 2.2), rate 0.1, 25 steps: x shrinks by 0.8, y by 0.6 per step.
        let d = try GradientDescent(of: p("x^2 + 2 y^2"), variables: xy, from: [2.6, 2.2], rate: 0.1, steps: 25)
        #expect(d.iterates.count == 26)
        #expect(d.completed)
        let x = 2.6 * pow(0.8, 25.0), y = 2.2 * pow(0.6, 25.0)
        #expect(abs(d.finalPoint[0] - x) < 1e-12)
        #expect(abs(d.finalPoint[1] - y) < 1e-12)
        #expect(abs(d.finalValue - (x * x + 2 * y * y)) < 1e-12)
        #expect(d.values == d.values.sorted(by: >))
    }
}

import Foundation

@Suite struct DiffVerificationOfOperationsTests {
    @Test(arguments: ["x^2 y + sin(y)", "exp(x^2 + y^2)", "x y/(x^2 + y^2)", "log(1 + exp(-y x))", "x^y", "atan(y/x)"])
    func gradientAndHessianVerify(_ f: String) {
        let e = diffParse(f)
        let g = Gradient(of: e, variables: ["x", "y"])
        for check in g.verification() { #expect(check.passed, "\(f): \(check.summary)") }
        let h = Hessian(of: e, variables: ["x", "y"])
        #expect(h.isSymmetric)
        for row in h.verification() { for check in row { #expect(check.passed, "\(f): \(check.summary)") } }
    }
}

@Suite struct DiffGradientCheckTests {
    @Test func checkAtAPoint() throws {
        let c = try GradientCheck(of: diffParse("x^2 y + sin(y)"), variables: ["x", "y"], at: [.num(1), .num(2)])
        #expect(c.agrees)
        #expect(c.rows.map(\.exact) == [.num(4), diffParse("1 + cos(2)")])
        for row in c.rows {
            #expect(row.step > 6e-6 && row.step < 2e-5)
            #expect(row.difference < 1e-8)
        }
        #expect(throws: GradientCheck.Failure.undefined(.logarithmOfNonPositive(.zero))) {
            try GradientCheck(of: diffParse("log(x)"), variables: ["x"], at: [.zero])
        }
    }
}

@Suite struct DiffWorkStepTests {
    @Test func directionalDerivativeWork() throws {
        let d = try DirectionalDerivative(of: diffParse("x^2 - y^2"), variables: ["x", "y"],
                                          at: [.num(1), .num(2)], toward: [.num(3), .num(4)])
        #expect(d.steps.map(\.plainText) == [
            "‖v‖ = 5    [length of v = (3, 4)]",
            "u = (3/5, 4/5)    [normalize: u = v/‖v‖]",
            "∇f = (\(diffParse("2 x").plainText), \(diffParse("-2 y").plainText))",
            "∇f(1, 2) = (2, -4)",
            "D_u f(1, 2) = -2    [∇f(1, 2) · u]",
        ])
        let latex = WorkStep.aligned(d.steps)
        #expect(latex.hasPrefix("\\begin{aligned}\n\\lVert v\\rVert &= 5 && \\text{length of } v = \\left(3, 4\\right) \\\\\n"))
        #expect(latex.contains("u &= \\left(\\frac{3}{5}, \\frac{4}{5}\\right) && \\text{normalize: } u = v/\\lVert v\\rVert"))
        #expect(latex.hasSuffix("D_{u} f\\left(1, 2\\right) &= -2 && \\nabla f\\left(1, 2\\right) \\cdot u\n\\end{aligned}"))
        #expect(!latex.contains("‖") && !latex.contains("∇"))
    }

    @Test func notesEscapeLatexSpecials() {
        let step = WorkStep(label: "a", latexLabel: "a", value: .scalar(.one), note: "f_xy & 50%")
        #expect(step.latexNote == "\\text{f\\_xy \\& 50\\%}")
    }
}
