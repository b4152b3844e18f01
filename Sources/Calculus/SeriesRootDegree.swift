/// What the limit code needs to know about an expression before expanding it.
enum SeriesRootDegree {
    /// The least common multiple of the denominators of fractional numeric exponents.
    static func of(_ e: Expr, bindings: [String: Expr] = [:]) -> Int {
        var result = 1
        for bound in bindings.values { result = lcm(result, of(bound)) }
        func visit(_ e: Expr) {
            switch e {
            case .number, .constant, .symbol: break
            case .add(let xs), .mul(let xs): xs.forEach(visit)
            case .pow(let a, let b):
                if let r = rationalValue(of: b), !r.isInteger, let d = Int(exactly: r.denominator), d <= 12 {
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

    /// The value of an exponent that is a rational number, however it is written
    /// (`1/3` may arrive as a product before constants are folded).
    static func rationalValue(of e: Expr) -> Rational? {
        if case .number(let r) = e { return r }
        guard e.symbols.isEmpty else { return nil }
        return SeriesCoefficient(e).rationalValue
    }

    private static func lcm(_ a: Int, _ b: Int) -> Int {
        var x = a, y = b
        while y != 0 { (x, y) = (y, x % y) }
        return a / x * b
    }
}
