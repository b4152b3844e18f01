import Foundation

/// Evaluates an expression over dual numbers: f and ∂f/∂v at a point in one pass.
///
/// Tree walking is fine here: this is the independent check, not the plotting path.
public enum DualEvaluator {
    /// f and ∂f/∂`seed` at `point`. Missing symbols evaluate to NaN, so the result is then
    /// not finite.
    public static func evaluate(_ e: Expr, at point: [String: Double], seed: String) -> Dual {
        switch e {
        case .number(let r): return Dual(r.doubleValue)
        case .constant(let c): return Dual(c == .pi ? Double.pi : M_E)
        case .symbol(let s):
            guard let v = point[s] else { return Dual(.nan, .nan) }
            return Dual(v, s == seed ? 1 : 0)
        case .add(let terms):
            return terms.reduce(Dual(0)) { $0 + evaluate($1, at: point, seed: seed) }
        case .mul(let factors):
            return factors.reduce(Dual(1)) { $0 * evaluate($1, at: point, seed: seed) }
        case .pow(let b, let x):
            return Dual.pow(evaluate(b, at: point, seed: seed), evaluate(x, at: point, seed: seed))
        case .function(let f, let u):
            return Dual.apply(f, evaluate(u, at: point, seed: seed))
        case .piecewise(let pieces, let otherwise):
            for piece in pieces where holds(piece.condition, at: point) {
                return evaluate(piece.value, at: point, seed: seed)
            }
            return evaluate(otherwise, at: point, seed: seed)
        }
    }

    /// The value of f alone.
    public static func value(_ e: Expr, at point: [String: Double]) -> Double {
        evaluate(e, at: point, seed: "").value
    }

    /// Whether a piecewise condition holds at a point (comparisons on values).
    public static func holds(_ c: Condition, at point: [String: Double]) -> Bool {
        switch c {
        case .compare(let a, let op, let b):
            return compare(value(a, at: point), op, value(b, at: point))
        case .pointCompare(let a, let op, let b):
            let pairs = zip(a, b).map { (value($0, at: point), value($1, at: point)) }
            switch op {
            case .equal: return a.count == b.count && pairs.allSatisfy { $0 == $1 }
            case .notEqual: return a.count != b.count || pairs.contains { $0 != $1 }
            case .less, .lessEqual, .greater, .greaterEqual:
                return pairs.allSatisfy { compare($0, op, $1) }
            }
        case .and(let p, let q): return holds(p, at: point) && holds(q, at: point)
        case .or(let p, let q): return holds(p, at: point) || holds(q, at: point)
        }
    }

    static func compare(_ a: Double, _ op: Comparison, _ b: Double) -> Bool {
        switch op {
        case .equal: return a == b
        case .notEqual: return a != b
        case .less: return a < b
        case .lessEqual: return a <= b
        case .greater: return a > b
        case .greaterEqual: return a >= b
        }
    }
}
