import Foundation

/// An exact coefficient of a series: a quotient of polynomials with rational coefficients
/// in *atoms*.
///
/// Atoms are the parts of an expression that series arithmetic treats as opaque: free
/// parameters such as `m` in the path `y = m x`, the constants `pi` and `e`, and values
/// such as `sin(1)` or `log(2)`. Treating them as independent indeterminates makes the zero
/// test exact and cheap (a polynomial is zero when it has no terms), which is what deciding
/// the leading term of a series needs. A parameter is assumed to take a generic value: a
/// coefficient `m` counts as non-zero.
struct SeriesCoefficient: Hashable, Sendable {
    /// A product of atoms with positive integer exponents.
    typealias Monomial = [Expr: Int]
    /// A sum of rational multiples of monomials; never stores a zero coefficient.
    typealias Polynomial = [Monomial: Rational]

    private(set) var numerator: Polynomial
    private(set) var denominator: Polynomial

    private init(numerator: Polynomial, denominator: Polynomial) {
        self.numerator = numerator
        self.denominator = denominator
        normalize()
    }

    init(_ r: Rational) {
        numerator = r.isZero ? [:] : [[:]: r]
        denominator = [[:]: .one]
    }

    init(_ n: Int) { self.init(Rational(n)) }

    /// The coefficient for an atom (a parameter, a constant, an opaque value).
    init(atom: Expr) {
        numerator = [[atom: 1]: .one]
        denominator = [[:]: .one]
    }

    static let zero = SeriesCoefficient(0)
    static let one = SeriesCoefficient(1)

    var isZero: Bool { numerator.isEmpty }

    /// The number of terms of numerator and denominator: a measure of how large exact
    /// arithmetic has let the coefficient grow.
    var size: Int { numerator.count + denominator.count }

    /// The rational value when the coefficient contains no atoms.
    var rationalValue: Rational? {
        guard numerator.keys.allSatisfy(\.isEmpty), denominator.count == 1,
              let d = denominator[[:]] else { return nil }
        return (numerator[[:]] ?? .zero) / d
    }

    /// The atoms that are free symbols (parameters), sorted.
    var parameters: [String] {
        var names = Set<String>()
        for poly in [numerator, denominator] {
            for monomial in poly.keys {
                for atom in monomial.keys { names.formUnion(atom.symbols) }
            }
        }
        return names.sorted()
    }

    /// Divides through by a constant denominator so that equal rational values compare equal.
    private mutating func normalize() {
        if numerator.isEmpty { denominator = [[:]: .one]; return }
        if denominator.count == 1, let (monomial, c) = denominator.first, monomial.isEmpty, c != .one {
            numerator = numerator.mapValues { $0 / c }
            denominator = [[:]: .one]
        }
        if numerator == denominator { numerator = [[:]: .one]; denominator = [[:]: .one] }
    }

    // MARK: Arithmetic

    private static func add(_ a: Polynomial, _ b: Polynomial) -> Polynomial {
        var result = a
        for (m, c) in b {
            let s = (result[m] ?? .zero) + c
            result[m] = s.isZero ? nil : s
        }
        return result
    }

    private static func multiply(_ a: Polynomial, _ b: Polynomial) -> Polynomial {
        var result: Polynomial = [:]
        for (m1, c1) in a {
            for (m2, c2) in b {
                let m = m1.merging(m2, uniquingKeysWith: +)
                let s = (result[m] ?? .zero) + c1 * c2
                result[m] = s.isZero ? nil : s
            }
        }
        return result
    }

    static func + (a: Self, b: Self) -> Self {
        if a.isZero { return b }
        if b.isZero { return a }
        if a.denominator == b.denominator {
            return Self(numerator: add(a.numerator, b.numerator), denominator: a.denominator)
        }
        return Self(numerator: add(multiply(a.numerator, b.denominator), multiply(b.numerator, a.denominator)),
                    denominator: multiply(a.denominator, b.denominator))
    }

    static prefix func - (a: Self) -> Self {
        Self(numerator: a.numerator.mapValues { -$0 }, denominator: a.denominator)
    }

    static func - (a: Self, b: Self) -> Self { a + (-b) }

    static func * (a: Self, b: Self) -> Self {
        if a.isZero || b.isZero { return .zero }
        if let r = a.rationalValue, r == .one { return b }
        if let r = b.rationalValue, r == .one { return a }
        return Self(numerator: multiply(a.numerator, b.numerator), denominator: multiply(a.denominator, b.denominator))
    }

    /// The reciprocal; the coefficient must not be zero.
    var reciprocal: Self {
        precondition(!isZero, "reciprocal of a zero coefficient")
        return Self(numerator: denominator, denominator: numerator)
    }

    static func / (a: Self, b: Self) -> Self { a * b.reciprocal }

    func scaled(by r: Rational) -> Self { self * Self(r) }

    /// `self^n` for any integer n (n < 0 needs a non-zero coefficient).
    func raised(to n: Int) -> Self {
        if n < 0 { return reciprocal.raised(to: -n) }
        var result = Self.one
        var base = self
        var e = n
        while e > 0 {
            if e & 1 == 1 { result = result * base }
            base = base * base
            e >>= 1
        }
        return result
    }

    // MARK: Conversion

    /// Reads an expression free of the series variable as a coefficient: numbers exactly,
    /// sums, products and integer powers by arithmetic, everything else as an atom.
    init(_ e: Expr) {
        switch e {
        case .number(let r):
            self.init(r)
        case .function(.exp, .number(let r)):
            self = SeriesCoefficient.exponential(r) ?? SeriesCoefficient(atom: e)
        case .pow(.constant(.e), .number(let r)) where !r.isInteger:
            self = SeriesCoefficient.exponential(r) ?? SeriesCoefficient(atom: e)
        case .symbol, .constant, .function, .piecewise:
            self.init(atom: e)
        case .add(let terms):
            self = terms.reduce(SeriesCoefficient.zero) { $0 + SeriesCoefficient($1) }
        case .mul(let factors):
            self = factors.reduce(SeriesCoefficient.one) { $0 * SeriesCoefficient($1) }
        case .pow(let base, let exponent):
            if case .number(let r) = exponent, r.isInteger, let n = Int(exactly: r.numerator), abs(n) <= 200 {
                let b = SeriesCoefficient(base)
                if n < 0 && b.isZero { self.init(atom: e); return }
                self = b.raised(to: n)
            } else {
                self.init(atom: e)
            }
        }
    }

    /// `e^r` for a rational r, spelled one way whatever way it arrives (`exp(5/2)`,
    /// `e^(5/2)`): `e^n` times the atom `exp(f)` for the fractional part 0 <= f < 1.
    static func exponential(_ r: Rational) -> SeriesCoefficient? {
        let whole = r.floor
        guard let n = Int(exactly: whole), abs(n) <= 64 else { return nil }
        let fraction = r - Rational(whole)
        let power = SeriesCoefficient(atom: .constant(.e)).raised(to: n)
        if fraction.isZero { return power }
        return power * SeriesCoefficient(atom: .function(.exp, .number(fraction)))
    }

    /// The coefficient as an expression, built through the smart constructors; terms are
    /// sorted by their printed form so the result does not depend on hashing order.
    var expression: Expr {
        let n = SeriesCoefficient.expression(of: numerator)
        if denominator == [[:]: .one] { return n }
        return n / SeriesCoefficient.expression(of: denominator)
    }

    private static func expression(of polynomial: Polynomial) -> Expr {
        let terms: [Expr] = polynomial.map { monomial, c in
            let atoms = monomial.sorted { String(describing: $0.key) < String(describing: $1.key) }
            return Expr.product([.number(c)] + atoms.map { Expr.power($0.key, .num($0.value)) })
        }
        return Expr.sum(terms.sorted { String(describing: $0) < String(describing: $1) })
    }

    /// A floating-point value when the coefficient has no free parameters.
    var approximateValue: Double? {
        guard parameters.isEmpty else { return nil }
        guard let n = SeriesCoefficient.approximate(numerator), let d = SeriesCoefficient.approximate(denominator),
              d != 0 else { return nil }
        return n / d
    }

    private static func approximate(_ p: Polynomial) -> Double? {
        var total = 0.0
        for (monomial, c) in p {
            var term = c.doubleValue
            for (atom, k) in monomial {
                guard let v = ApproximateValue.of(atom) else { return nil }
                term *= Foundation.pow(v, Double(k))
            }
            total += term
        }
        return total
    }

    /// The sign (-1, 0 or 1) when it can be decided: exactly for rationals, numerically
    /// (with a safety margin) for constant atoms, and not at all when a parameter remains.
    var sign: Int? {
        if isZero { return 0 }
        if let r = rationalValue { return r.isNegative ? -1 : 1 }
        guard let v = approximateValue, v.isFinite, abs(v) > 1e-12 else { return nil }
        return v < 0 ? -1 : 1
    }
}

/// A floating-point value of a constant expression (no free symbols), used only to decide
/// signs of exact coefficients such as `pi - 3` or `sin(1)`.
enum ApproximateValue {
    static func of(_ e: Expr) -> Double? {
        switch e {
        case .number(let r): return r.doubleValue
        case .symbol: return nil
        case .constant(let c):
            switch c {
            case .pi: return Double.pi
            case .e: return M_E
            }
        case .add(let terms):
            var s = 0.0
            for t in terms { guard let v = of(t) else { return nil }; s += v }
            return s
        case .mul(let factors):
            var p = 1.0
            for f in factors { guard let v = of(f) else { return nil }; p *= v }
            return p
        case .pow(let a, let b):
            guard let x = of(a), let y = of(b) else { return nil }
            let v = Foundation.pow(x, y)
            return v.isFinite ? v : nil
        case .function(let f, let a):
            guard let x = of(a) else { return nil }
            let v: Double
            switch f {
            case .sin: v = Foundation.sin(x)
            case .cos: v = Foundation.cos(x)
            case .tan: v = Foundation.tan(x)
            case .sec: v = 1 / Foundation.cos(x)
            case .csc: v = 1 / Foundation.sin(x)
            case .cot: v = 1 / Foundation.tan(x)
            case .asin: v = Foundation.asin(x)
            case .acos: v = Foundation.acos(x)
            case .atan: v = Foundation.atan(x)
            case .sinh: v = Foundation.sinh(x)
            case .cosh: v = Foundation.cosh(x)
            case .tanh: v = Foundation.tanh(x)
            case .exp: v = Foundation.exp(x)
            case .log: v = Foundation.log(x)
            case .abs: v = Swift.abs(x)
            case .sigmoid: v = 1 / (1 + Foundation.exp(-x))
            }
            return v.isFinite ? v : nil
        case .piecewise:
            return nil
        }
    }
}
