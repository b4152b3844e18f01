import Foundation

/// Exact evaluation: substitutes exact values (rationals, radicals, π, e) for variables and
/// rebuilds through the smart constructors, which fold numbers, reduce radicals and take
/// the special values of the functions. Every operation whose argument became a constant
/// is checked against its domain first, so the result is an exact value or a typed
/// `EvaluationError`, never NaN.
///
/// Symbols without a value stay symbols (partial evaluation), and only the piece of a
/// piecewise expression whose condition holds is evaluated.
public enum ExactEvaluator {
    /// e with `values` substituted, exactly.
    public static func evaluate(_ e: Expr, at values: [String: Expr]) throws(EvaluationError) -> Expr {
        switch e {
        case .number, .constant:
            return e
        case .symbol(let s):
            return values[s] ?? e
        case .add(let terms):
            // Terms that came out as numbers are added here; only what is left goes
            // through the constructor (a sum of numbers is their sum in canonical form).
            var out: [Expr] = []
            var sum = Rational.zero
            for t in terms {
                let v = try evaluate(t, at: values)
                if case .number(let r) = v { sum += r } else { out.append(v) }
            }
            if out.isEmpty { return .number(sum) }
            if !sum.isZero { out.append(.number(sum)) }
            return .sum(out)
        case .mul(let factors):
            var out: [Expr] = []
            var product = Rational.one
            for f in factors {
                let v = try evaluate(f, at: values)
                if case .number(let r) = v { product *= r } else { out.append(v) }
            }
            if out.isEmpty || product.isZero { return .number(product) }
            if !product.isOne { out.append(.number(product)) }
            return .product(out)
        case .pow(let base, let exponent):
            let b = try evaluate(base, at: values)
            let x = try evaluate(exponent, at: values)
            try checkPower(b, x)
            return .power(b, x)
        case .function(let f, let argument):
            let u = try evaluate(argument, at: values)
            try checkDomain(f, u)
            return .apply(f, u)
        case .piecewise(let pieces, let otherwise):
            var undecided: [Piece] = []
            for piece in pieces {
                let condition = Substitution.apply(piece.condition, values)
                switch decide(condition) {
                case .some(true) where undecided.isEmpty:
                    return try evaluate(piece.value, at: values)
                case .some(false):
                    continue
                case .some(true), .none:
                    undecided.append(Piece(condition: condition, value: try evaluate(piece.value, at: values)))
                }
            }
            let rest = try evaluate(otherwise, at: values)
            return Expr.makePiecewise(undecided, otherwise: rest)
        }
    }

    /// e at a point given in the order of `variables`.
    public static func evaluate(_ e: Expr, variables: [String], point: [Expr]) throws(EvaluationError) -> Expr {
        try evaluate(e, at: Dictionary(zip(variables, point), uniquingKeysWith: { a, _ in a }))
    }

    /// A decimal approximation of a constant expression (nil when it has symbols or is undefined).
    public static func approximate(_ e: Expr) -> Double? {
        guard Substitution.isConstant(e) else { return nil }
        let v = DualEvaluator.value(e, at: [:])
        return v.isFinite ? v : nil
    }

    /// The sign (−1, 0, 1) of a constant expression, exact for numbers; nil when it has
    /// symbols. Values within 1e-12 (relative) of zero count as zero: exact arithmetic has
    /// already folded every special value, so what remains that small is a zero the
    /// constructors could not see (such as sin(π) left unevaluated).
    public static func sign(_ e: Expr) -> Int? {
        if case .number(let r) = e { return r.isZero ? 0 : (r.isNegative ? -1 : 1) }
        guard let v = approximate(e) else { return nil }
        if abs(v) < 1e-12 { return 0 }
        return v < 0 ? -1 : 1
    }

    /// Whether a condition with constant sides holds; nil when it still has symbols.
    public static func decide(_ c: Condition) -> Bool? {
        switch c {
        case .compare(let a, let op, let b):
            guard let s = sign(a - b) else { return nil }
            return compareSign(s, op)
        case .pointCompare(let a, let op, let b):
            guard a.count == b.count else { return op == .notEqual }
            var results: [Bool] = []
            for (x, y) in zip(a, b) {
                guard let s = sign(x - y) else { return nil }
                results.append(compareSign(s, op == .notEqual ? .equal : op))
            }
            return op == .notEqual ? !results.allSatisfy { $0 } : results.allSatisfy { $0 }
        case .and(let p, let q):
            let l = decide(p), r = decide(q)
            if l == false || r == false { return false }
            guard let l, let r else { return nil }
            return l && r
        case .or(let p, let q):
            let l = decide(p), r = decide(q)
            if l == true || r == true { return true }
            guard let l, let r else { return nil }
            return l || r
        }
    }

    static func compareSign(_ s: Int, _ op: Comparison) -> Bool {
        switch op {
        case .equal: return s == 0
        case .notEqual: return s != 0
        case .less: return s < 0
        case .lessEqual: return s <= 0
        case .greater: return s > 0
        case .greaterEqual: return s >= 0
        }
    }

    static func checkPower(_ b: Expr, _ x: Expr) throws(EvaluationError) {
        guard let sb = sign(b), let sx = sign(x) else { return }
        if sb == 0 && sx < 0 { throw .divisionByZero(b) }
        if sb < 0 {
            guard case .number(let r) = x else { throw .negativeBaseWithIrrationalExponent(b) }
            if !r.isInteger && r.denominator % 2 == 0 { throw .evenRootOfNegative(b) }
        }
    }

    static func checkDomain(_ f: Function, _ u: Expr) throws(EvaluationError) {
        // Functions defined everywhere need no approximation of their argument.
        switch f {
        case .sin, .cos, .atan, .sinh, .cosh, .tanh, .exp, .abs, .sigmoid: return
        case .log, .asin, .acos, .tan, .sec, .cot, .csc: break
        }
        guard Substitution.isConstant(u), let v = approximate(u) else { return }
        switch f {
        case .log:
            if let s = sign(u), s <= 0 { throw .logarithmOfNonPositive(u) }
        case .asin, .acos:
            if let s = sign(u - .one), s > 0 { throw .inverseTrigOutOfRange(f, u) }
            if let s = sign(u + .one), s < 0 { throw .inverseTrigOutOfRange(f, u) }
        case .tan, .sec:
            if abs(cos(v)) < 1e-12 { throw .trigPole(f, u) }
        case .cot, .csc:
            if abs(sin(v)) < 1e-12 { throw .trigPole(f, u) }
        case .sin, .cos, .atan, .sinh, .cosh, .tanh, .exp, .abs, .sigmoid:
            return
        }
    }
}
