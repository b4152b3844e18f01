import BigInt
import Foundation

/// Expands an expression in one variable `t` near `t = a` from one side, as a Laurent
/// series in `w > 0` where `t = a + direction * w^rootDegree`.
///
/// `rootDegree` is chosen so that fractional powers such as `sqrt(t)` near 0 become integer
/// powers of `w`. Other symbols are parameters (generic values), kept exact in the
/// coefficients. Elementary functions are expanded by their Maclaurin series around the
/// value of the argument at the point, using addition formulas (`sin(c + u)`) or the
/// derivative (`atan(c + u) = atan c + ∫ u'/(1 + (c + u)^2)`).
struct SeriesExpansion {
    let variable: String
    let point: SeriesCoefficient
    /// +1 for t > a, -1 for t < a.
    let direction: Int
    let rootDegree: Int
    /// How many terms after the leading one each operation keeps.
    let terms: Int
    /// Symbols that stand for expressions (in the variable and parameters): the path
    /// `x -> t, y -> m t`, or the shifted point `x -> a + h`. Expanding through bindings
    /// instead of substituting first keeps `0 · (1/0)` from folding to 0 before it is seen.
    var bindings: [String: Expr] = [:]
    /// Symbols that stand for exact coefficients computed earlier (f at the point, in a
    /// difference quotient), so they are not converted to expressions and back.
    var constants: [String: SeriesCoefficient] = [:]

    /// Coefficients larger than this (in terms) stop the expansion: exact arithmetic on
    /// many opaque values can grow without bound, and an answer must come back quickly.
    static let coefficientBudget = 3000

    /// The series of `e`.
    func expand(_ e: Expr) throws(SeriesFailure) -> LaurentSeries {
        let s = try expandNode(e)
        if s.largestCoefficientSize > Self.coefficientBudget {
            throw .unsupported("the exact coefficients grow too large")
        }
        return s
    }

    private func expandNode(_ e: Expr) throws(SeriesFailure) -> LaurentSeries {
        switch e {
        case .number(let r):
            return LaurentSeries(constant: SeriesCoefficient(r))
        case .symbol(let name):
            if name == variable {
                return LaurentSeries(constant: point) + .monomial(SeriesCoefficient(direction), rootDegree)
            }
            if let c = constants[name] {
                return LaurentSeries(constant: c)
            }
            if let bound = bindings[name] {
                var inner = self
                inner.bindings = [:]
                inner.constants = [:]
                return try inner.expand(bound)
            }
            return LaurentSeries(constant: SeriesCoefficient(atom: e))
        case .constant:
            return LaurentSeries(constant: SeriesCoefficient(atom: e))
        case .add(let terms):
            var total = LaurentSeries.zero
            for term in terms { total = total + (try expand(term)) }
            return total
        case .mul(let factors):
            var total = LaurentSeries.one
            for factor in factors { total = (total * (try expand(factor))).capped(terms: self.terms) }
            return total
        case .pow(let base, let exponent):
            return try expandPower(base, exponent)
        case .function(let f, let argument):
            return try expandFunction(f, try expand(argument))
        case .piecewise(let pieces, let otherwise):
            for piece in pieces where try holdsNearPoint(piece.condition) {
                return try expand(piece.value)
            }
            return try expand(otherwise)
        }
    }

    // MARK: Powers

    private func expandPower(_ base: Expr, _ exponent: Expr) throws(SeriesFailure) -> LaurentSeries {
        if let r = SeriesRootDegree.rationalValue(of: exponent) {
            let b = try expand(base)
            if r.isInteger, let n = Int(exactly: r.numerator) {
                if b.isExactlyZero { if n > 0 { return .zero } else { throw .divisionByZero } }
                return try b.raised(to: n, terms: terms)
            }
            return try fractionalPower(b, r)
        }
        // A general power a^b is exp(b log a).
        let logBase = try expandFunction(.log, try expand(base))
        let product = (try expand(exponent)) * logBase
        return try expandFunction(.exp, product.capped(terms: terms))
    }

    /// `b^r` for a non-integer rational r: `c^r w^(v r) (1 + u)^r` with the binomial series.
    private func fractionalPower(_ b: LaurentSeries, _ r: Rational) throws(SeriesFailure) -> LaurentSeries {
        if b.isExactlyZero {
            if r.isNegative { throw .divisionByZero }
            return .zero
        }
        guard let c = b.leadingCoefficient else { throw .precisionExhausted }
        let scaled = Rational(b.valuation) * r
        guard scaled.isInteger, let newValuation = Int(exactly: scaled.numerator) else {
            throw .unsupported("a fractional power whose expansion is not a Laurent series")
        }
        if r.denominator % 2 == 0, c.sign == -1 {
            throw .outsideDomain("an even root of a negative quantity")
        }
        let cPower = Self.coefficient(of: Expr.power(c.expression, .number(r)), fallbackRational: c.rationalValue.flatMap { Self.exactRationalPower($0, r) })
        // u = b / (c w^v) - 1 has positive valuation.
        let normalized = b * LaurentSeries.monomial(c.reciprocal, -b.valuation)
        let u = normalized - .one
        let binomial = LaurentSeries.compose(taylor: { k in Self.binomialCoefficient(r, k) }, with: u, limit: terms)
        return (binomial * .monomial(cPower, newValuation)).capped(terms: terms)
    }

    /// `x^r` exactly when x is a perfect power of the right kind (`4^(1/2) = 2`), else nil.
    private static func exactRationalPower(_ x: Rational, _ r: Rational) -> Rational? {
        guard let q = Int(exactly: r.denominator), let p = Int(exactly: r.numerator), q <= 64, abs(p) <= 64
        else { return nil }
        // A negative base has a real root only for an odd root degree.
        if x.isNegative && q % 2 == 0 { return nil }
        let magnitude = x.isNegative ? -x : x
        guard let n = integerRoot(magnitude.numerator, q), let d = integerRoot(magnitude.denominator, q) else { return nil }
        let root = x.isNegative ? -Rational(n, d) : Rational(n, d)
        if p >= 0 { return (0..<p).reduce(Rational.one) { acc, _ in acc * root } }
        if root.isZero { return nil }
        return (0..<(-p)).reduce(Rational.one) { acc, _ in acc / root }
    }

    /// The exact integer q-th root of n, or nil. A floating-point guess is checked exactly,
    /// so a wrong guess only costs a missed simplification.
    private static func integerRoot(_ n: BigInt, _ q: Int) -> BigInt? {
        if n < 0 { return nil }
        if n < 2 { return n }
        let d = Double(n)
        guard d.isFinite else { return nil }
        let guess = BigInt(Foundation.pow(d, 1.0 / Double(q)).rounded())
        for candidate in [guess - 1, guess, guess + 1] where candidate >= 0 {
            if candidate.power(q) == n { return candidate }
        }
        return nil
    }

    private static func binomialCoefficient(_ r: Rational, _ k: Int) -> Rational {
        var c = Rational.one
        if k == 0 { return c }
        for i in 0..<k { c = c * (r - Rational(i)) / Rational(i + 1) }
        return c
    }

    // MARK: Functions

    /// The coefficient for an exact expression, preferring a known rational value.
    private static func coefficient(of e: Expr, fallbackRational: Rational?) -> SeriesCoefficient {
        if let r = fallbackRational { return SeriesCoefficient(r) }
        return SeriesCoefficient(e)
    }

    /// f(c) for an exact coefficient c, exactly where the value is classical (f(0), log 1,
    /// exp of an integer as a power of e), else through `Expr.apply`.
    private static func value(_ f: Function, at c: SeriesCoefficient) -> SeriesCoefficient {
        if c.isZero {
            switch f {
            case .sin, .tan, .asin, .atan, .sinh, .tanh, .abs: return .zero
            case .cos, .exp, .cosh, .sec: return .one
            case .acos: return SeriesCoefficient(atom: .constant(.pi)).scaled(by: Rational(1, 2))
            case .sigmoid: return SeriesCoefficient(Rational(1, 2))
            case .log, .csc, .cot: break
            }
        }
        if let r = c.rationalValue {
            if f == .log, r == .one { return .zero }
            if f == .exp, r.isInteger, let n = Int(exactly: r.numerator), abs(n) <= 64 {
                return SeriesCoefficient(atom: .constant(.e)).raised(to: n)
            }
            if f == .abs { return SeriesCoefficient(r.isNegative ? -r : r) }
        }
        return SeriesCoefficient(Expr.apply(f, c.expression))
    }

    private static func factorial(_ k: Int) -> Rational {
        (1...max(1, k)).reduce(Rational.one) { $0 * Rational($1) }
    }

    private static func expTaylor(_ k: Int) -> Rational { Rational.one / factorial(k) }
    private static func sinTaylor(_ k: Int) -> Rational {
        k % 2 == 0 ? .zero : Rational((k / 2) % 2 == 0 ? 1 : -1) / factorial(k)
    }
    private static func cosTaylor(_ k: Int) -> Rational {
        k % 2 == 1 ? .zero : Rational((k / 2) % 2 == 0 ? 1 : -1) / factorial(k)
    }
    private static func logOnePlusTaylor(_ k: Int) -> Rational {
        k == 0 ? .zero : Rational(BigInt(k % 2 == 1 ? 1 : -1), BigInt(k))
    }

    private func expandFunction(_ f: Function, _ a: LaurentSeries) throws(SeriesFailure) -> LaurentSeries {
        if let v = a.leadingCoefficient.map({ _ in a.valuation }), v < 0 {
            throw .unsupported("\(f.rawValue) of an unbounded argument")
        }
        if a.hasNoKnownTerms, let order = a.order, order <= 0 { throw .precisionExhausted }
        let c0 = a.hasNoKnownTerms ? SeriesCoefficient.zero : a.constantTerm
        let u = a - LaurentSeries(constant: c0)
        let limit = terms
        switch f {
        case .exp:
            let e = LaurentSeries.compose(taylor: Self.expTaylor, with: u, limit: limit)
            return e.scaled(by: Self.value(.exp, at: c0))
        case .sin, .cos:
            let s = LaurentSeries.compose(taylor: Self.sinTaylor, with: u, limit: limit)
            let c = LaurentSeries.compose(taylor: Self.cosTaylor, with: u, limit: limit)
            let sc = Self.value(.sin, at: c0), cc = Self.value(.cos, at: c0)
            if f == .sin { return c.scaled(by: sc) + s.scaled(by: cc) }
            return c.scaled(by: cc) - s.scaled(by: sc)
        case .tan:
            return try divide(expandFunction(.sin, a), expandFunction(.cos, a))
        case .sec:
            return try expandFunction(.cos, a).reciprocal(terms: terms)
        case .csc:
            return try expandFunction(.sin, a).reciprocal(terms: terms)
        case .cot:
            return try divide(expandFunction(.cos, a), expandFunction(.sin, a))
        case .sinh, .cosh, .tanh:
            let plus = try expandFunction(.exp, a)
            let minus = try expandFunction(.exp, -a)
            let half = SeriesCoefficient(Rational(1, 2))
            switch f {
            case .sinh: return (plus - minus).scaled(by: half)
            case .cosh: return (plus + minus).scaled(by: half)
            default: return try divide(plus - minus, plus + minus)
            }
        case .sigmoid:
            return try (LaurentSeries.one + expandFunction(.exp, -a)).reciprocal(terms: terms)
        case .log:
            if c0.isZero {
                throw a.isExactlyZero ? .outsideDomain("log of 0") : .unsupported("log of a quantity that tends to 0")
            }
            if c0.sign == -1 { throw .outsideDomain("log of a negative quantity") }
            let l = LaurentSeries.compose(taylor: Self.logOnePlusTaylor, with: u.scaled(by: c0.reciprocal), limit: limit)
            return l + LaurentSeries(constant: Self.value(.log, at: c0))
        case .atan, .asin, .acos:
            // f(c0 + u) = f(c0) + ∫ f'(a) a' dw, term by term.
            let derivativeFactor: LaurentSeries
            switch f {
            case .atan:
                derivativeFactor = try (LaurentSeries.one + (a * a).capped(terms: terms)).reciprocal(terms: terms)
            default:
                let inner = LaurentSeries.one - (a * a).capped(terms: terms)
                let root = try fractionalPower(inner, Rational(-1, 2))
                derivativeFactor = f == .asin ? root : -root
            }
            let integrand = (derivativeFactor * a.derivative).capped(terms: terms)
            if integrand.leadingCoefficient != nil, integrand.valuation < 0 {
                throw .unsupported("\(f.rawValue) near a point where its derivative is unbounded")
            }
            return integrand.antiderivative + LaurentSeries(constant: Self.value(f, at: c0))
        case .abs:
            if a.isExactlyZero { return .zero }
            guard let lead = a.leadingCoefficient else { throw .precisionExhausted }
            guard let s = lead.sign else {
                throw .unsupported("abs of a quantity whose sign depends on a parameter")
            }
            return s < 0 ? -a : a
        }
    }

    private func divide(_ a: LaurentSeries, _ b: LaurentSeries) throws(SeriesFailure) -> LaurentSeries {
        (a * (try b.reciprocal(terms: terms))).capped(terms: terms)
    }

    // MARK: Conditions

    /// Whether a piecewise condition holds at every point near the point (the point itself
    /// excluded), on this side.
    func holdsNearPoint(_ condition: Condition) throws(SeriesFailure) -> Bool {
        switch condition {
        case .and(let a, let b):
            let first = try holdsNearPoint(a)
            let second = try holdsNearPoint(b)
            return first && second
        case .or(let a, let b):
            let first = try holdsNearPoint(a)
            let second = try holdsNearPoint(b)
            return first || second
        case .compare(let l, let op, let r):
            return try compare(try expand(l) - expand(r), op)
        case .pointCompare(let ls, let op, let rs):
            guard ls.count == rs.count else { throw .unsupported("comparing points of different sizes") }
            var allEqual = true
            for (l, r) in zip(ls, rs) {
                let d = try expand(l) - expand(r)
                if !d.isExactlyZero {
                    if d.hasNoKnownTerms { throw .precisionExhausted }
                    allEqual = false
                }
            }
            switch op {
            case .equal: return allEqual
            case .notEqual: return !allEqual
            case .less, .lessEqual, .greater, .greaterEqual:
                throw .unsupported("ordering points with '\(op.rawValue)'")
            }
        }
    }

    /// Decides `d op 0` near the point from the leading term of d.
    private func compare(_ d: LaurentSeries, _ op: Comparison) throws(SeriesFailure) -> Bool {
        let sign: Int
        if d.isExactlyZero {
            sign = 0
        } else {
            guard let lead = d.leadingCoefficient else { throw .precisionExhausted }
            switch op {
            case .equal: return false
            case .notEqual: return true
            case .less, .lessEqual, .greater, .greaterEqual: break
            }
            guard let s = lead.sign else { throw .unsupported("a comparison whose outcome depends on a parameter") }
            sign = s
        }
        switch op {
        case .equal: return sign == 0
        case .notEqual: return sign != 0
        case .less: return sign < 0
        case .lessEqual: return sign <= 0
        case .greater: return sign > 0
        case .greaterEqual: return sign >= 0
        }
    }
}
