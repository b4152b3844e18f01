import Testing
@testable import Calculus

/// Exact evaluation at exact points, and the typed domain errors.
@Suite struct DiffEvaluationTests {
    /// (f, point as "x, y", exact value written by hand).
    static let values: [(String, String, String)] = [
        ("x^2 y + sin(y)", "1, pi/2", "pi/2 + 1"),
        ("x^2 y + sin(y)", "2, 0", "0"),
        ("x^2 - y^2", "1, 2", "-3"),
        ("x y/(x^2 + y^2)", "1, 2", "2/5"),
        ("x y/(x^2 + y^2)", "1/3, 2/5", "30/61"),
        ("sqrt(x^2 + y^2)", "1, 1", "sqrt(2)"),
        ("sqrt(x^2 + y^2)", "3, 4", "5"),
        ("sqrt(x)", "8, 0", "2 sqrt(2)"),
        ("1/sqrt(x)", "2, 0", "sqrt(2)/2"),
        ("x/sqrt(x^2 + y^2)", "1, 1", "sqrt(2)/2"),
        ("sin(x)", "pi/6, 0", "1/2"),
        ("cos(x)", "pi/6, 0", "sqrt(3)/2"),
        ("tan(x)", "pi/4, 0", "1"),
        ("sin(x) cos(y)", "pi/4, pi/4", "1/2"),
        ("cos(x y)", "1, pi", "-1"),
        ("tan(x)", "pi/3, 0", "sqrt(3)"),
        ("exp(x y)", "0, 5", "1"),
        ("log(x y)", "1, 1", "0"),
        ("log(x)", "e, 0", "1"),
        ("exp(x^2 + y^2)", "1, 1", "e^2"),
        ("x^y", "2, 10", "1024"),
        ("x^y", "4, 1/2", "2"),
        ("x^y", "2, -3", "1/8"),
        ("(x + y)^3", "1/2, 1/3", "125/216"),
        ("abs(x - y)", "1, 3", "2"),
        ("sigmoid(x)", "0, 0", "1/2"),
        ("atan(x)", "1, 0", "pi/4"),
        ("asin(x)", "1/2, 0", "pi/6"),
        ("x^100", "2, 0", "1267650600228229401496703205376"),
        ("x y (x^2 - y^2)/(x^2 + y^2) if (x, y) != (0, 0) else 0", "0, 0", "0"),
        ("x y (x^2 - y^2)/(x^2 + y^2) if (x, y) != (0, 0) else 0", "1, 2", "-6/5"),
        ("0.25 x + 1/3", "4, 0", "4/3"),
    ]

    static let context = CalcContext(variables: ["x", "y"])

    @Test(arguments: values)
    func exactValues(_ f: String, _ point: String, _ expected: String) throws {
        let e = try ExpressionParser.parseExpression(f, context: Self.context)
        let p = try point.split(separator: ",").map { try ExpressionParser.parseExpression(String($0)) }
        let want = try ExpressionParser.parseExpression(expected)
        let got = DerivativeDisplay.simplify(try ExactEvaluator.evaluate(e, variables: ["x", "y"], point: p))
        #expect(got == want, "\(f) at (\(point)): got \(DerivativeDisplay.plain(got))")
        #expect(Substitution.isConstant(got))
    }

    /// (f, point, expected error).
    static let errors: [(String, String, EvaluationError)] = [
        ("log(x)", "0, 0", .logarithmOfNonPositive(.zero)),
        ("log(x - y)", "1, 3", .logarithmOfNonPositive(.num(-2))),
        ("log(x y)", "-1, 2", .logarithmOfNonPositive(.num(-2))),
        ("1/x", "0, 1", .divisionByZero(.zero)),
        ("y/(x^2 + y^2)", "0, 0", .divisionByZero(.zero)),
        ("x/(x - y)", "2, 2", .divisionByZero(.zero)),
        ("sqrt(x)", "-4, 0", .evenRootOfNegative(.num(-4))),
        ("sqrt(x - y)", "1, 2", .evenRootOfNegative(.num(-1))),
        ("asin(x)", "2, 0", .inverseTrigOutOfRange(.asin, .num(2))),
        ("acos(x y)", "3/2, 1", .inverseTrigOutOfRange(.acos, .rational(3, 2))),
        ("tan(x)", "pi/2, 0", .trigPole(.tan, .product([.rational(1, 2), .constant(.pi)]))),
        ("cot(x)", "0, 0", .trigPole(.cot, .zero)),
        ("x^y", "-2, 1/2", .evenRootOfNegative(.num(-2))),
        ("x^y", "0, -1", .divisionByZero(.zero)),
    ]

    @Test(arguments: errors)
    func domainErrors(_ f: String, _ point: String, _ expected: EvaluationError) throws {
        let e = try ExpressionParser.parseExpression(f, context: Self.context)
        let p = try point.split(separator: ",").map { try ExpressionParser.parseExpression(String($0)) }
        #expect(throws: expected) { try ExactEvaluator.evaluate(e, variables: ["x", "y"], point: p) }
        #expect(!expected.description.isEmpty)
    }

    @Test func partialEvaluationKeepsOtherSymbols() throws {
        let e = diffParse("x^2 y + sin(y)")
        let got = try ExactEvaluator.evaluate(e, at: ["x": .num(3)])
        #expect(got == diffParse("9y + sin(y)"))
        // Only the chosen piece is evaluated, so the other piece's 0/0 is no error.
        let g = diffParse("x y/(x^2 + y^2) if (x, y) != (0, 0) else 0")
        #expect(try ExactEvaluator.evaluate(g, at: ["x": .zero, "y": .zero]) == .zero)
    }

    @Test func approximateAndSign() {
        #expect(ExactEvaluator.approximate(diffParse("2 sqrt(2)")).map { abs($0 - 2.8284271247461903) < 1e-15 } == true)
        #expect(ExactEvaluator.approximate(diffParse("x + 1")) == nil)
        #expect(ExactEvaluator.sign(diffParse("pi - 3")) == 1)
        #expect(ExactEvaluator.sign(diffParse("sqrt(2) - 3/2")) == -1)
        #expect(ExactEvaluator.sign(.zero) == 0)
    }

    @Test func compiledEvaluatorGivesNaNNotCrash() throws {
        let c = try CompiledExpression(diffParse("log(x) + 1/y"), variables: ["x", "y"])
        #expect(c([1, 1]) == 1)
        #expect(c([-1, 1]).isNaN)
        #expect(c([1, 0]).isInfinite)
        #expect(throws: CompiledExpression.CompileError.unknownSymbol("z")) {
            try CompiledExpression(diffParse("x + z"), variables: ["x", "y"])
        }
        let piecewise = try CompiledExpression(diffParse("x if x > 0 else -x"), variables: ["x"])
        #expect(piecewise([-3]) == 3)
        #expect(piecewise([2]) == 2)
        let point = try CompiledExpression(diffParse("1 if (x, y) == (0, 0) else 2"), variables: ["x", "y"])
        #expect(point([0, 0]) == 1)
        #expect(point([0, 1]) == 2)
    }

    @Test func compiledGradientClosure() throws {
        let g = try CompiledGradient(of: diffParse("x^2 y + sin(y)"), variables: ["x", "y"])
        let (fx, fy) = g.function2(2, 0)
        #expect(fx == 0)
        #expect(fy == 5)
        #expect(g([1, 3]) == [6, 1 + Foundation.cos(3.0)])
    }
}

import Foundation

/// Exact gradients at exact points, worked by hand.
@Suite struct DiffGradientValueTests {
    /// (f, point, ∇f at the point), variables x, y (and z when the point has three coordinates).
    static let table: [(String, String, String)] = [
        ("x^2 y + sin(y)", "(1, 0)", "(0, 2)"),
        ("x^2 y + sin(y)", "(2, pi)", "(4 pi, 3)"),
        ("exp(x^2 + y^2)", "(1, 1)", "(2 e^2, 2 e^2)"),
        ("x y z", "(1, 2, 3)", "(6, 3, 2)"),
        ("x^2 - y^2", "(1, 2)", "(2, -4)"),
        ("x y/(x^2 + y^2)", "(1, 2)", "(6/25, -3/25)"),
        ("sqrt(x^2 + y^2)", "(3, 4)", "(3/5, 4/5)"),
        ("atan(y/x)", "(1, 1)", "(-1/2, 1/2)"),
        ("log(x^2 + y^2)", "(1, 2)", "(2/5, 4/5)"),
        ("sin(x y)", "(1, pi/3)", "(pi/6, 1/2)"),
        ("x^y", "(2, 3)", "(12, 8 log(2))"),
        ("sigmoid(x) + y", "(0, 5)", "(1/4, 1)"),
        ("exp(x) sin(y)", "(0, pi/6)", "(1/2, sqrt(3)/2)"),
        ("1/sqrt(x^2 + y^2)", "(1, 1)", "(-sqrt(2)/4, -sqrt(2)/4)"),
        ("cos(x) cos(y)", "(pi/4, pi/4)", "(-1/2, -1/2)"),
        ("tan(x y)", "(1, pi/4)", "(pi/2, 2)"),
        ("log(1 + exp(x)) + y^2", "(0, 1/2)", "(1/2, 1)"),
        ("asin(x) + acos(y)", "(1/2, 0)", "(2 sqrt(3)/3, -1)"),
        ("x exp(x y)", "(1, 0)", "(1, 1)"),
        ("(x + y)^3", "(1/2, 1/3)", "(25/12, 25/12)"),
        ("sqrt(x) y", "(8, 1)", "(sqrt(2)/8, 2 sqrt(2))"),
        ("x^2 + y^2 + z^2", "(1/3, 2/5, 3/7)", "(2/3, 4/5, 6/7)"),
        ("sqrt(x^2 + y^2 + z^2)", "(1, 2, 2)", "(1/3, 2/3, 2/3)"),
        ("log(x) + log(y)", "(1/2, 3)", "(2, 1/3)"),
    ]

    @Test(arguments: table)
    func gradientAtPoint(_ f: String, _ point: String, _ expected: String) throws {
        guard case .vector(let p) = try ExpressionParser.parseValue(point),
              case .vector(let want) = try ExpressionParser.parseValue(expected)
        else { Issue.record("not vectors: \(point), \(expected)"); return }
        let vars = Array(["x", "y", "z"].prefix(p.count))
        let g = Gradient(of: diffParse(f, variables: vars), variables: vars)
        let got = try g.at(p)
        #expect(got == want.map(Simplify.display), "\(f) at \(point): \(got.map(\.plainText))")
    }
}
