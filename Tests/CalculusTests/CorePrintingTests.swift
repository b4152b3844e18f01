import Testing
@testable import Calculus

@Suite struct CorePrintingTests {
    static let context = CalcContext(variables: ["x", "y", "z", "t", "theta", "lambda", "x_1", "x_2", "w_12", "rate"])
    static func parse(_ s: String) throws -> Expr { try ExpressionParser.parseExpression(s, context: context) }

    /// (input, LaTeX, plain text), by hand in textbook conventions.
    @Test(arguments: [
        ("2 x y", "2xy", "2 x y"),
        ("x^2 y", "x^{2} y", "x^2 y"),
        ("x y^2", "xy^{2}", "x y^2"),
        ("sin(y)", "\\sin y", "sin(y)"),
        ("sin(x y)", "\\sin(xy)", "sin(x y)"),
        ("x^2 y + sin(y)", "x^{2} y + \\sin y", "x^2 y + sin(y)"),
        ("e^(x^2 + y^2)", "e^{x^{2}+y^{2}}", "exp(x^2 + y^2)"),
        ("2x e^(x^2 + y^2)", "2x e^{x^{2}+y^{2}}", "2 x exp(x^2 + y^2)"),
        ("x/y", "\\frac{x}{y}", "x/y"),
        ("x^-2", "\\frac{1}{x^{2}}", "1/x^2"),
        ("x/2", "\\frac{x}{2}", "x/2"),
        ("3x/4", "\\frac{3x}{4}", "3 x/4"),
        ("-x/(2y)", "-\\frac{x}{2y}", "-x/(2 y)"),
        ("x y/(x^2 + y^2)", "\\frac{xy}{x^{2} + y^{2}}", "x y/(x^2 + y^2)"),
        ("1/2", "\\frac{1}{2}", "1/2"),
        ("-1/2", "-\\frac{1}{2}", "-1/2"),
        ("sqrt(2)", "\\sqrt{2}", "sqrt(2)"),
        ("sqrt(8)", "2\\sqrt{2}", "2 sqrt(2)"),
        ("1/sqrt(2)", "\\frac{\\sqrt{2}}{2}", "sqrt(2)/2"),
        ("sqrt(x^2 + y^2)", "\\sqrt{x^{2} + y^{2}}", "sqrt(x^2 + y^2)"),
        ("x/sqrt(x^2 + y^2)", "\\frac{x}{\\sqrt{x^{2} + y^{2}}}", "x/sqrt(x^2 + y^2)"),
        ("x^(1/3)", "\\sqrt[3]{x}", "x^(1/3)"),
        ("x^(3/2)", "x^{3/2}", "x^(3/2)"),
        ("x - y", "x - y", "x - y"),
        ("-x + 2", "2 - x", "2 - x"),
        ("x - 1 y", "x - y", "x - y"),
        ("2 * 3^x", "2 \\cdot 3^{x}", "2*3^x"),
        ("pi/4", "\\frac{\\pi}{4}", "pi/4"),
        ("2 pi", "2\\pi", "2 pi"),
        ("theta^2 + lambda", "\\theta^{2} + \\lambda", "theta^2 + lambda"),
        ("x_1 + x_2^2 + w_12", "x_{2}^{2} + w_{12} + x_{1}", "x_2^2 + w_12 + x_1"),
        ("rate x", "\\mathrm{rate} x", "rate x"),
        ("sin(x)^2", "\\sin^{2} x", "sin(x)^2"),
        ("cos(2x)^2", "\\cos^{2}(2x)", "cos(2 x)^2"),
        ("log(x)", "\\ln x", "log(x)"),
        ("asin(x) + acos(y) + atan(z)", "\\arccos y + \\arcsin x + \\arctan z", "acos(y) + asin(x) + atan(z)"),
        ("abs(x)", "\\left|x\\right|", "abs(x)"),
        ("sigmoid(x)", "\\sigma(x)", "sigmoid(x)"),
        ("tanh(x) sec(y)", "\\tanh x \\sec y", "tanh(x) sec(y)"),
        ("sin(y) cos(x)", "\\cos x \\sin y", "cos(x) sin(y)"),
        // A function printed without parentheses comes last, so nothing reads as its argument.
        ("sin(y) exp(x)", "e^{x} \\sin y", "exp(x) sin(y)"),
        ("cos(y) (x + 1)", "(x + 1) \\cos y", "(x + 1) cos(y)"),
        ("x sin(y)^2 exp(x y)", "x e^{xy} \\sin^{2} y", "x exp(x y) sin(y)^2"),
        ("x^(y - 1) y", "yx^{y-1}", "y x^(y - 1)"),
        ("(x + 1)^2", "(x + 1)^{2}", "(x + 1)^2"),
        ("(x + 1)(x - 1)", "(x - 1) (x + 1)", "(x - 1) (x + 1)"),
        ("x (x + 1)", "x (x + 1)", "x (x + 1)"),
        ("(1/2)^x", "\\left(\\frac{1}{2}\\right)^{x}", "(1/2)^x"),
        ("(-2)^x", "(-2)^{x}", "(-2)^x"),
        ("x^y^z", "x^{y^{z}}", "x^(y^z)"),
        ("(x^y)^z", "(x^{y})^{z}", "(x^y)^z"),
        ("x^(y + 1)", "x^{y+1}", "x^(y + 1)"),
        ("exp(-x)", "e^{-x}", "exp(-x)"),
        ("-x^2", "-x^{2}", "-x^2"),
        ("e", "e", "e"),
        ("x if x > 0 else -x", "\\begin{cases} x & x > 0 \\\\ -x & \\text{otherwise} \\end{cases}", "x if x > 0 else -x"),
        ("x y/(x^2 + y^2) if (x, y) != (0, 0) else 0",
         "\\begin{cases} \\frac{xy}{x^{2} + y^{2}} & \\left(x, y\\right) \\ne \\left(0, 0\\right) \\\\ 0 & \\text{otherwise} \\end{cases}",
         "x y/(x^2 + y^2) if (x, y) != (0, 0) else 0"),
        ("(x if x >= 0 and y <= 1 else 0) + 1", "\\begin{cases} x & x \\ge 0 \\text{ and } y \\le 1 \\\\ 0 & \\text{otherwise} \\end{cases} + 1",
         "(x if x >= 0 and y <= 1 else 0) + 1"),
        ("0", "0", "0"),
        ("-7", "-7", "-7"),
    ])
    func printing(_ input: String, _ latex: String, _ plain: String) throws {
        let e = try Self.parse(input)
        #expect(e.latex == latex, "\(input)")
        #expect(e.plainText == plain, "\(input)")
        #expect(try Self.parse(e.plainText) == e, "plain text parses back: \(e.plainText)")
    }

    @Test func valuesPrintAsPmatrix() throws {
        let v = try ExpressionParser.parseValue("(2 x y, x^2)", context: Self.context)
        #expect(v.latex == "\\begin{pmatrix} 2xy \\\\ x^{2} \\end{pmatrix}")
        #expect(v.plainText == "(2 x y, x^2)")
        #expect(v.latexPoint == "\\left(2xy, x^{2}\\right)")
        let m = try ExpressionParser.parseValue("[[2, 0], [0, 1/4]]")
        // Fractions in a matrix are set at full size.
        #expect(m.latex == "\\begin{pmatrix} 2 & 0 \\\\ 0 & \\dfrac{1}{4} \\end{pmatrix}")
        let n = try ExpressionParser.parseValue("[[-x/2, 1], [0, 1/(x + 1)]]", context: Self.context)
        #expect(n.latex == "\\begin{pmatrix} -\\dfrac{x}{2} & 1 \\\\ 0 & \\dfrac{1}{x + 1} \\end{pmatrix}")
        #expect(m.plainText == "[[2, 0], [0, 1/4]]")
        #expect(try ExpressionParser.parseValue(m.plainText) == m)
        #expect(try ExpressionParser.parseValue(v.plainText, context: Self.context) == v)
    }

    @Test(arguments: [
        ("sqrt(2)", "1.41421"), ("pi/4", "0.785398"), ("1/3", "0.333333"), ("2", "2"), ("-5/2", "-2.5"),
        ("e", "2.71828"), ("1000000 pi", "3141593"), ("1/1000000", "0.000001"), ("10^20", "1.00000e+20"),
        ("sin(1)", "0.841471"), ("0.1", "0.1"),
    ])
    func approximations(_ input: String, _ expected: String) throws {
        #expect(try Self.parse(input).approximation == expected, "\(input)")
    }

    @Test func approximationNeedsANumber() throws {
        #expect(try Self.parse("x + 1").approximation == nil)
        #expect(try Self.parse("log(-1)").approximation == nil)
        #expect(try ExpressionParser.parseValue("(sqrt(2), 1/2)").approximation == "(1.41421, 0.5)")
    }
}
