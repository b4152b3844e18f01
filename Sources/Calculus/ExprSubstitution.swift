/// Replacing symbols by expressions, as the limit code needs it: a path `(x(t), y(t))`
/// into f, or a point shifted by `h` into a difference quotient.
///
/// Rebuilds through the smart constructors so the result is canonical; piecewise
/// conditions are substituted too.
enum ExprSubstitution {
    static func substitute(_ e: Expr, _ map: [String: Expr]) -> Expr {
        switch e {
        case .number, .constant:
            return e
        case .symbol(let name):
            return map[name] ?? e
        case .add(let terms):
            return Expr.sum(terms.map { substitute($0, map) })
        case .mul(let factors):
            return Expr.product(factors.map { substitute($0, map) })
        case .pow(let base, let exponent):
            return Expr.power(substitute(base, map), substitute(exponent, map))
        case .function(let f, let argument):
            return Expr.apply(f, substitute(argument, map))
        case .piecewise(let pieces, let otherwise):
            return .piecewise(pieces.map { Piece(condition: substitute($0.condition, map), value: substitute($0.value, map)) },
                              otherwise: substitute(otherwise, map))
        }
    }

    static func substitute(_ c: Condition, _ map: [String: Expr]) -> Condition {
        switch c {
        case .compare(let l, let op, let r):
            return .compare(substitute(l, map), op, substitute(r, map))
        case .pointCompare(let ls, let op, let rs):
            return .pointCompare(ls.map { substitute($0, map) }, op, rs.map { substitute($0, map) })
        case .and(let a, let b):
            return .and(substitute(a, map), substitute(b, map))
        case .or(let a, let b):
            return .or(substitute(a, map), substitute(b, map))
        }
    }

    /// The free symbols of an expression, sorted.
    static func symbols(of e: Expr) -> [String] {
        var names = Set<String>()
        collect(e, into: &names)
        return names.sorted()
    }

    private static func collect(_ e: Expr, into names: inout Set<String>) {
        switch e {
        case .number, .constant: break
        case .symbol(let s): names.insert(s)
        case .add(let xs), .mul(let xs): for x in xs { collect(x, into: &names) }
        case .pow(let a, let b): collect(a, into: &names); collect(b, into: &names)
        case .function(_, let a): collect(a, into: &names)
        case .piecewise(let pieces, let otherwise):
            for p in pieces { collect(p.condition, into: &names); collect(p.value, into: &names) }
            collect(otherwise, into: &names)
        }
    }

    private static func collect(_ c: Condition, into names: inout Set<String>) {
        switch c {
        case .compare(let l, _, let r): collect(l, into: &names); collect(r, into: &names)
        case .pointCompare(let ls, _, let rs): for x in ls + rs { collect(x, into: &names) }
        case .and(let a, let b), .or(let a, let b): collect(a, into: &names); collect(b, into: &names)
        }
    }

    /// The least common multiple of the denominators of fractional numeric exponents.
    static func rootDegree(of e: Expr) -> Int {
        var result = 1
        func visit(_ e: Expr) {
            switch e {
            case .number, .constant, .symbol: break
            case .add(let xs), .mul(let xs): xs.forEach(visit)
            case .pow(let a, let b):
                if case .number(let r) = b, !r.isInteger, let d = Int(exactly: r.denominator), d <= 12 {
                    result = lcm(result, d)
                }
                visit(a); visit(b)
            case .function(_, let a): visit(a)
            case .piecewise(let pieces, let otherwise):
                for p in pieces { visit(p.value) }
                visit(otherwise)
            }
        }
        visit(e)
        return min(result, 60)
    }

    private static func lcm(_ a: Int, _ b: Int) -> Int {
        var x = a, y = b
        while y != 0 { (x, y) = (y, x % y) }
        return a / x * b
    }
}
