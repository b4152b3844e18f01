/// What the limit code needs to know about an expression before expanding it.
enum SeriesRootDegree {
    /// The least common multiple of the denominators of fractional numeric exponents.
    static func of(_ e: Expr) -> Int {
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
