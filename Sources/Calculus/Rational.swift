import BigInt

/// An exact rational number, always reduced, with a positive denominator.
///
/// Arbitrary precision (BigInt) so that nothing a course computes can overflow.
public struct Rational: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let numerator: BigInt
    public let denominator: BigInt

    public init(_ n: Int) { numerator = BigInt(n); denominator = 1 }
    public init(_ n: BigInt) { numerator = n; denominator = 1 }

    /// Reduces on construction; `den` must not be zero.
    public init(_ num: BigInt, _ den: BigInt) {
        precondition(den != 0, "Rational with zero denominator")
        let g = num.greatestCommonDivisor(with: den)
        var n = num / (g == 0 ? 1 : g)
        var d = den / (g == 0 ? 1 : g)
        if d < 0 { n = -n; d = -d }
        numerator = n; denominator = d
    }

    public static let zero = Rational(0)
    public static let one = Rational(1)

    public var isInteger: Bool { denominator == 1 }
    public var isZero: Bool { numerator == 0 }
    public var isNegative: Bool { numerator < 0 }
    public var doubleValue: Double { Double(numerator) / Double(denominator) }
    public var description: String { isInteger ? "\(numerator)" : "\(numerator)/\(denominator)" }

    public static func + (a: Rational, b: Rational) -> Rational {
        Rational(a.numerator * b.denominator + b.numerator * a.denominator, a.denominator * b.denominator)
    }
    public static func - (a: Rational, b: Rational) -> Rational { a + (-b) }
    public static prefix func - (a: Rational) -> Rational { Rational(-a.numerator, a.denominator) }
    public static func * (a: Rational, b: Rational) -> Rational {
        Rational(a.numerator * b.numerator, a.denominator * b.denominator)
    }
    /// Division; `b` must not be zero (callers report division by zero before calling).
    public static func / (a: Rational, b: Rational) -> Rational {
        Rational(a.numerator * b.denominator, a.denominator * b.numerator)
    }
    public static func < (a: Rational, b: Rational) -> Bool {
        a.numerator * b.denominator < b.numerator * a.denominator
    }
}
