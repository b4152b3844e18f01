/// Why an expression has no real value at a point: a domain error, reported instead of NaN.
public enum EvaluationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// log(u) with u ≤ 0; carries the argument's value.
    case logarithmOfNonPositive(Expr)
    /// A denominator (a negative power's base) is zero; carries the base.
    case divisionByZero(Expr)
    /// An even root (√u, u^(1/4), ...) of a negative number; carries the radicand.
    case evenRootOfNegative(Expr)
    /// asin or acos of a number outside [−1, 1].
    case inverseTrigOutOfRange(Function, Expr)
    /// tan, sec at an odd multiple of π/2, or cot, csc at a multiple of π.
    case trigPole(Function, Expr)
    /// A negative base raised to a non-rational exponent.
    case negativeBaseWithIrrationalExponent(Expr)
    /// A point with the wrong number of coordinates for the function's variables.
    case pointDimension(expected: Int, got: Int)

    public var description: String {
        switch self {
        case .logarithmOfNonPositive(let u):
            return "log of a non-positive number: log(\(DerivativeDisplay.plain(u)))"
        case .divisionByZero(let d):
            return "division by zero: the denominator \(DerivativeDisplay.plain(d)) is 0"
        case .evenRootOfNegative(let u):
            return "square root (even root) of a negative number: \(DerivativeDisplay.plain(u))"
        case .inverseTrigOutOfRange(let f, let u):
            return "\(f.rawValue) is defined only on [-1, 1], not at \(DerivativeDisplay.plain(u))"
        case .trigPole(let f, let u):
            return "\(f.rawValue) is undefined at \(DerivativeDisplay.plain(u))"
        case .negativeBaseWithIrrationalExponent(let b):
            return "a negative base \(DerivativeDisplay.plain(b)) to an irrational power"
        case .pointDimension(let expected, let got):
            return "the point has \(got) coordinates; the function has \(expected) variables"
        }
    }
}
