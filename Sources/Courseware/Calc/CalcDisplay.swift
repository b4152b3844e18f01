import Calculus

/// Display touches for shown work that the general simplifier leaves alone.
enum CalcDisplay {
    /// Replaces every piecewise expression whose branches are all the same expression by
    /// that expression (`0 if (h, 0) != (0, 0) else 0` is `0`), rebuilding the sums and
    /// products around it (so `0/h` becomes `0`), then simplifies for display.
    /// The value is unchanged: whichever branch holds gives the same result.
    static func collapsingEqualBranches(_ e: Expr) -> Expr {
        let collapsed = collapse(e)
        return collapsed == e ? e : Simplify.display(collapsed)
    }

    private static func collapse(_ e: Expr) -> Expr {
        switch e {
        case .number, .symbol, .constant: return e
        case .add(let terms): return Expr.sum(terms.map(collapse))
        case .mul(let factors): return Expr.product(factors.map(collapse))
        case .pow(let base, let exponent): return Expr.power(collapse(base), collapse(exponent))
        case .function(let f, let argument): return Expr.apply(f, collapse(argument))
        case .piecewise(let pieces, let otherwise):
            let other = collapse(otherwise)
            let values = pieces.map { collapse($0.value) }
            if values.allSatisfy({ $0 == other }) { return other }
            return .piecewise(zip(pieces, values).map { Piece(condition: $0.condition, value: $1) }, otherwise: other)
        }
    }
}
