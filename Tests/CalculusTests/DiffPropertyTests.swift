import Foundation
import Testing
@testable import Calculus

/// Property tests over seeded random expressions: the symbolic derivative agrees with dual
/// numbers and finite differences; the derivation tree agrees with the fast derivative;
/// the compiled evaluator agrees with the tree evaluator.
@Suite struct DiffPropertyTests {
    /// Random expressions in x and y built through the smart constructors. Functions with
    /// restricted domains get arguments that keep much of the plane inside the domain.
    struct ExpressionGenerator {
        var rng: SplitMix64

        mutating func pick(_ n: Int) -> Int { Int(rng.next() % UInt64(n)) }

        mutating func leaf() -> Expr {
            switch pick(5) {
            case 0: return .symbol("x")
            case 1: return .symbol("y")
            case 2: return .number(Rational(pick(7) - 3, 1 + pick(3)))
            case 3: return .constant(.pi)
            default: return pick(2) == 0 ? .symbol("x") : .symbol("y")
            }
        }

        mutating func expression(depth: Int) -> Expr {
            if depth == 0 { return leaf() }
            let a = expression(depth: depth - 1)
            switch pick(12) {
            case 0, 1: return a + expression(depth: depth - 1)
            case 2, 3: return a * expression(depth: depth - 1)
            case 4: return a - expression(depth: depth - 1)
            case 5: return a / (.power(expression(depth: depth - 1), .num(2)) + .one)
            case 6: return .power(a, .num(pick(4) + 2))
            case 7: return .sqrt(.power(a, .num(2)) + .num(1 + pick(2)))
            case 8: return .apply(.log, .power(a, .num(2)) + .one)
            case 9:
                let safe: [Function] = [.sin, .cos, .atan, .sinh, .tanh, .exp, .sigmoid, .cosh]
                return .apply(safe[pick(safe.count)], a)
            case 10: return .apply(.asin, .apply(.tanh, a) * .rational(1, 2))
            // A variable exponent, kept to a leaf so the value stays inside Double's range.
            default: return .power(.apply(.sigmoid, a) + .one, leaf())
            }
        }
    }

    static let seeds: [UInt64] = Array(1...100)

    @Test(arguments: seeds)
    func symbolicAgreesWithDualAndFiniteDifferences(_ seed: UInt64) {
        var gen = ExpressionGenerator(rng: SplitMix64(seed: seed))
        let f = gen.expression(depth: 3)
        for v in ["x", "y"] {
            let d = Derivative.partial(f, wrt: v)
            let check = Verification.checkPartial(f, wrt: v, derivative: d, variables: ["x", "y"], count: 4, seed: seed)
            #expect(check.passed, "f = \(DerivativeDisplay.plain(f)): \(check.summary)")
            let stepped = Derivation.partial(f, wrt: v).result
            #expect(Equivalence.areEquivalent(stepped, d, variables: ["x", "y"]).equivalent,
                    "derivation and fast derivative differ for \(DerivativeDisplay.plain(f))")
            let shown = DerivativeDisplay.simplify(d)
            #expect(Equivalence.areEquivalent(shown, d, variables: ["x", "y"]).equivalent,
                    "simplified derivative differs for \(DerivativeDisplay.plain(f))")
        }
    }

    @Test(arguments: seeds)
    func compiledAgreesWithTreeEvaluation(_ seed: UInt64) throws {
        var gen = ExpressionGenerator(rng: SplitMix64(seed: seed &* 7919))
        let f = gen.expression(depth: 3)
        let compiled = try CompiledExpression(f, variables: ["x", "y"])
        var rng = SplitMix64(seed: seed)
        for _ in 0..<10 {
            let p = [rng.uniform(-3, 3), rng.uniform(-3, 3)]
            let tree = DualEvaluator.value(f, at: ["x": p[0], "y": p[1]])
            let fast = compiled(p)
            let closure = compiled.function2(p[0], p[1])
            #expect(fast == closure)
            // The compiled dual program against the dual tree walk.
            let dualTree = DualEvaluator.evaluate(f, at: ["x": p[0], "y": p[1]], seed: "y")
            let dualFast = compiled.evaluateDual(p, seed: 1)
            if dualTree.isFinite && dualFast.isFinite {
                #expect(abs(dualFast.value - fast) <= 1e-12 * max(1, abs(fast)))
                #expect(abs(dualFast.derivative - dualTree.derivative) <= 1e-9 * max(1, abs(dualTree.derivative)),
                        "\(DerivativeDisplay.plain(f)) at \(p)")
            }
            if tree.isFinite {
                // Both round differently (repeated squaring against pow, n-ary sums), and
                // deep random expressions amplify that; 1e-9 is far above rounding noise.
                #expect(abs(fast - tree) <= 1e-9 * max(1, abs(tree)), "\(DerivativeDisplay.plain(f)) at \(p)")
            } else {
                #expect(!fast.isFinite)
            }
        }
    }

    /// Wrong derivatives must be rejected by both the verification and the equivalence test,
    /// so the agreements above mean something.
    static let wrong: [(String, String, String)] = [
        ("sin(x)", "x", "-cos(x)"),
        ("x^2 y", "x", "2x"),
        ("exp(x y)", "x", "exp(x y)"),
        ("log(x^2 + 1)", "x", "1/(x^2 + 1)"),
        ("x/y", "y", "x/y^2"),
        ("sqrt(x^2 + 1)", "x", "x/sqrt(x^2 + 2)"),
        ("atan(x)", "x", "1/(1 - x^2)"),
        ("x^3", "x", "3x^2 + 1e-6"),
    ]

    @Test(arguments: wrong)
    func wrongDerivativesAreRejected(_ f: String, _ v: String, _ claimed: String) {
        let e = diffParse(f), d = diffParse(claimed)
        let check = Verification.checkPartial(e, wrt: v, derivative: d, variables: ["x", "y"])
        #expect(!check.passed)
        #expect(check.summary.hasPrefix("FAILED"))
        #expect(!Equivalence.areEquivalent(Derivative.partial(e, wrt: v), d, variables: ["x", "y"]).equivalent)
    }

    /// `Verification.passes` decides what `checkPartial` decides, on right derivatives,
    /// wrong ones (the table above, and every random derivative nudged), restricted
    /// domains and a function defined nowhere.
    @Test func passesDecidesLikeTheFullCheck() throws {
        let vars = ["x", "y"]
        var cases: [(Expr, String, Expr)] = Self.wrong.map { (diffParse($0.0), $0.1, diffParse($0.2)) }
        cases += [("log(x) + sqrt(y)", "x"), ("log(x - 3) + sqrt(y - 5)", "y"), ("log(-1 - x^2)", "x"),
                  ("abs(x) y", "x"), ("x^y", "y")].map { (diffParse($0.0), $0.1, Derivative.partial(diffParse($0.0), wrt: $0.1)) }
        for seed in Self.seeds.prefix(60) {
            var gen = ExpressionGenerator(rng: SplitMix64(seed: seed &* 31))
            let f = gen.expression(depth: 3)
            let d = Derivative.partial(f, wrt: "x")
            cases.append((f, "x", d))
            cases.append((f, "x", d + .rational(1, 1000)))
            cases.append((f, "x", d * .rational(1001, 1000)))
        }
        var failing = 0
        for (f, v, d) in cases {
            let fc = try CompiledExpression(f, variables: vars), dc = try CompiledExpression(d, variables: vars)
            for count in [1, 3, 5] {
                let full = Verification.checkPartial(fc, wrt: v, compiledDerivative: dc, count: count, seed: 0x5EED)
                let quick = Verification.passes(fc, wrt: v, compiledDerivative: dc, count: count, seed: 0x5EED)
                #expect(quick == full.passed, "\(DerivativeDisplay.plain(f)) ∂/∂\(v) claimed \(DerivativeDisplay.plain(d)): \(full.summary)")
                if !full.passed { failing += 1 }
            }
        }
        // Both outcomes occur, so the agreement is tested on each.
        #expect(failing > 100 && failing < 3 * cases.count - 100)
    }

    @Test func verificationReportsWorstPointAndSkipsOutsideDomain() throws {
        let f = diffParse("log(x) + sqrt(y)")
        let check = Verification.checkPartial(f, wrt: "x", variables: ["x", "y"])
        #expect(check.passed)
        #expect(check.samples.count == 5)
        #expect(check.skipped > 0)
        for s in check.samples { #expect(s.point[0] > 0 && s.point[1] > 0) }
        let worst = try #require(check.worst)
        #expect(check.samples.contains(worst))
        #expect(check.summary.contains("worst at (x="))
        // Nowhere defined: the check fails instead of passing vacuously.
        let nowhere = Verification.checkPartial(diffParse("log(-1 - x^2)"), wrt: "x", variables: ["x"])
        #expect(!nowhere.passed)
    }

    @Test func finiteDifferenceStepIsStated() {
        let e = FiniteDifference.central({ $0[0] * $0[0] * $0[0] }, at: [100], index: 0)
        #expect(e.step > 6e-4 && e.step < 6.1e-4)
        #expect(abs(e.value - 30000) < 1e-4)
        let h = FiniteDifference.step(at: 0.5)
        #expect(abs(h - FiniteDifference.relativeStep) < 1e-15)
        #expect((0.5 + h) - 0.5 == h)
    }

    @Test func dualNumbersFollowTheirOwnRules() {
        let x = Dual(2, 1)
        #expect((x * x).derivative == 4)
        #expect(Dual.pow(x, Dual(3)).derivative == 12)
        #expect(Dual.pow(Dual(-2, 1), Dual(2)).derivative == -4)
        #expect(abs(Dual.apply(.sigmoid, Dual(0, 1)).derivative - 0.25) < 1e-15)
        #expect(!Dual.apply(.log, Dual(-1, 1)).isFinite)
        #expect(!Dual.apply(.abs, Dual(0, 1)).isFinite)
        #expect(Dual.apply(.abs, Dual(-3, 1)).derivative == -1)
    }

    @Test func equivalenceSkipsUndefinedPoints() {
        // Equal where both are defined (x > 0); the exact test cannot see it.
        let a = diffParse("log(x^2)"), b = diffParse("2 log(x)")
        let outcome = Equivalence.areEquivalent(a, b, variables: ["x"])
        #expect(outcome.equivalent)
        #expect(outcome.skipped > 0)
        let different = Equivalence.areEquivalent(diffParse("x^2"), diffParse("x^2 + 1e-3"), variables: ["x"])
        #expect(!different.equivalent)
        #expect(different.counterexample != nil)
        #expect(Equivalence.areEquivalent(diffParse("2 x y"), diffParse("y x * 2")).method == .exact)
    }
}

@Suite struct DiffValueEquivalenceTests {
    @Test func vectorsAndMatrices() throws {
        func v(_ s: String) throws -> Value { try ExpressionParser.parseValue(s) }
        #expect(Equivalence.areEquivalent(try v("(2 x y, x^2 + cos(y))"), .vector(Gradient(of: diffParse("x^2 y + sin(y)"), variables: ["x", "y"]).components)))
        #expect(Equivalence.areEquivalent(try v("[[2, 0], [0, 4]]"), .matrix(Hessian(of: diffParse("x^2 + 2y^2"), variables: ["x", "y"]).entries)))
        #expect(!Equivalence.areEquivalent(try v("[[2, 0], [0, 4]]"), try v("[[2, 0], [0, 5]]")))
        #expect(!Equivalence.areEquivalent(try v("(1, 2)"), try v("(1, 2, 3)")))
        #expect(!Equivalence.areEquivalent(try v("(1, 2)"), .scalar(.one)))
        #expect(Equivalence.areEquivalent(try v("(sqrt(2)/2, 1/sqrt(2))"), try v("(1/sqrt(2), sqrt(2)/2)")))
    }
}

@Suite struct DiffDomainSearchTests {
    @Test func domainAwayFromTheOrigin() {
        let f = diffParse("log(x - 3) + sqrt(y - 5)")
        let check = Verification.checkPartial(f, wrt: "x", variables: ["x", "y"])
        #expect(check.passed, "\(check.summary)")
        for s in check.samples { #expect(s.point[0] > 3 && s.point[1] > 5) }
        #expect(Equivalence.areEquivalent(diffParse("log((x - 3)^2)"), diffParse("2 log(x - 3)"), variables: ["x"]).equivalent)
    }
}
