/// Structural helpers used by differentiation and evaluation: which symbols an expression
/// uses, and replacing symbols by expressions (rebuilt through the smart constructors so
/// the result stays canonical).
public enum Substitution {
    /// Whether `e` mentions the symbol `name` anywhere (also inside piecewise conditions).
    public static func dependsOn(_ e: Expr, _ name: String) -> Bool {
        switch e {
        case .number, .constant: return false
        case .symbol(let s): return s == name
        case .add(let terms): return terms.contains { dependsOn($0, name) }
        case .mul(let factors): return factors.contains { dependsOn($0, name) }
        case .pow(let b, let x): return dependsOn(b, name) || dependsOn(x, name)
        case .function(_, let u): return dependsOn(u, name)
        case .piecewise(let pieces, let otherwise):
            return dependsOn(otherwise, name)
                || pieces.contains { dependsOn($0.value, name) || dependsOn($0.condition, name) }
        }
    }

    /// Whether a condition mentions the symbol `name`.
    public static func dependsOn(_ c: Condition, _ name: String) -> Bool {
        switch c {
        case .compare(let a, _, let b): return dependsOn(a, name) || dependsOn(b, name)
        case .pointCompare(let a, _, let b): return (a + b).contains { dependsOn($0, name) }
        case .and(let p, let q), .or(let p, let q): return dependsOn(p, name) || dependsOn(q, name)
        }
    }

    /// The symbols `e` uses, sorted (so callers iterate deterministically).
    public static func symbols(in e: Expr) -> [String] {
        var found = Set<String>()
        collect(e, into: &found)
        return found.sorted()
    }

    /// Whether `e` contains no symbols at all (a constant such as `3 sqrt(2)/pi`).
    public static func isConstant(_ e: Expr) -> Bool { symbols(in: e).isEmpty }

    private static func collect(_ e: Expr, into found: inout Set<String>) {
        switch e {
        case .number, .constant: return
        case .symbol(let s): found.insert(s)
        case .add(let xs), .mul(let xs): for x in xs { collect(x, into: &found) }
        case .pow(let b, let x): collect(b, into: &found); collect(x, into: &found)
        case .function(_, let u): collect(u, into: &found)
        case .piecewise(let pieces, let otherwise):
            collect(otherwise, into: &found)
            for p in pieces { collect(p.value, into: &found); collect(p.condition, into: &found) }
        }
    }

    private static func collect(_ c: Condition, into found: inout Set<String>) {
        switch c {
        case .compare(let a, _, let b): collect(a, into: &found); collect(b, into: &found)
        case .pointCompare(let a, _, let b): for x in a + b { collect(x, into: &found) }
        case .and(let p, let q), .or(let p, let q): collect(p, into: &found); collect(q, into: &found)
        }
    }

    /// Replaces every symbol named in `values` and rebuilds through the smart constructors.
    public static func apply(_ e: Expr, _ values: [String: Expr]) -> Expr {
        switch e {
        case .number, .constant: return e
        case .symbol(let s): return values[s] ?? e
        case .add(let terms): return Expr.sum(terms.map { apply($0, values) })
        case .mul(let factors): return Expr.product(factors.map { apply($0, values) })
        case .pow(let b, let x): return Expr.power(apply(b, values), apply(x, values))
        case .function(let f, let u): return Expr.apply(f, apply(u, values))
        case .piecewise(let pieces, let otherwise):
            return .piecewise(
                pieces.map { Piece(condition: apply($0.condition, values), value: apply($0.value, values)) },
                otherwise: apply(otherwise, values))
        }
    }

    /// Replaces symbols inside a condition.
    public static func apply(_ c: Condition, _ values: [String: Expr]) -> Condition {
        switch c {
        case .compare(let a, let op, let b): return .compare(apply(a, values), op, apply(b, values))
        case .pointCompare(let a, let op, let b):
            return .pointCompare(a.map { apply($0, values) }, op, b.map { apply($0, values) })
        case .and(let p, let q): return .and(apply(p, values), apply(q, values))
        case .or(let p, let q): return .or(apply(p, values), apply(q, values))
        }
    }
}
