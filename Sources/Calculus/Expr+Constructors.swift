// Smart constructors. PLACEHOLDER implementations (no canonicalization yet); the
// calculus-core work replaces the bodies while keeping these signatures.

extension Expr {
    public static func num(_ n: Int) -> Expr { .number(Rational(n)) }
    public static let zero = Expr.num(0)
    public static let one = Expr.num(1)

    public static func sum(_ terms: [Expr]) -> Expr {
        let t = terms.filter { $0 != .zero }
        if t.isEmpty { return .zero }
        return t.count == 1 ? t[0] : .add(t)
    }
    public static func product(_ factors: [Expr]) -> Expr {
        if factors.contains(.zero) { return .zero }
        let f = factors.filter { $0 != .one }
        if f.isEmpty { return .one }
        return f.count == 1 ? f[0] : .mul(f)
    }
    public static func power(_ base: Expr, _ exponent: Expr) -> Expr {
        if exponent == .one { return base }
        if exponent == .zero { return .one }
        return .pow(base, exponent)
    }
    public static func apply(_ f: Function, _ arg: Expr) -> Expr { .function(f, arg) }
    public static func sqrt(_ x: Expr) -> Expr { power(x, .number(Rational(1, 2))) }

    public static func + (a: Expr, b: Expr) -> Expr { sum([a, b]) }
    public static func - (a: Expr, b: Expr) -> Expr { sum([a, product([.num(-1), b])]) }
    public static prefix func - (a: Expr) -> Expr { product([.num(-1), a]) }
    public static func * (a: Expr, b: Expr) -> Expr { product([a, b]) }
    public static func / (a: Expr, b: Expr) -> Expr { product([a, power(b, .num(-1))]) }
}
