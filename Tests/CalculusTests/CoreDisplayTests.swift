import Testing
@testable import Calculus

/// The textbook display form, checked by hand.
@Suite struct CoreDisplayTests {
    static let context = CalcContext(variables: ["x", "y", "z"])
    static func parse(_ s: String) throws -> Expr { try ExpressionParser.parseExpression(s, context: context) }

    @Test(arguments: [
        // The x-partial of x y/(x^2 + y^2), as the quotient rule leaves it.
        ("y/(x^2+y^2) - 2 x^2 y/(x^2+y^2)^2", "y (y^2 - x^2)/(x^2 + y^2)^2", "\\frac{y (y^{2} - x^{2})}{(x^{2} + y^{2})^{2}}"),
        ("x/(x^2+y^2) - 2 x y^2/(x^2+y^2)^2", "x (x^2 - y^2)/(x^2 + y^2)^2", "\\frac{x (x^{2} - y^{2})}{(x^{2} + y^{2})^{2}}"),
        ("1/(x^2+1) - 2x^2/(x^2+1)^2", "(1 - x^2)/(x^2 + 1)^2", "\\frac{1 - x^{2}}{(x^{2} + 1)^{2}}"),
        ("1/(x+1) - x/(x+1)^2", "1/(x + 1)^2", "\\frac{1}{(x + 1)^{2}}"),
        ("x/(x+1)^2 - 1/(x+1)", "-1/(x + 1)^2", "-\\frac{1}{(x + 1)^{2}}"),
        ("exp(x)/(exp(x)+exp(y)) - exp(2x)/(exp(x)+exp(y))^2", "exp(x + y)/(exp(x) + exp(y))^2", "\\frac{e^{x+y}}{(e^{x} + e^{y})^{2}}"),
        ("sin(x)^2 + cos(x)^2", "1", "1"),
        ("3 sin(x y)^2 + 3 cos(x y)^2 + x", "x + 3", "x + 3"),
        ("x sin(y)^2 + x cos(y)^2", "x", "x"),
        ("cosh(x)^2 - sinh(x)^2", "1", "1"),
        // The addition formulas; the x-partial of sin(x) sin(y) sin(x + y) by the product rule.
        ("cos(x) sin(y) sin(x + y) + sin(x) sin(y) cos(x + y)", "sin(2 x + y) sin(y)", "\\sin(2x + y) \\sin y"),
        ("sin(x) cos(y) - cos(x) sin(y)", "sin(x - y)", "\\sin(x - y)"),
        ("cos(x) cos(y) - sin(x) sin(y) + 1", "cos(x + y) + 1", "\\cos(x + y) + 1"),
        ("3 cos(x) cos(2y) + 3 sin(x) sin(2y)", "3 cos(x - 2 y)", "3\\cos(x - 2y)"),
        ("sinh(x) cosh(y) - cosh(x) sinh(y)", "sinh(x - y)", "\\sinh(x - y)"),
        ("cosh(x) cosh(y) + sinh(x) sinh(y)", "cosh(x + y)", "\\cosh(x + y)"),
        // Over a common denominator the numerator stays as multiplied up when expanding
        // it would only lengthen it (the x-partial of sqrt(x^2 + y^2) sin(x)).
        ("x sin(x)/sqrt(x^2 + y^2) + cos(x) sqrt(x^2 + y^2)", "(x sin(x) + (x^2 + y^2) cos(x))/sqrt(x^2 + y^2)",
         "\\frac{x \\sin x + (x^{2} + y^{2}) \\cos x}{\\sqrt{x^{2} + y^{2}}}"),
        // ... but not when it would keep a root of the denominator in the numerator.
        ("x^2 sin(x)/(x^2 + y^2)^(3/2) + cos(x)/(x^2 + y^2) + sin(x)/sqrt(x^2 + y^2)",
         "(2 x^2 sin(x) + y^2 sin(x) + sqrt(x^2 + y^2) cos(x))/(x^2 + y^2)^(3/2)",
         "\\frac{2x^{2} \\sin x + y^{2} \\sin x + \\sqrt{x^{2} + y^{2}} \\cos x}{(x^{2} + y^{2})^{3/2}}"),
        // A sum factor's fractional content goes to the coefficient (an exact value).
        ("15 sqrt(61) (61 cos(1/3)/225 + sin(1/3)/3)/61", "sqrt(61) (61 cos(1/3) + 75 sin(1/3))/915",
         "\\frac{\\sqrt{61} \\left(61\\cos\\left(\\frac{1}{3}\\right) + 75\\sin\\left(\\frac{1}{3}\\right)\\right)}{915}"),
        // Without a coefficient to absorb it the content stays inside (not shorter).
        ("sqrt(2) (x/2 + y/3)", "sqrt(2) (x/2 + y/3)", "\\sqrt{2} \\left(\\frac{x}{2} + \\frac{y}{3}\\right)"),
        // Not an addition formula: the double angle stays as the chain rule leaves it,
        // and unmatched pairs stay.
        ("2 sin(x) cos(x)", "2 sin(x) cos(x)", "2\\sin x \\cos x"),
        ("sin(x) cos(y) + cos(x) sin(z)", "cos(x) sin(z) + sin(x) cos(y)", "\\cos x \\sin z + \\sin x \\cos y"),
        ("sin(x) cos(y) + 2 cos(x) sin(y)", "2 cos(x) sin(y) + sin(x) cos(y)", "2\\cos x \\sin y + \\sin x \\cos y"),
        ("x^2 y + x y^2", "x y (x + y)", "xy (x + y)"),
        ("(x - 1)(x + 1)", "x^2 - 1", "x^{2} - 1"),
        ("(x + y)^2 - x^2 - y^2", "2 x y", "2xy"),
        ("(x + 1)^2", "(x + 1)^2", "(x + 1)^{2}"),
        ("-y (x - y)", "y (y - x)", "y (y - x)"),
        ("2x + 3x - x", "4 x", "4x"),
        ("x^2 y + sin(y)", "x^2 y + sin(y)", "x^{2} y + \\sin y"),
        ("2 x exp(x^2 + y^2)", "2 x exp(x^2 + y^2)", "2x e^{x^{2}+y^{2}}"),
        ("1/x + 1/y", "1/x + 1/y", "\\frac{1}{x} + \\frac{1}{y}"),
        ("x/2 + y/3", "x/2 + y/3", "\\frac{x}{2} + \\frac{y}{3}"),
        ("y z + x z + x y", "x y + x z + y z", "xy + xz + yz"),
        ("x^2 - y^2", "x^2 - y^2", "x^{2} - y^{2}"),
        ("x exp(x) + exp(x)", "exp(x) (x + 1)", "e^{x} (x + 1)"),
        ("2 x/(x^2 + y^2) - 2x (x^2)/(x^2+y^2)^2 - 2 x y^2/(x^2 + y^2)^2", "0", "0"),
        ("0", "0", "0"),
        ("x - x", "0", "0"),
        // d/dx atan(y/x) by the chain rule, and d/dy.
        ("-y/(x^2 (y^2/x^2 + 1))", "-y/(x^2 + y^2)", "-\\frac{y}{x^{2} + y^{2}}"),
        ("1/(x (y^2/x^2 + 1))", "x/(x^2 + y^2)", "\\frac{x}{x^{2} + y^{2}}"),
        // d/dy of x sin(x y) then d/dx: the product rule leaves a sum that factors.
        ("2 x cos(x y) - x^2 y sin(x y)", "x (2 cos(x y) - x y sin(x y))", "x (2\\cos(xy) - xy \\sin(xy))"),
        // d/dx log(1 + exp(-x y)), and its second derivative.
        ("-y exp(-x y)/(1 + exp(-x y))", "-y/(exp(x y) + 1)", "-\\frac{y}{e^{xy} + 1}"),
        ("x^2 exp(-x y)/(exp(-x y) + 1)^2", "x^2 exp(x y)/(exp(x y) + 1)^2", "\\frac{x^{2} e^{xy}}{(e^{xy} + 1)^{2}}"),
        ("2 exp(-x - y)/(exp(-x - y) + 1)", "2/(exp(x + y) + 1)", "\\frac{2}{e^{x+y} + 1}"),
        // d/dy of the logistic loss -y log(sigmoid(x)) - (1 - y) log(1 - sigmoid(x)).
        ("log(1 - sigmoid(x)) - log(sigmoid(x))", "-x", "-x"),
        ("2 log(sigmoid(x y)) - 2 log(1 - sigmoid(x y)) + z", "2 x y + z", "2xy + z"),
        ("4 x (x^2 + y^2)", "4 x (x^2 + y^2)", "4x (x^{2} + y^{2})"),
        ("2 exp(x^2 + y^2) + 4 y^2 exp(x^2 + y^2)", "2 exp(x^2 + y^2) (2 y^2 + 1)", "2e^{x^{2}+y^{2}} (2y^{2} + 1)"),
    ])
    func displayForm(_ input: String, _ plain: String, _ latex: String) throws {
        let d = Simplify.display(try Self.parse(input))
        #expect(d.plainText == plain, "\(input)")
        #expect(d.latex == latex, "\(input)")
        #expect(Simplify.display(d) == d, "idempotent")
        #expect(d == (try Self.parse(d.plainText)), "display form parses back")
    }

    @Test func rulesAreNamedAndComposable() throws {
        #expect(Simplify.displayRules.rules.map(\.name) == ["pythagorean", "angleSum", "logistic", "commonDenominator", "nestedFractions", "exponentials", "expansion", "commonFactor", "signs"])
        let onlyTrig = Rewriting.postOrder(RuleSet("trig", [Simplify.pythagorean]))
        let e = try Self.parse("(sin(x)^2 + cos(x)^2) (x - 1)(x + 1)")
        #expect(onlyTrig(e) == (try Self.parse("(x - 1)(x + 1)")), "the trig rule alone does not expand")
        let both = Rewriting.chain([onlyTrig, Rewriting.postOrder(RuleSet("expand", [Simplify.expansion]))])
        #expect(both(e) == (try Self.parse("x^2 - 1")))
        #expect(Simplify.canonical(.add([.symbol("x"), .symbol("x")])) == (try Self.parse("2x")), "canonical rebuilds raw trees")
    }

    /// Displaying several expressions at once (which remembers the sums it normalized
    /// across them) gives each one's display form.
    @Test func displayOfSeveralIsDisplayOfEach() throws {
        let inputs = try [
            "y/(x^2+y^2) - 2 x^2 y/(x^2+y^2)^2", "x/(x^2+y^2) - 2 x y^2/(x^2+y^2)^2",
            "8 x^2 y/(x^2+y^2)^3 - 2 y/(x^2+y^2)^2 - 4 y/(x^2+y^2)^2", "x^2 + y^2", "(x^2 + y^2)^2",
            "sin(x)^2 + cos(x)^2 + (x^2 + y^2)", "x exp(x) + exp(x)", "y/(x^2+y^2) - 2 x^2 y/(x^2+y^2)^2",
        ].map(Self.parse)
        let each = inputs.map { Simplify.display($0) }
        #expect(Simplify.display(inputs) == each)
        #expect(Simplify.display(inputs.reversed()) == each.reversed())
    }

    @Test func displayOfValues() throws {
        let v = try ExpressionParser.parseValue("(sin(x)^2 + cos(x)^2, (x - 1)(x + 1))", context: Self.context)
        #expect(Simplify.display(v).plainText == "(1, x^2 - 1)")
    }
}
