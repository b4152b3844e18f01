import Foundation

/// Decimal approximations: `approx` at the end of a request shows these.
extension Expr {
    /// Significant digits of every printed approximation (fixed, so output is stable).
    public static let approximationDigits = 6

    /// The value in floating point with symbols bound by `bindings`; nil when a symbol
    /// is unbound or the value is undefined or not finite there (log of a non-positive
    /// number, division by zero). A straightforward tree walk, meant for single values;
    /// plots use a compiled evaluator.
    public func decimalValue(at bindings: [String: Double] = [:]) -> Double? {
        let v = rawDecimalValue(bindings)
        guard let x = v, x.isFinite else { return nil }
        return x
    }

    func rawDecimalValue(_ b: [String: Double]) -> Double? {
        switch self {
        case .number(let r): return r.doubleValue
        case .symbol(let s): return b[s]
        case .constant(.pi): return Double.pi
        case .constant(.e): return M_E
        case .add(let ts):
            var total = 0.0
            for t in ts { guard let v = t.rawDecimalValue(b) else { return nil }; total += v }
            return total
        case .mul(let fs):
            var total = 1.0
            for f in fs { guard let v = f.rawDecimalValue(b) else { return nil }; total *= v }
            return total
        case .pow(let base, let e):
            guard let x = base.rawDecimalValue(b), let y = e.rawDecimalValue(b) else { return nil }
            if x == 0 && y < 0 { return nil }
            if x < 0, case .number(let r) = e, !r.isInteger {
                // Real odd roots of negative numbers; even roots are undefined.
                guard r.denominator % 2 == 1 else { return nil }
                let m = Foundation.pow(-x, y)
                return r.numerator % 2 == 0 ? m : -m
            }
            let v = Foundation.pow(x, y)
            return v.isNaN ? nil : v
        case .function(let f, let a):
            guard let x = a.rawDecimalValue(b) else { return nil }
            return Expr.decimalFunction(f, x)
        case .piecewise(let pieces, let otherwise):
            for p in pieces {
                guard let holds = p.condition.decimalTruth(b) else { return nil }
                if holds { return p.value.rawDecimalValue(b) }
            }
            return otherwise.rawDecimalValue(b)
        }
    }

    static func decimalFunction(_ f: Function, _ x: Double) -> Double? {
        let v: Double
        switch f {
        case .sin: v = Foundation.sin(x)
        case .cos: v = Foundation.cos(x)
        case .tan: v = Foundation.tan(x)
        case .sec: v = 1 / Foundation.cos(x)
        case .csc: v = 1 / Foundation.sin(x)
        case .cot: v = Foundation.cos(x) / Foundation.sin(x)
        case .asin: guard abs(x) <= 1 else { return nil }; v = Foundation.asin(x)
        case .acos: guard abs(x) <= 1 else { return nil }; v = Foundation.acos(x)
        case .atan: v = Foundation.atan(x)
        case .sinh: v = Foundation.sinh(x)
        case .cosh: v = Foundation.cosh(x)
        case .tanh: v = Foundation.tanh(x)
        case .exp: v = Foundation.exp(x)
        case .log: guard x > 0 else { return nil }; v = Foundation.log(x)
        case .abs: v = Swift.abs(x)
        case .sigmoid: v = 1 / (1 + Foundation.exp(-x))
        }
        return v.isFinite ? v : nil
    }

    /// The decimal approximation as text with `approximationDigits` significant digits,
    /// or nil when the expression has free symbols or no finite value.
    public var approximation: String? {
        decimalValue().map { Expr.formatDecimal($0) }
    }

    /// Fixed formatting: `digits` significant digits, trailing zeros removed, plain
    /// notation between 1e-6 and 1e15 and scientific notation outside.
    public static func formatDecimal(_ x: Double, digits: Int = approximationDigits) -> String {
        if x == 0 || !x.isFinite { return x == 0 ? "0" : "undefined" }
        let exponent = Int(Foundation.floor(Foundation.log10(Swift.abs(x))))
        if exponent >= 15 || exponent < -6 {
            return String(format: "%.\(digits - 1)e", x)
        }
        let decimals = max(0, digits - 1 - exponent)
        var s = String(format: "%.\(decimals)f", x)
        if s.contains(".") {
            while s.hasSuffix("0") { s.removeLast() }
            if s.hasSuffix(".") { s.removeLast() }
        }
        return s == "-0" ? "0" : s
    }
}

extension Condition {
    /// Whether the condition holds in floating point; nil when a side is undefined.
    func decimalTruth(_ b: [String: Double]) -> Bool? {
        func compare(_ x: Double, _ op: Comparison, _ y: Double) -> Bool {
            switch op {
            case .equal: return x == y
            case .notEqual: return x != y
            case .less: return x < y
            case .lessEqual: return x <= y
            case .greater: return x > y
            case .greaterEqual: return x >= y
            }
        }
        switch self {
        case .compare(let l, let op, let r):
            guard let x = l.rawDecimalValue(b), let y = r.rawDecimalValue(b) else { return nil }
            return compare(x, op, y)
        case .pointCompare(let l, let op, let r):
            var allEqual = true
            for (u, v) in zip(l, r) {
                guard let x = u.rawDecimalValue(b), let y = v.rawDecimalValue(b) else { return nil }
                if x != y { allEqual = false }
            }
            return op == .notEqual ? !allEqual : allEqual
        case .and(let p, let q):
            guard let x = p.decimalTruth(b), let y = q.decimalTruth(b) else { return nil }
            return x && y
        case .or(let p, let q):
            guard let x = p.decimalTruth(b), let y = q.decimalTruth(b) else { return nil }
            return x || y
        }
    }
}
