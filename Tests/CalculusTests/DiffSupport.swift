import Testing
@testable import Calculus

/// Parses an expression in x, y, z (and any other name as a variable) for the derivative
/// tests; a parse error is recorded as a test failure (and gives NaN-free `0`).
func diffParse(_ text: String, variables: [String] = ["x", "y", "z"]) -> Expr {
    do {
        return try ExpressionParser.parseExpression(
            text, context: CalcContext(variables: variables, allowsUndeclaredNames: true))
    } catch {
        Issue.record("test input does not parse: \(text): \(error)")
        return .zero
    }
}
