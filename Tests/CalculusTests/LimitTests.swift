import Foundation
import Testing
@testable import Calculus

/// Parses an expression of the calc language with the usual one-letter variables declared
/// (so `x y (x - y)` is a product); other names are allowed as parameters.
private func parse(_ text: String) -> Expr {
    let context = CalcContext(variables: ["x", "y", "z", "t", "m", "k", "h"], allowsUndeclaredNames: true)
    do { return try ExpressionParser.parseExpression(text, context: context) } catch {
        Issue.record("cannot parse \(text): \(error)")
        return .zero
    }
}

/// True when two exact expressions denote the same value (compared as exact coefficients,
/// so the form of the expression does not matter).
private func sameValue(_ a: Expr, _ b: Expr) -> Bool {
    (SeriesCoefficient(a) - SeriesCoefficient(b)).isZero
}

/// What a limit is expected to be.
enum ExpectedLimit: Sendable, CustomStringConvertible {
    case value(String)
    case plusInfinity, minusInfinity
    /// Does not exist (the sides differ, or ±∞ on the two sides).
    case doesNotExist
    case undefined

    var description: String {
        switch self {
        case .value(let v): return v
        case .plusInfinity: return "+inf"
        case .minusInfinity: return "-inf"
        case .doesNotExist: return "DNE"
        case .undefined: return "undefined"
        }
    }
}

/// One-variable limits from a calculus text, checked by hand.
let oneVariableLimits: [(String, String, ExpectedLimit)] = [
    ("(t^2 - 1)/(t - 1)", "1", .value("2")),
    ("(t^3 - 8)/(t - 2)", "2", .value("12")),
    ("(t^2 - 4)/(t^2 - 5t + 6)", "2", .value("-4")),
    ("(t^2 + 3t)", "2", .value("10")),
    ("sin(t)/t", "0", .value("1")),
    ("(1 - cos(t))/t^2", "0", .value("1/2")),
    ("(exp(t) - 1)/t", "0", .value("1")),
    ("(exp(t) - 1 - t)/t^2", "0", .value("1/2")),
    ("log(1 + t)/t", "0", .value("1")),
    ("tan(t)/t", "0", .value("1")),
    ("(sin(t) - t)/t^3", "0", .value("-1/6")),
    ("atan(t)/t", "0", .value("1")),
    ("asin(t)/t", "0", .value("1")),
    ("sin(2t)/sin(3t)", "0", .value("2/3")),
    ("(sqrt(1 + t) - 1)/t", "0", .value("1/2")),
    ("(cosh(t) - 1)/t^2", "0", .value("1/2")),
    ("sinh(t)/t", "0", .value("1")),
    ("1/t - 1/sin(t)", "0", .value("0")),
    ("t^2 sin(1 + t)", "0", .value("0")),
    ("sigmoid(t)", "0", .value("1/2")),
    ("(log(t) - log(2))/(t - 2)", "2", .value("1/2")),
    ("(exp(t) - e)/(t - 1)", "1", .value("e")),
    ("sqrt(t)", "0", .value("0")),
    ("abs(t)", "0", .value("0")),
    ("(t^(1/3))/t^(1/3)", "0", .value("1")),
    ("x^2 t + 1", "0", .value("1")),
    ("1/t", "0", .doesNotExist),
    ("1/t^2", "0", .plusInfinity),
    ("-1/t^2", "0", .minusInfinity),
    ("1/(t - 1)^2", "1", .plusInfinity),
    ("abs(t)/t", "0", .doesNotExist),
    ("t/abs(t) + 1", "0", .doesNotExist),
    ("log(-1 - t^2)", "0", .undefined),
    ("1 if t > 0 else 0", "0", .doesNotExist),
    ("t^2 if t != 0 else 5", "0", .value("0")),
]

let limitPropertyCount = Int(ProcessInfo.processInfo.environment["LIMIT_PROPERTY_COUNT"] ?? "") ?? 150

/// One-variable limits, path limits and the polynomial type.
@Suite struct LimitTests {
    @Test(arguments: oneVariableLimits)
    func oneVariableLimit(_ text: String, _ point: String, _ expected: ExpectedLimit) {
        let limit = OneVariableLimit(of: parse(text), as: "t", approaches: parse(point))
        switch (expected, limit.outcome) {
        case (.value(let v), .value(let got)):
            #expect(sameValue(got, parse(v)), "lim \(text) at \(point): got \(got)")
        case (.plusInfinity, .positiveInfinity), (.minusInfinity, .negativeInfinity),
             (.doesNotExist, .doesNotExist), (.undefined, .undefined):
            break
        default:
            Issue.record("lim \(text) at \(point): expected \(expected), got \(limit.outcome)")
        }
    }

    @Test func oneSidedLimitsOfTheSignFunction() {
        let limit = OneVariableLimit(of: parse("abs(t)/t"), as: "t", approaches: .zero)
        #expect(limit.fromLeft == .finite(.num(-1)))
        #expect(limit.fromRight == .finite(.num(1)))
        let pole = OneVariableLimit(of: parse("1/t"), as: "t", approaches: .zero)
        #expect(pole.fromLeft == .negativeInfinity)
        #expect(pole.fromRight == .positiveInfinity)
        let root = OneVariableLimit(of: parse("sqrt(t)"), as: "t", approaches: .zero)
        if case .undefined = root.fromLeft {} else { Issue.record("sqrt(t) from the left: \(root.fromLeft)") }
    }

    @Test func rationalFunctionsShowTheCancelledForm() throws {
        let limit = OneVariableLimit(of: parse("(t^2 - 1)/(t - 1)"), as: "t", approaches: .one)
        let cancelled = try #require(limit.cancelledForm)
        #expect(sameValue(cancelled.substituting("t", with: .num(5)), .num(6)))
        let reduced = try #require(UnivariateRationalFunction(parse("(t^2 - 4)/(t^2 - 5t + 6)"), in: "t")?.reduced)
        #expect(reduced.numerator == UnivariatePolynomial([Rational(2), Rational(1)]))
        #expect(reduced.denominator == UnivariatePolynomial([Rational(-3), Rational(1)]))
        #expect(OneVariableLimit(of: parse("(t^2 + 1)/(t - 1)"), as: "t", approaches: .zero).cancelledForm == nil)
    }

    @Test func polynomialArithmetic() throws {
        let p = try #require(UnivariatePolynomial(parse("(t - 1)^3 (t + 2)"), in: "t"))
        #expect(p.degree == 4)
        #expect(p.multiplicity(ofRoot: .one) == 3)
        #expect(p.multiplicity(ofRoot: Rational(-2)) == 1)
        #expect(p.multiplicity(ofRoot: .zero) == 0)
        let q = try #require(UnivariatePolynomial(parse("t^2 - 1"), in: "t"))
        #expect(UnivariatePolynomial.gcd(p, q) == UnivariatePolynomial([Rational(-1), Rational(1)]))
        #expect(p.exactlyDivided(by: q) == nil)
        let (quotient, remainder) = p.divided(by: q)
        #expect(quotient * q + remainder == p)
        #expect(remainder.degree < q.degree)
        #expect(UnivariatePolynomial(parse("t sin(t)"), in: "t") == nil)
        #expect(UnivariatePolynomial(parse("t^(1/2)"), in: "t") == nil)
        #expect(UnivariatePolynomial.gcd(.zero, .zero).isZero)
        #expect(p.value(at: Rational(2)) == Rational(4))
    }

    // MARK: Limits along paths

    @Test func slopeDependentLimitDoesNotExist() throws {
        let f = parse("x y/(x^2 + y^2)")
        let along = try PathLimit(of: f, variables: ["x", "y"], along: "y", equals: parse("m x"), at: [.zero, .zero])
        #expect(along.dependsOnPathParameters)
        #expect(along.limit.parametersInValue == ["m"])
        let value = try #require(along.limit.value)
        #expect(sameValue(value, parse("m/(1 + m^2)")))
        // The restricted function is a function of x (and m) alone.
        #expect(!along.restricted.symbols.contains("y"))
        let axis = try PathLimit(of: f, variables: ["x", "y"], along: "y", equals: .zero, at: [.zero, .zero])
        #expect(axis.limit.value.map { sameValue($0, .zero) } == true)
        #expect(!axis.dependsOnPathParameters)
        let diagonal = try PathLimit(of: f, variables: ["x", "y"], along: "y", equals: parse("x"), at: [.zero, .zero])
        #expect(diagonal.limit.value.map { sameValue($0, parse("1/2")) } == true)
    }

    /// Along a path into the special point of a piecewise function, the branch that holds
    /// near it is shown (the limit never looks at the point itself).
    @Test func piecewiseShowsTheBranchNearThePoint() throws {
        let g = try ExpressionParser.parseExpression("x y/(x^2 + y^2) if (x, y) != (0, 0) else 0",
                                                     context: CalcContext(variables: ["x", "y"]))
        let diagonal = try PathLimit(of: g, variables: ["x", "y"], along: "y", equals: parse("x"), at: [.zero, .zero])
        #expect(diagonal.restricted == parse("1/2"), "\(diagonal.restricted.plainText)")
        #expect(diagonal.limit.value.map { sameValue($0, parse("1/2")) } == true)
        let h = try ExpressionParser.parseExpression("0 if (x, y) == (0, 0) else x^2",
                                                     context: CalcContext(variables: ["x", "y"]))
        let axis = try PathLimit(of: h, variables: ["x", "y"], along: "y", equals: .zero, at: [.zero, .zero])
        #expect(axis.restricted == parse("x^2"), "\(axis.restricted.plainText)")
        // A condition that is not about the point keeps the piecewise function.
        let k = try ExpressionParser.parseExpression("x if x > 0 else 0", context: CalcContext(variables: ["x", "y"]))
        let kept = try PathLimit(of: k, variables: ["x", "y"], along: "y", equals: parse("x"), at: [.zero, .zero])
        if case .piecewise = kept.restricted {} else { Issue.record("expected a piecewise function: \(kept.restricted.plainText)") }
    }

    @Test func parabolaPathRevealsTheClassicCounterexample() throws {
        let f = parse("x^2 y/(x^4 + y^2)")
        let lines = try PathLimit(of: f, variables: ["x", "y"], along: "y", equals: parse("m x"), at: [.zero, .zero])
        #expect(lines.limit.value.map { sameValue($0, .zero) } == true)
        #expect(!lines.dependsOnPathParameters)
        let parabola = try PathLimit(of: f, variables: ["x", "y"], along: [parse("t"), parse("t^2")], as: "t",
                                     approaches: .zero, point: [.zero, .zero])
        #expect(parabola.limit.value.map { sameValue($0, parse("1/2")) } == true)
    }

    @Test func axesGiveDifferentLimits() throws {
        let f = parse("(x^2 - y^2)/(x^2 + y^2)")
        let xAxis = try PathLimit(of: f, variables: ["x", "y"], along: "y", equals: .zero, at: [.zero, .zero])
        let yAxis = try PathLimit(of: f, variables: ["x", "y"], along: "x", equals: .zero, at: [.zero, .zero])
        #expect(xAxis.limit.value.map { sameValue($0, .one) } == true)
        #expect(yAxis.limit.value.map { sameValue($0, .num(-1)) } == true)
    }

    @Test func pathParametrizedByT() throws {
        let f = parse("x y^2/(x^2 + y^4)")
        let path = try PathLimit(of: f, variables: ["x", "y"], along: [parse("t^2"), parse("t")], as: "t",
                                 approaches: .zero, point: [.zero, .zero])
        #expect(path.limit.value.map { sameValue($0, parse("1/2")) } == true)
        let continuous = try PathLimit(of: parse("x^2 + y^2"), variables: ["x", "y"], along: [parse("t"), parse("t")],
                                       as: "t", approaches: .one, point: [.one, .one])
        #expect(continuous.limit.value.map { sameValue($0, .num(2)) } == true)
    }

    @Test func pathThatMissesThePointIsAnError() {
        #expect(throws: LimitError.self) {
            try PathLimit(of: parse("x y"), variables: ["x", "y"], along: "y", equals: parse("x + 1"), at: [.zero, .zero])
        }
        #expect(throws: LimitError.self) {
            try PathLimit(of: parse("x y"), variables: ["x", "y"], along: [parse("t")], as: "t", approaches: .zero)
        }
        #expect(throws: LimitError.self) {
            try PathLimit(of: parse("x y"), variables: ["x", "y"], along: "z", equals: parse("x"), at: [.zero, .zero])
        }
    }

    @Test func functionUndefinedAlongThePath() throws {
        let along = try PathLimit(of: parse("1/(y - x)"), variables: ["x", "y"], along: "y", equals: parse("x"),
                                  at: [.zero, .zero])
        if case .undefined = along.limit.outcome {} else { Issue.record("got \(along.limit.outcome)") }
    }

    @Test func removableSingularityAlongEveryLine() throws {
        let f = parse("sin(x y)/(x y)")
        let along = try PathLimit(of: f, variables: ["x", "y"], along: "y", equals: parse("m x"), at: [.zero, .zero])
        #expect(along.limit.value.map { sameValue($0, .one) } == true, "\(along.limit.outcome)")
        // 2m/(2m)-style values do not count as depending on m.
        #expect(!along.dependsOnPathParameters)
    }

    @Test func threeVariablePath() throws {
        let f = parse("x y z/(x^3 + y^3 + z^3)")
        let path = try PathLimit(of: f, variables: ["x", "y", "z"], along: [parse("t"), parse("2t"), parse("3t")],
                                 as: "t", approaches: .zero, point: [.zero, .zero, .zero])
        #expect(path.limit.value.map { sameValue($0, parse("6/36")) } == true, "\(path.limit.outcome)")
    }

    /// Limits the expansion cannot take are reported as undetermined, never guessed.
    @Test(arguments: ["exp(-1/t^2)", "t log(t)", "sin(1/t)", "log(t)"])
    func unsupportedLimitsAreUndetermined(_ text: String) {
        let limit = OneVariableLimit(of: parse(text), as: "t", approaches: .zero)
        if case .undetermined = limit.outcome {} else { Issue.record("lim \(text): \(limit.outcome)") }
    }


    /// Property: for functions continuous on the sampling box, the limit along a path equals
    /// the value at the point the path reaches.
    @Test func limitsOfContinuousFunctionsAreTheirValues() throws {
        var generator = SymPyExpressionGenerator(seed: 99)
        var checked = 0
        for index in 0..<limitPropertyCount {
            let variables = index % 2 == 0 ? ["x", "y"] : ["x", "y", "z"]
            let generated = generator.expression(variables: variables)
            if ProcessInfo.processInfo.environment["LIMIT_PROPERTY_TRACE"] != nil { print("case \(index): \(generated.calc)") }
            let f = try ExpressionParser.parseExpression(generated.calc, context: CalcContext(variables: variables))
            let offsets = ["t", "t + 1/4", "t + 1/2"].prefix(variables.count).map(parse)
            let point = [Rational(1, 2), Rational(3, 4), Rational(1)].prefix(variables.count).map { Expr.number($0) }
            let path = try PathLimit(of: f, variables: variables, along: Array(offsets), as: "t",
                                     approaches: .number(Rational(1, 2)), point: Array(point))
            let expected = try CompiledExpression(f, variables: variables)(point.map { ApproximateValue.of($0) ?? .nan })
            switch path.limit.outcome {
            case .value(let v):
                let got = try #require(ApproximateValue.of(v), "\(generated.calc): value \(v.plainText)")
                #expect(abs(got - expected) <= 1e-9 * max(1, abs(expected)), "\(generated.calc): \(got) vs \(expected)")
                checked += 1
            case .undetermined:
                // Allowed (an atom the expansion cannot evaluate), but must stay rare.
                break
            case .positiveInfinity, .negativeInfinity, .doesNotExist, .undefined:
                Issue.record("\(generated.calc): \(path.limit.outcome)")
            }
        }
        #expect(checked >= limitPropertyCount * 9 / 10)
    }
}
