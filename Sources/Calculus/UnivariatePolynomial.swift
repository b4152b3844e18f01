/// A polynomial in one variable with exact rational coefficients.
///
/// Used to cancel the common factor of a rational function before taking a limit
/// (`(t^2 - 1)/(t - 1)` becomes `t + 1`). Coefficients are stored from the constant term
/// up, with no trailing zeros, so the zero polynomial has no coefficients.
public struct UnivariatePolynomial: Hashable, Sendable, CustomStringConvertible {
    /// `coefficients[k]` multiplies `variable^k`.
    public private(set) var coefficients: [Rational]

    public init(_ coefficients: [Rational]) {
        self.coefficients = coefficients
        trim()
    }

    public init(constant: Rational) { self.init([constant]) }

    /// The polynomial `t`.
    public static let identity = UnivariatePolynomial([.zero, .one])
    public static let zero = UnivariatePolynomial([])
    public static let one = UnivariatePolynomial([.one])

    private mutating func trim() {
        while let last = coefficients.last, last.isZero { coefficients.removeLast() }
    }

    public var isZero: Bool { coefficients.isEmpty }
    /// The degree; -1 for the zero polynomial so that `deg(p q) = deg p + deg q` stays useful.
    public var degree: Int { coefficients.count - 1 }
    public var leadingCoefficient: Rational { coefficients.last ?? .zero }

    public var description: String {
        if isZero { return "0" }
        var parts: [String] = []
        for (k, c) in coefficients.enumerated().reversed() where !c.isZero {
            let power = k == 0 ? "" : (k == 1 ? "t" : "t^\(k)")
            parts.append(k == 0 ? "\(c)" : (c == .one ? power : "\(c)*\(power)"))
        }
        return parts.joined(separator: " + ")
    }

    /// The value at an exact point (Horner's scheme).
    public func value(at x: Rational) -> Rational {
        var result = Rational.zero
        for c in coefficients.reversed() { result = result * x + c }
        return result
    }

    public static func + (a: Self, b: Self) -> Self {
        var c = [Rational](repeating: .zero, count: max(a.coefficients.count, b.coefficients.count))
        for (k, x) in a.coefficients.enumerated() { c[k] = c[k] + x }
        for (k, x) in b.coefficients.enumerated() { c[k] = c[k] + x }
        return Self(c)
    }

    public static prefix func - (a: Self) -> Self { Self(a.coefficients.map { -$0 }) }
    public static func - (a: Self, b: Self) -> Self { a + (-b) }

    public static func * (a: Self, b: Self) -> Self {
        if a.isZero || b.isZero { return .zero }
        var c = [Rational](repeating: .zero, count: a.coefficients.count + b.coefficients.count - 1)
        for (i, x) in a.coefficients.enumerated() where !x.isZero {
            for (j, y) in b.coefficients.enumerated() { c[i + j] = c[i + j] + x * y }
        }
        return Self(c)
    }

    public func scaled(by r: Rational) -> Self { Self(coefficients.map { $0 * r }) }

    /// `self^n` for n >= 0.
    public func raised(to n: Int) -> Self {
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

    /// Long division: `self = quotient * divisor + remainder` with `deg remainder < deg divisor`.
    /// The divisor must not be zero.
    public func divided(by divisor: Self) -> (quotient: Self, remainder: Self) {
        precondition(!divisor.isZero, "polynomial division by zero")
        var remainder = coefficients
        let d = divisor.degree
        let lead = divisor.leadingCoefficient
        if degree < d { return (.zero, self) }
        var quotient = [Rational](repeating: .zero, count: degree - d + 1)
        for k in stride(from: degree - d, through: 0, by: -1) {
            let q = remainder[k + d] / lead
            quotient[k] = q
            if q.isZero { continue }
            for (j, c) in divisor.coefficients.enumerated() { remainder[k + j] = remainder[k + j] - q * c }
        }
        return (Self(quotient), Self(remainder))
    }

    /// The quotient when `divisor` divides `self` exactly, else nil.
    public func exactlyDivided(by divisor: Self) -> Self? {
        guard !divisor.isZero else { return nil }
        let (q, r) = divided(by: divisor)
        return r.isZero ? q : nil
    }

    /// The monic greatest common divisor (zero only when both are zero).
    public static func gcd(_ a: Self, _ b: Self) -> Self {
        var x = a, y = b
        while !y.isZero { (x, y) = (y, x.divided(by: y).remainder) }
        return x.isZero ? x : x.scaled(by: Rational.one / x.leadingCoefficient)
    }

    /// How often `t - root` divides the polynomial (0 when `root` is not a root; the zero
    /// polynomial has no finite multiplicity and gives nil).
    public func multiplicity(ofRoot root: Rational) -> Int? {
        if isZero { return nil }
        let factor = Self([-root, .one])
        var p = self
        var count = 0
        while let q = p.exactlyDivided(by: factor) { p = q; count += 1 }
        return count
    }

    /// The polynomial as an expression in `variable`, highest degree first.
    public func expression(in variable: String) -> Expr {
        var terms: [Expr] = []
        for (k, c) in coefficients.enumerated().reversed() where !c.isZero {
            let power = Expr.power(.symbol(variable), .num(k))
            terms.append(Expr.product([.number(c), power]))
        }
        return Expr.sum(terms)
    }

    /// Reads `e` as a polynomial in `variable` with rational coefficients; nil when it is not
    /// one (another symbol, a function, a negative or fractional power of the variable).
    public init?(_ e: Expr, in variable: String) {
        switch e {
        case .number(let r):
            self.init(constant: r)
        case .symbol(let name):
            guard name == variable else { return nil }
            self = .identity
        case .constant, .function, .piecewise:
            return nil
        case .add(let terms):
            var total = Self.zero
            for term in terms {
                guard let p = Self(term, in: variable) else { return nil }
                total = total + p
            }
            self = total
        case .mul(let factors):
            var total = Self.one
            for factor in factors {
                guard let p = Self(factor, in: variable) else { return nil }
                total = total * p
            }
            self = total
        case .pow(let base, let exponent):
            guard case .number(let r) = exponent, r.isInteger, !r.isNegative,
                  let n = Int(exactly: r.numerator), n <= 10_000,
                  let b = Self(base, in: variable) else { return nil }
            self = b.raised(to: n)
        }
    }
}

/// A quotient of two polynomials in one variable, as read from an expression.
public struct UnivariateRationalFunction: Hashable, Sendable {
    public var numerator: UnivariatePolynomial
    public var denominator: UnivariatePolynomial

    public init(numerator: UnivariatePolynomial, denominator: UnivariatePolynomial) {
        self.numerator = numerator
        self.denominator = denominator
    }

    /// Reads `e` as a rational function in `variable` (sums, products and integer powers of
    /// polynomials); nil for anything else.
    public init?(_ e: Expr, in variable: String) {
        switch e {
        case .number, .symbol, .constant, .function, .piecewise:
            guard let p = UnivariatePolynomial(e, in: variable) else { return nil }
            self.init(numerator: p, denominator: .one)
        case .add(let terms):
            var total = Self(numerator: .zero, denominator: .one)
            for term in terms {
                guard let r = Self(term, in: variable) else { return nil }
                total = Self(numerator: total.numerator * r.denominator + r.numerator * total.denominator,
                             denominator: total.denominator * r.denominator)
            }
            self = total
        case .mul(let factors):
            var total = Self(numerator: .one, denominator: .one)
            for factor in factors {
                guard let r = Self(factor, in: variable) else { return nil }
                total = Self(numerator: total.numerator * r.numerator, denominator: total.denominator * r.denominator)
            }
            self = total
        case .pow(let base, let exponent):
            guard case .number(let r) = exponent, r.isInteger,
                  let n = Int(exactly: r.numerator), abs(n) <= 10_000,
                  let b = Self(base, in: variable) else { return nil }
            if n >= 0 {
                self.init(numerator: b.numerator.raised(to: n), denominator: b.denominator.raised(to: n))
            } else {
                guard !b.numerator.isZero else { return nil }
                self.init(numerator: b.denominator.raised(to: -n), denominator: b.numerator.raised(to: -n))
            }
        }
        if denominator.isZero { return nil }
    }

    /// Numerator and denominator divided by their greatest common divisor, with the
    /// denominator made monic.
    public var reduced: Self {
        let g = UnivariatePolynomial.gcd(numerator, denominator)
        guard !g.isZero, let n = numerator.exactlyDivided(by: g), let d = denominator.exactlyDivided(by: g)
        else { return self }
        let scale = Rational.one / d.leadingCoefficient
        return Self(numerator: n.scaled(by: scale), denominator: d.scaled(by: scale))
    }

    /// The function as an expression `numerator / denominator` (just the numerator when the
    /// denominator is 1).
    public func expression(in variable: String) -> Expr {
        if denominator == .one { return numerator.expression(in: variable) }
        return numerator.expression(in: variable) / denominator.expression(in: variable)
    }
}
