/// Exact values of the built-in functions at special arguments, and the identities that
/// hold for every real argument (odd/even symmetry, exp(log x) = x on its domain).
extension Expr {
    /// The exact value of `f(arg)` when one is known, else nil (the call stays as written).
    static func exactFunctionValue(_ f: Function, _ arg: Expr) -> Expr? {
        switch f {
        case .sin, .cos, .tan, .sec, .csc, .cot:
            if let k = arg.piMultiple { return trigValue(f, k) }
            if arg.hasNegativeSign {
                let positive = -arg
                let odd = f == .sin || f == .tan || f == .csc || f == .cot
                return odd ? -apply(f, positive) : apply(f, positive)
            }
            return nil
        case .asin, .acos, .atan:
            return inverseTrigValue(f, arg)
        case .sinh, .tanh:
            if arg == .zero { return .zero }
            if arg.hasNegativeSign { return -apply(f, -arg) }
            return nil
        case .cosh:
            if arg == .zero { return .one }
            if arg.hasNegativeSign { return apply(f, -arg) }
            return nil
        case .exp:
            if arg == .zero { return .one }
            if arg == .one { return .constant(.e) }
            if case .function(.log, let a) = arg { return a }
            // exp(r·log a) = a^r (for a > 0, where log a is defined).
            if case .mul(let fs) = arg, fs.count == 2, case .number = fs[0], case .function(.log, let a) = fs[1] {
                return power(a, fs[0])
            }
            return nil
        case .log:
            if arg == .one { return .zero }
            if arg == .constant(.e) { return .one }
            if case .function(.exp, let a) = arg { return a }
            return nil
        case .abs:
            switch arg {
            case .number(let r): return .number(r.magnitude)
            case .constant: return arg
            case .function(.abs, _), .function(.exp, _), .function(.cosh, _): return arg
            case .pow(let b, .number(let r)):
                if r.isInteger, r.numerator % 2 == 0 { return arg }
                if case .number(let n) = b, n.isPositive { return arg }
                return nil
            case .mul(let fs):
                if case .number(let c) = fs[0] {
                    let rest: Expr = fs.count == 2 ? fs[1] : .mul(Array(fs.dropFirst()))
                    return product([.number(c.magnitude), apply(.abs, rest)])
                }
                return nil
            case .symbol, .add, .pow, .function, .piecewise: return nil
            }
        case .sigmoid:
            if arg == .zero { return .rational(1, 2) }
            return nil
        }
    }

    /// `k` when the expression is `k·pi` for a rational k (0 counts as 0·pi).
    var piMultiple: Rational? {
        switch self {
        case .number(let r): return r.isZero ? .zero : nil
        case .constant(.pi): return .one
        case .mul(let fs):
            if fs.count == 2, case .number(let r) = fs[0], fs[1] == .constant(.pi) { return r }
            return nil
        case .symbol, .constant, .add, .pow, .function, .piecewise: return nil
        }
    }

    /// True for a negative number or a product with a negative coefficient: the forms
    /// whose sign the odd/even identities move outside.
    public var hasNegativeSign: Bool {
        switch self {
        case .number(let r): return r.isNegative
        case .mul(let fs):
            if case .number(let r) = fs[0] { return r.isNegative }
            return false
        case .symbol, .constant, .add, .pow, .function, .piecewise: return false
        }
    }

    /// sin(k·pi) for k with denominator 1, 2, 3, 4 or 6; nil otherwise.
    static func sinOfPiMultiple(_ k: Rational) -> Expr? {
        guard let d = Int(exactly: k.denominator), [1, 2, 3, 4, 6].contains(d) else { return nil }
        // Reduce to [0, 2).
        var t = k - Rational(k.floor / 2 * 2)
        if t.isNegative { t = t + Rational(2) }
        var sign = 1
        if !(t < .one) { t = t - .one; sign = -1 }          // sin(pi + a) = -sin(a)
        if Rational(1, 2) < t { t = .one - t }               // sin(pi - a) = sin(a)
        let magnitude: Expr
        switch t {
        case .zero: magnitude = .zero
        case Rational(1, 6): magnitude = .rational(1, 2)
        case Rational(1, 4): magnitude = product([.rational(1, 2), sqrt(.num(2))])
        case Rational(1, 3): magnitude = product([.rational(1, 2), sqrt(.num(3))])
        case Rational(1, 2): magnitude = .one
        default: return nil
        }
        return sign < 0 ? -magnitude : magnitude
    }

    static func trigValue(_ f: Function, _ k: Rational) -> Expr? {
        guard let s = sinOfPiMultiple(k), let c = sinOfPiMultiple(k + Rational(1, 2)) else { return nil }
        switch f {
        case .sin: return s
        case .cos: return c
        case .tan: return c == .zero ? nil : s / c
        case .cot: return s == .zero ? nil : c / s
        case .sec: return c == .zero ? nil : power(c, .minusOne)
        case .csc: return s == .zero ? nil : power(s, .minusOne)
        case .asin, .acos, .atan, .sinh, .cosh, .tanh, .exp, .log, .abs, .sigmoid: return nil
        }
    }

    static func inverseTrigValue(_ f: Function, _ arg: Expr) -> Expr? {
        if arg.hasNegativeSign {
            let positive = -arg
            switch f {
            case .asin, .atan: return -apply(f, positive)
            case .acos:
                // acos(-a) = pi - acos(a)
                let inner = apply(.acos, positive)
                if case .function(.acos, _) = inner { return nil }
                return .constant(.pi) - inner
            case .sin, .cos, .tan, .sec, .csc, .cot, .sinh, .cosh, .tanh, .exp, .log, .abs, .sigmoid: return nil
            }
        }
        let half = Expr.rational(1, 2)
        let sqrt2Half = product([half, sqrt(.num(2))])
        let sqrt3Half = product([half, sqrt(.num(3))])
        let pi = Expr.constant(.pi)
        func piTimes(_ n: Int, _ d: Int) -> Expr { product([.rational(n, d), pi]) }
        switch f {
        case .asin:
            if arg == .zero { return .zero }
            if arg == half { return piTimes(1, 6) }
            if arg == sqrt2Half { return piTimes(1, 4) }
            if arg == sqrt3Half { return piTimes(1, 3) }
            if arg == .one { return piTimes(1, 2) }
            return nil
        case .acos:
            if arg == .zero { return piTimes(1, 2) }
            if arg == half { return piTimes(1, 3) }
            if arg == sqrt2Half { return piTimes(1, 4) }
            if arg == sqrt3Half { return piTimes(1, 6) }
            if arg == .one { return .zero }
            return nil
        case .atan:
            if arg == .zero { return .zero }
            if arg == .one { return piTimes(1, 4) }
            if arg == sqrt(.num(3)) { return piTimes(1, 3) }
            if arg == product([.rational(1, 3), sqrt(.num(3))]) { return piTimes(1, 6) }
            return nil
        case .sin, .cos, .tan, .sec, .csc, .cot, .sinh, .cosh, .tanh, .exp, .log, .abs, .sigmoid: return nil
        }
    }
}
