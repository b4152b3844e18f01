import Testing
@testable import Calculus

@Suite struct CoreParserSmokeTests {
    let xy = CalcContext(variables: ["x", "y"])

    @Test func basics() throws {
        let x = Expr.symbol("x"), y = Expr.symbol("y")
        #expect(try ExpressionParser.parseExpression("2xy", context: xy) == Expr.product([.num(2), x, y]))
        #expect(try ExpressionParser.parseExpression("x^2 y + sin(y)", context: xy)
                == Expr.power(x, .num(2)) * y + Expr.apply(.sin, y))
        #expect(try ExpressionParser.parseExpression("0.25") == .number(Rational(1, 4)))
        #expect(throws: ExpressionSyntaxError.self) { try ExpressionParser.parseExpression("(x+1", context: xy) }
        let v = try ExpressionParser.parseValue("[[2, 0], [0, 4]]")
        #expect(v == .matrix([[.num(2), .num(0)], [.num(0), .num(4)]]))
        let p = try ExpressionParser.parseExpression("x y / (x^2 + y^2) if (x, y) != (0, 0) else 0", context: xy)
        if case .piecewise(let pieces, _) = p { #expect(pieces.count == 1) } else { Issue.record("not piecewise") }
    }
}
