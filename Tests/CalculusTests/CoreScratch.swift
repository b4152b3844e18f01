import Testing
@testable import Calculus

@Test func coreScratch() throws {
    let ctx = CalcContext(variables: ["x", "y", "z", "t", "theta", "x_1", "w_12"])
    for s in ["2xy", "x^2 y + sin(y)", "x y/(x^2+y^2)", "y/(x^2+y^2) - 2 x^2 y/(x^2+y^2)^2", "sqrt(8)", "1/sqrt(2)", "(1/2)^(1/2)",
              "4^(1/2)", "sin(pi/6)", "cos(7pi/4)", "tan(-pi/3)", "sin(13pi/6)", "e^(x^2+y^2)", "exp(0)", "log(e)", "2x^2 + 3x - 5",
              "-x^2", "x - y", "(x+1)^2", "(x+1)(x-1)", "3(x+1)", "x sin(y)", "sin(x y)", "sin^2(x) + cos^2(x)", "theta x_1 + w_12",
              "abs(x)", "sigmoid(x)", "x^(1/3)", "1/x", "-1/(2x)", "x^(3/2)", "2 sqrt(2)", "pi/4", "-pi/4", "2^(1/3)*2", "x if x > 0 else -x",
              "x y / (x^2 + y^2) if (x, y) != (0, 0) else 0", "e", "e^2", "e x", "x e^x", "(2x)^3", "sqrt(4x)", "(x^2)^(1/2)", "acos(-1/2)", "atan(sqrt(3)/3)",
              "0.25x", "x/2 + y/3", "2^-1", "-(x-y)", "x^-2", "sin(x)^-1", "sec(pi/4)", "x^y", "(-8)^(1/3)", "12^(1/2)", "sin(-x)", "cos(-x)", "x/(x+1)^2 - 1/(x+1)", "1/(x+1) - x/(x+1)^2", "x^2 y + x y^2", "(x-1)(x+1)", "3 sin(x)^2 + 3cos(x)^2 + x", "2 x exp(x^2+y^2)", "-y(x-y)", "1/x + 1/y", "x/2 + y/3", "(x+y)^2 - x^2 - y^2", "cosh(x)^2 - sinh(x)^2", "(x^2 - y^2)/(x+y)"] {
        let e = try ExpressionParser.parseExpression(s, context: ctx)
        let d = Simplify.display(e)
        print("\(s)  =>  \(e.plainText)   |   \(e.latex)   ##  \(d.plainText)")
    }
}
