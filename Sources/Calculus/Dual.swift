import Foundation

/// A forward-mode dual number a + b·ε with ε² = 0: `value` carries f, `derivative` carries
/// f' along the seeded variable.
///
/// The arithmetic here is written out from the definitions on purpose and shares nothing
/// with the symbolic rules (`DerivativeRule`), so agreement between the two is evidence
/// rather than a tautology.
public struct Dual: Sendable, Equatable {
    public var value: Double
    public var derivative: Double

    public init(_ value: Double, _ derivative: Double = 0) {
        self.value = value
        self.derivative = derivative
    }

    /// Whether both parts are finite numbers.
    public var isFinite: Bool { value.isFinite && derivative.isFinite }

    public static func + (a: Dual, b: Dual) -> Dual { Dual(a.value + b.value, a.derivative + b.derivative) }
    public static func - (a: Dual, b: Dual) -> Dual { Dual(a.value - b.value, a.derivative - b.derivative) }
    public static prefix func - (a: Dual) -> Dual { Dual(-a.value, -a.derivative) }
    public static func * (a: Dual, b: Dual) -> Dual {
        Dual(a.value * b.value, a.derivative * b.value + a.value * b.derivative)
    }
    public static func / (a: Dual, b: Dual) -> Dual {
        // (a + a'ε)/(b + b'ε) = a/b + (a'b - ab')/b² ε; division by zero yields non-finite parts.
        Dual(a.value / b.value, (a.derivative * b.value - a.value * b.derivative) / (b.value * b.value))
    }

    /// aᵇ. With a constant exponent this is the power law on the dual part (so negative
    /// bases with integer exponents work); otherwise exp(b ln a).
    public static func pow(_ a: Dual, _ b: Dual) -> Dual {
        let v = Foundation.pow(a.value, b.value)
        if b.derivative == 0 {
            if a.derivative == 0 { return Dual(v, 0) }
            return Dual(v, b.value * Foundation.pow(a.value, b.value - 1) * a.derivative)
        }
        return Dual(v, v * (b.derivative * Foundation.log(a.value) + b.value * a.derivative / a.value))
    }

    /// Applies a built-in function: value f(a), derivative f'(a)·a' from the textbook
    /// formula written directly over doubles.
    public static func apply(_ f: Function, _ a: Dual) -> Dual {
        let x = a.value, dx = a.derivative
        switch f {
        case .sin: return Dual(Foundation.sin(x), Foundation.cos(x) * dx)
        case .cos: return Dual(Foundation.cos(x), -Foundation.sin(x) * dx)
        case .tan:
            let c = Foundation.cos(x)
            return Dual(Foundation.tan(x), dx / (c * c))
        case .sec:
            let c = Foundation.cos(x)
            return Dual(1 / c, Foundation.sin(x) / (c * c) * dx)
        case .csc:
            let s = Foundation.sin(x)
            return Dual(1 / s, -Foundation.cos(x) / (s * s) * dx)
        case .cot:
            let s = Foundation.sin(x)
            return Dual(Foundation.cos(x) / s, -dx / (s * s))
        case .asin:
            guard abs(x) <= 1 else { return Dual(.nan, .nan) }
            return Dual(Foundation.asin(x), dx / (1 - x * x).squareRoot())
        case .acos:
            guard abs(x) <= 1 else { return Dual(.nan, .nan) }
            return Dual(Foundation.acos(x), -dx / (1 - x * x).squareRoot())
        case .atan: return Dual(Foundation.atan(x), dx / (1 + x * x))
        case .sinh: return Dual(Foundation.sinh(x), Foundation.cosh(x) * dx)
        case .cosh: return Dual(Foundation.cosh(x), Foundation.sinh(x) * dx)
        case .tanh:
            let c = Foundation.cosh(x)
            return Dual(Foundation.tanh(x), dx / (c * c))
        case .exp:
            let v = Foundation.exp(x)
            return Dual(v, v * dx)
        case .log:
            guard x > 0 else { return Dual(.nan, .nan) }
            return Dual(Foundation.log(x), dx / x)
        case .abs:
            // Not differentiable at 0: report it as undefined rather than pick a side.
            if x == 0 { return Dual(0, dx == 0 ? 0 : .nan) }
            return Dual(Swift.abs(x), x > 0 ? dx : -dx)
        case .sigmoid:
            let s = 1 / (1 + Foundation.exp(-x))
            return Dual(s, s * (1 - s) * dx)
        }
    }
}
