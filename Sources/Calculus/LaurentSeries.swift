/// A truncated Laurent series `sum c_k w^k + O(w^order)` in a small positive variable `w`,
/// with exact coefficients.
///
/// The limit code expands a function of `t` near `t = a` by writing `t = a ± w^D`; the
/// leading term of the expansion then decides the limit. A series is *exact* (`order` is
/// nil) when it is a finite Laurent polynomial with nothing omitted.
struct LaurentSeries: Sendable {
    /// The exponent of `coefficients[0]`.
    private(set) var valuation: Int
    private(set) var coefficients: [SeriesCoefficient]
    /// Terms from `w^order` on are unknown; nil when the series is exact.
    private(set) var order: Int?

    init(valuation: Int, coefficients: [SeriesCoefficient], order: Int?) {
        self.valuation = valuation
        self.coefficients = coefficients
        self.order = order
        normalize()
    }

    init(constant c: SeriesCoefficient) { self.init(valuation: 0, coefficients: [c], order: nil) }

    static let zero = LaurentSeries(constant: .zero)
    static let one = LaurentSeries(constant: .one)

    /// `c w^k`, exactly.
    static func monomial(_ c: SeriesCoefficient, _ k: Int) -> LaurentSeries {
        LaurentSeries(valuation: k, coefficients: [c], order: nil)
    }

    /// Drops leading zero coefficients and everything at or beyond `order`.
    private mutating func normalize() {
        if let order {
            let keep = max(0, order - valuation)
            if coefficients.count > keep { coefficients.removeLast(coefficients.count - keep) }
        }
        var drop = 0
        while drop < coefficients.count, coefficients[drop].isZero { drop += 1 }
        if drop > 0 { coefficients.removeFirst(drop); valuation += drop }
        while let last = coefficients.last, last.isZero { coefficients.removeLast() }
        if coefficients.isEmpty, let order { valuation = order }
        if coefficients.isEmpty, order == nil { valuation = 0 }
    }

    /// The size of the largest coefficient (see `SeriesCoefficient.size`).
    var largestCoefficientSize: Int { coefficients.reduce(0) { max($0, $1.size) } }

    /// True when every known coefficient vanishes (exactly zero, or zero to the known order).
    var hasNoKnownTerms: Bool { coefficients.isEmpty }
    var isExactlyZero: Bool { coefficients.isEmpty && order == nil }
    var leadingCoefficient: SeriesCoefficient? { coefficients.first }

    /// The coefficient of `w^k` (zero when below the valuation); k must be below `order`.
    func coefficient(_ k: Int) -> SeriesCoefficient {
        let i = k - valuation
        return i >= 0 && i < coefficients.count ? coefficients[i] : .zero
    }

    /// The value at w = 0 when the series has no negative powers.
    var constantTerm: SeriesCoefficient { coefficient(0) }

    private static func minOrder(_ a: Int?, _ b: Int?) -> Int? {
        switch (a, b) {
        case (nil, nil): return nil
        case (let x?, nil): return x
        case (nil, let y?): return y
        case (let x?, let y?): return min(x, y)
        }
    }

    /// The same series with everything from `w^limit` on dropped (exact series stay exact
    /// only when nothing is dropped).
    func truncated(to limit: Int) -> LaurentSeries {
        if let order, order <= limit { return self }
        if order == nil, valuation + coefficients.count <= limit { return self }
        return LaurentSeries(valuation: valuation, coefficients: coefficients, order: limit)
    }

    static func + (a: LaurentSeries, b: LaurentSeries) -> LaurentSeries {
        if a.isExactlyZero { return b }
        if b.isExactlyZero { return a }
        var order = minOrder(a.order, b.order)
        let low = min(a.valuation, b.valuation)
        var high = max(a.valuation + a.coefficients.count, b.valuation + b.coefficients.count)
        // Far-apart exponents (1 + t^100000) would need a huge dense array: keep the first
        // terms only, which is all a limit looks at.
        if high - low > maximumSpan { order = min(order ?? Int.max, low + maximumSpan) }
        if let order { high = min(high, order) }
        var c: [SeriesCoefficient] = []
        if high > low {
            c.reserveCapacity(high - low)
            for k in low..<high { c.append(a.coefficient(k) + b.coefficient(k)) }
        }
        return LaurentSeries(valuation: low, coefficients: c, order: order)
    }

    static prefix func - (a: LaurentSeries) -> LaurentSeries {
        LaurentSeries(valuation: a.valuation, coefficients: a.coefficients.map { -$0 }, order: a.order)
    }

    static func - (a: LaurentSeries, b: LaurentSeries) -> LaurentSeries { a + (-b) }

    static func * (a: LaurentSeries, b: LaurentSeries) -> LaurentSeries {
        if a.isExactlyZero || b.isExactlyZero { return .zero }
        // The product is known up to the first unknown term of either factor times the
        // other's leading term.
        var order = minOrder(a.order.map { $0 + b.valuation }, b.order.map { $0 + a.valuation })
        if a.coefficients.isEmpty || b.coefficients.isEmpty {
            return LaurentSeries(valuation: order ?? 0, coefficients: [], order: order)
        }
        let v = a.valuation + b.valuation
        let full = a.coefficients.count + b.coefficients.count - 1
        var count = min(full, maximumSpan)
        if order == nil, count < full { order = v + count }
        if let order { count = min(count, max(0, order - v)) }
        var c = [SeriesCoefficient](repeating: .zero, count: count)
        for (i, x) in a.coefficients.enumerated() where i < count {
            for (j, y) in b.coefficients.enumerated() where i + j < count {
                c[i + j] = c[i + j] + x * y
            }
        }
        return LaurentSeries(valuation: v, coefficients: c, order: order)
    }

    func scaled(by s: SeriesCoefficient) -> LaurentSeries {
        if s.isZero { return .zero }
        return LaurentSeries(valuation: valuation, coefficients: coefficients.map { $0 * s }, order: order)
    }

    /// `1/self` to `terms` terms of relative precision. Throws when no term is known (the
    /// caller then retries with more precision) or when the series is exactly zero.
    func reciprocal(terms: Int) throws(SeriesFailure) -> LaurentSeries {
        guard let a0 = coefficients.first else {
            throw order == nil ? .divisionByZero : .precisionExhausted
        }
        if coefficients.count == 1, order == nil {
            return .monomial(a0.reciprocal, -valuation)
        }
        // Relative precision of the result equals that of the input.
        let relative = order.map { $0 - valuation } ?? terms
        let n = min(relative, terms)
        let inverseLead = a0.reciprocal
        var b: [SeriesCoefficient] = [inverseLead]
        if n > 1 {
            for k in 1..<n {
                var s = SeriesCoefficient.zero
                for j in 1...k where j < coefficients.count { s = s + coefficients[j] * b[k - j] }
                b.append(-(s * inverseLead))
            }
        }
        return LaurentSeries(valuation: -valuation, coefficients: b, order: -valuation + n)
    }

    /// `self^n` for an integer n.
    func raised(to n: Int, terms: Int) throws(SeriesFailure) -> LaurentSeries {
        if n == 0 { return .one }
        if n < 0 { return try reciprocal(terms: terms).raised(to: -n, terms: terms) }
        var result = LaurentSeries.one
        var base = self
        var e = n
        while e > 0 {
            if e & 1 == 1 { result = (result * base).capped(terms: terms) }
            base = (base * base).capped(terms: terms)
            e >>= 1
        }
        return result
    }

    /// The most coefficients a series ever stores densely.
    static let maximumSpan = 4096

    /// Limits a series to `terms` coefficients after its valuation, so that work stays
    /// bounded (a long exact polynomial becomes a truncated series).
    func capped(terms: Int) -> LaurentSeries {
        guard coefficients.count > terms else { return self }
        return LaurentSeries(valuation: valuation, coefficients: coefficients, order: valuation + terms)
    }

    /// The derivative with respect to w.
    var derivative: LaurentSeries {
        var c: [SeriesCoefficient] = []
        for (i, x) in coefficients.enumerated() { c.append(x.scaled(by: Rational(valuation + i))) }
        return LaurentSeries(valuation: valuation - 1, coefficients: c, order: order.map { $0 - 1 })
    }

    /// The antiderivative with zero constant term; needs no `w^-1` term.
    var antiderivative: LaurentSeries {
        var c: [SeriesCoefficient] = []
        for (i, x) in coefficients.enumerated() {
            let k = valuation + i
            precondition(k != -1 || x.isZero, "antiderivative of w^-1")
            c.append(k == -1 ? .zero : x.scaled(by: Rational.one / Rational(k + 1)))
        }
        return LaurentSeries(valuation: valuation + 1, coefficients: c, order: order.map { $0 + 1 })
    }

    /// `sum a_k u^k` for a series `u` of positive valuation, to absolute order `limit`.
    static func compose(taylor a: (Int) -> Rational, with u: LaurentSeries, limit: Int) -> LaurentSeries {
        var result = LaurentSeries(constant: SeriesCoefficient(a(0)))
        if u.isExactlyZero { return result }
        let uOrder = u.order ?? limit
        let absolute = min(limit, uOrder)
        if u.coefficients.isEmpty {
            return LaurentSeries(valuation: 0, coefficients: result.coefficients, order: absolute)
        }
        let v = u.valuation
        precondition(v > 0, "Taylor composition needs an argument that tends to 0")
        var power = LaurentSeries.one
        var k = 1
        while k * v < absolute {
            power = (power * u).truncated(to: absolute)
            let ak = a(k)
            if !ak.isZero { result = result + power.scaled(by: SeriesCoefficient(ak)) }
            k += 1
        }
        // The Taylor series was cut off, so the result is known only up to `absolute`,
        // even when every term kept is exact.
        return result.known(below: absolute)
    }

    /// The same series, marked as known only below `limit`.
    func known(below limit: Int) -> LaurentSeries {
        LaurentSeries(valuation: valuation, coefficients: coefficients, order: min(order ?? limit, limit))
    }
}

/// Why a series could not be computed.
enum SeriesFailure: Error, Equatable {
    /// More terms are needed; retry with a higher working precision.
    case precisionExhausted
    /// Division by an expression that is identically zero along the path.
    case divisionByZero
    /// Outside the domain near the point (log of a negative quantity, even root of a
    /// negative quantity).
    case outsideDomain(String)
    /// The expansion is not a Laurent series (a log or exp of something unbounded,
    /// oscillation); the message says what.
    case unsupported(String)
}
