@testable import Calculus

/// Parses an expression in x, y, z (and any other name as a variable) for the derivative tests.
func diffParse(_ text: String, variables: [String] = ["x", "y", "z"]) -> Expr {
    do {
        return try ExpressionParser.parseExpression(
            text, context: CalcContext(variables: variables, allowsUndeclaredNames: true))
    } catch {
        fatalError("test input does not parse: \(text): \(error)")
    }
}
