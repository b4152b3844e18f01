/// The questions differentiation and evaluation ask about symbols, in one place: they
/// forward to the shared `Expr` substitution helpers.
public enum Substitution {
    /// Whether `e` mentions the symbol `name` anywhere (also inside piecewise conditions).
    public static func dependsOn(_ e: Expr, _ name: String) -> Bool { e.contains(symbol: name) }

    /// The symbols `e` uses, sorted (so callers iterate deterministically).
    public static func symbols(in e: Expr) -> [String] { e.symbols.sorted() }

    /// Whether `e` contains no symbols at all (a constant such as `3 sqrt(2)/pi`).
    public static func isConstant(_ e: Expr) -> Bool { !e.hasSymbols }

    /// Replaces every symbol named in `values`, rebuilding through the smart constructors.
    public static func apply(_ e: Expr, _ values: [String: Expr]) -> Expr { e.substituting(values) }

    /// Replaces symbols inside a condition.
    public static func apply(_ c: Condition, _ values: [String: Expr]) -> Condition { c.substituting(values) }
}
