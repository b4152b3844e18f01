/// A scalar expression.
///
/// Build expressions only through the smart constructors (`Expr.sum`, `Expr.product`,
/// `Expr.power`, `Expr.apply`, the operators), which keep them canonical: flattened,
/// constants folded, like terms collected, operands sorted by one total order. Then two
/// equal expressions are structurally equal.
///
/// Subtraction is `a + (-1)·b`, division is `a · b^(-1)`, `sqrt(x)` is `x^(1/2)`.
public enum Expr: Hashable, Sendable {
    /// An exact rational number.
    case number(Rational)
    /// A variable (or a named parameter): `x`, `theta`, `w_12`.
    case symbol(String)
    /// `pi` or `e`.
    case constant(Constant)
    /// A sum of two or more terms (canonical order).
    case add([Expr])
    /// A product of two or more factors (canonical order, numeric coefficient first).
    case mul([Expr])
    /// base ^ exponent.
    indirect case pow(Expr, Expr)
    /// A built-in function applied to one argument.
    indirect case function(Function, Expr)
    /// `value if condition else ...`: the first piece whose condition holds, else `otherwise`.
    indirect case piecewise([Piece], otherwise: Expr)
}

public enum Constant: String, Hashable, Sendable, CaseIterable {
    case pi, e
}

/// The built-in functions of the calc language (CALC.md 2.1). `log` and `ln` are both `.log`;
/// `sqrt` is a power and never appears here.
public enum Function: String, Hashable, Sendable, CaseIterable {
    case sin, cos, tan, sec, csc, cot
    case asin, acos, atan
    case sinh, cosh, tanh
    case exp, log, abs, sigmoid
}

/// One branch of a piecewise expression.
public struct Piece: Hashable, Sendable {
    public var condition: Condition
    public var value: Expr
    public init(condition: Condition, value: Expr) { self.condition = condition; self.value = value }
}

/// A condition in a piecewise definition.
public indirect enum Condition: Hashable, Sendable {
    case compare(Expr, Comparison, Expr)
    /// `(x, y) == (0, 0)` and `!=`: componentwise.
    case pointCompare([Expr], Comparison, [Expr])
    case and(Condition, Condition)
    case or(Condition, Condition)
}

public enum Comparison: String, Hashable, Sendable, CaseIterable {
    case equal = "==", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
}
