/// Fast symbolic differentiation without recorded steps.
///
/// Every result is built through the smart constructors, so it is canonical; pass it
/// through the simplifier for textbook display. Piecewise expressions are differentiated
/// piece by piece, which is correct away from the boundaries between pieces (at a boundary
/// use the difference-quotient definition instead).
public enum Derivative {
    /// ∂e/∂v.
    public static func partial(_ e: Expr, wrt v: String) -> Expr {
        switch e {
        case .number, .constant:
            return .zero
        case .symbol(let s):
            return s == v ? .one : .zero
        case .add(let terms):
            return .sum(terms.map { partial($0, wrt: v) })
        case .mul(let factors):
            // Product rule, skipping factors that do not depend on v (their term is zero).
            var terms: [Expr] = []
            for (i, factor) in factors.enumerated() where Substitution.dependsOn(factor, v) {
                var rest = factors
                rest[i] = partial(factor, wrt: v)
                terms.append(.product(rest))
            }
            return .sum(terms)
        case .pow(let base, let exponent):
            let baseVaries = Substitution.dependsOn(base, v)
            let exponentVaries = Substitution.dependsOn(exponent, v)
            if !exponentVaries {
                if !baseVaries { return .zero }
                // Power rule with the chain rule: n b^(n-1) b'.
                return .product([exponent, .power(base, exponent - .one), partial(base, wrt: v)])
            }
            if !baseVaries {
                // a^u: a^u ln(a) u' (ln e = 1 is folded here so e^u stays e^u u').
                let logBase: Expr = base == .constant(.e) ? .one : .apply(.log, base)
                return .product([e, logBase, partial(exponent, wrt: v)])
            }
            // b^u with both varying: b^u (u' ln b + u b'/b).
            return .product([
                e,
                .sum([
                    .product([partial(exponent, wrt: v), .apply(.log, base)]),
                    .product([exponent, partial(base, wrt: v), .power(base, .num(-1))]),
                ]),
            ])
        case .function(let f, let u):
            guard Substitution.dependsOn(u, v) else { return .zero }
            return .product([DerivativeRule.for(f).outer(u), partial(u, wrt: v)])
        case .piecewise(let pieces, let otherwise):
            return .makePiecewise(
                pieces.map { Piece(condition: $0.condition, value: partial($0.value, wrt: v)) },
                otherwise: partial(otherwise, wrt: v))
        }
    }

    /// Successive partials: `partial(e, wrt: ["x", "y"])` is f_xy (first x, then y).
    public static func partial(_ e: Expr, wrt variables: [String]) -> Expr {
        variables.reduce(e) { partial($0, wrt: $1) }
    }
}
