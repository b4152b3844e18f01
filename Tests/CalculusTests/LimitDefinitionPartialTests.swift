import Testing
@testable import Calculus

private func parse(_ text: String) -> Expr {
    let context = CalcContext(variables: ["x", "y", "z", "t", "m", "k", "h"], allowsUndeclaredNames: true)
    do { return try ExpressionParser.parseExpression(text, context: context) } catch {
        Issue.record("cannot parse \(text): \(error)")
        return .zero
    }
}

private func sameValue(_ a: Expr, _ b: Expr) -> Bool {
    (SeriesCoefficient(a) - SeriesCoefficient(b)).isZero
}

private let xy = ["x", "y"]
private let origin: [Expr] = [.zero, .zero]

/// The textbook function whose mixed partials at the origin differ.
private let twisted = "x y (x^2 - y^2)/(x^2 + y^2) if (x, y) != (0, 0) else 0"

/// Partial derivatives from the difference quotient, checked by hand.
let definitionPartials: [(String, [String], String, String)] = [
    ("x y/(x^2 + y^2) if (x, y) != (0, 0) else 0", ["0", "0"], "x", "0"),
    ("x y/(x^2 + y^2) if (x, y) != (0, 0) else 0", ["0", "0"], "y", "0"),
    (twisted, ["0", "0"], "x", "0"),
    (twisted, ["0", "0"], "y", "0"),
    ("x^2 y + sin(y)", ["1", "2"], "x", "4"),
    ("x^2 y + sin(y)", ["1", "0"], "y", "2"),
    ("x^3 + x y^2", ["2", "1"], "x", "13"),
    ("(x^3 + y^3)^(1/3)", ["0", "0"], "x", "1"),
    ("x^2 sin(1/x) + y if x != 0 else y", ["0", "0"], "y", "1"),
    ("exp(x y)", ["0", "3"], "x", "3"),
    ("x^2 y^2/(x^2 + y^2) if (x, y) != (0, 0) else 0", ["0", "0"], "x", "0"),
]

/// Partial derivatives by definition and mixed partials at special points.
@Suite struct LimitDefinitionPartialTests {
    @Test(arguments: definitionPartials)
    func partialByDefinition(_ f: String, _ point: [String], _ variable: String, _ expected: String) throws {
        let partial = try DefinitionPartial(of: parse(f), variables: xy, at: point.map(parse), withRespectTo: variable)
        let value = try #require(partial.value, "\(partial.limit.outcome)")
        #expect(sameValue(value, parse(expected)), "f_\(variable) of \(f): got \(value)")
    }

    @Test func definitionUsesTheValueAtTheSpecialPoint() throws {
        // With the value 1 at the origin the difference quotient blows up: no partial.
        let f = parse("x y/(x^2 + y^2) if (x, y) != (0, 0) else 1")
        let partial = try DefinitionPartial(of: f, variables: xy, at: origin, withRespectTo: "x")
        #expect(sameValue(partial.valueAtPoint, .one))
        #expect(partial.value == nil)
        if case .doesNotExist = partial.limit.outcome {} else { Issue.record("got \(partial.limit.outcome)") }
        #expect(partial.increment == "h")
        #expect(partial.differenceQuotient.symbols == ["h"])
    }

    @Test func coneHasNoPartialAtItsTip() throws {
        let partial = try DefinitionPartial(of: parse("sqrt(x^2 + y^2)"), variables: xy, at: origin, withRespectTo: "x")
        #expect(partial.value == nil)
        #expect(partial.limit.fromLeft == .finite(.num(-1)))
        #expect(partial.limit.fromRight == .finite(.num(1)))
    }

    @Test func incrementNameAvoidsTheFunctionsNames() throws {
        let partial = try DefinitionPartial(of: parse("x h"), variables: ["x", "h"], at: [.one, .one], withRespectTo: "x")
        #expect(partial.increment == "h_1")
        #expect(partial.value.map { sameValue($0, .one) } == true)
    }

    @Test func undefinedPointIsAnError() {
        #expect(throws: LimitError.self) {
            try DefinitionPartial(of: parse("x y/(x^2 + y^2)"), variables: xy, at: origin, withRespectTo: "x")
        }
        #expect(throws: LimitError.self) {
            try DefinitionPartial(of: parse("x y"), variables: xy, at: origin, withRespectTo: "z")
        }
    }

    @Test func mixedPartialsOfTheTwistedFunctionDiffer() throws {
        let f = parse(twisted)
        let fxy = try MixedPartialByDefinition(of: f, variables: xy, at: origin, first: "x", then: "y")
        let fyx = try MixedPartialByDefinition(of: f, variables: xy, at: origin, first: "y", then: "x")
        #expect(fxy.value.map { sameValue($0, .num(-1)) } == true, "f_xy: \(fxy.limit.outcome)")
        #expect(fyx.value.map { sameValue($0, .num(1)) } == true, "f_yx: \(fyx.limit.outcome)")
        // f_x(0, k) = -k: the inner limit, with k a generic parameter.
        let near = try #require(fxy.firstPartialNearPoint.value)
        #expect(sameValue(near, parse("-k")))
        let nearY = try #require(fyx.firstPartialNearPoint.value)
        #expect(sameValue(nearY, parse("k")))
    }

    @Test func mixedPartialsAgreeForASmoothFunction() throws {
        let f = parse("x^3 y^2 + exp(x y)")
        let fxy = try MixedPartialByDefinition(of: f, variables: xy, at: [.one, .num(2)], first: "x", then: "y")
        let fyx = try MixedPartialByDefinition(of: f, variables: xy, at: [.one, .num(2)], first: "y", then: "x")
        // f_xy = 6 x^2 y + e^{xy}(1 + x y) = 12 + 3 e^2 at (1, 2).
        #expect(fxy.value.map { sameValue($0, parse("12 + 3 e^2")) } == true, "\(fxy.limit.outcome)")
        #expect(fyx.value.map { sameValue($0, parse("12 + 3 e^2")) } == true, "\(fyx.limit.outcome)")
    }

    @Test func secondPartialInOneVariableByDefinition() throws {
        let fxx = try MixedPartialByDefinition(of: parse(twisted), variables: xy, at: origin, first: "x", then: "x")
        #expect(fxx.value.map { sameValue($0, .zero) } == true, "\(fxx.limit.outcome)")
    }

    /// Property: for smooth functions, the partial by definition equals the symbolic partial
    /// (two independent routes: series of the difference quotient, and the derivative rules).
    @Test func definitionPartialsOfSmoothFunctionsMatchTheRules() throws {
        var generator = SymPyExpressionGenerator(seed: 4242)
        var checked = 0
        let count = 100
        for index in 0..<count {
            let variables = index % 2 == 0 ? ["x", "y"] : ["x", "y", "z"]
            let generated = generator.expression(variables: variables)
            let f = try ExpressionParser.parseExpression(generated.calc, context: CalcContext(variables: variables))
            let point = [Rational(1, 2), Rational(3, 4), Rational(1)].prefix(variables.count).map { Expr.number($0) }
            let coordinates = point.map { ApproximateValue.of($0) ?? .nan }
            let variable = variables[index % variables.count]
            let partial = try DefinitionPartial(of: f, variables: variables, at: Array(point), withRespectTo: variable)
            let expected = try CompiledExpression(Derivative.partial(f, wrt: variable), variables: variables)(coordinates)
            switch partial.limit.outcome {
            case .value(let v):
                let got = try #require(ApproximateValue.of(v), "\(generated.calc): value \(v.plainText)")
                #expect(abs(got - expected) <= 1e-9 * max(1, abs(expected)),
                        "∂/∂\(variable) of \(generated.calc): \(got) vs \(expected)")
                checked += 1
            case .undetermined:
                break
            case .positiveInfinity, .negativeInfinity, .doesNotExist, .undefined:
                Issue.record("∂/∂\(variable) of \(generated.calc): \(partial.limit.outcome)")
            }
        }
        #expect(checked >= count * 9 / 10)
    }
}
