/// Fast symbolic differentiation without recorded steps.
///
/// Every result is built through the smart constructors, so it is canonical; pass it
/// through the simplifier for textbook display. Piecewise expressions are differentiated
/// piece by piece, which is correct away from the boundaries between pieces (at a boundary
/// use the difference-quotient definition instead).
public enum Derivative {
    /// ∂e/∂v.
    public static func partial(_ e: Expr, wrt v: String) -> Expr {
        derivative(e, v) ?? .zero
    }

    /// ∂e/∂v, or nil when e does not depend on v. Dependence is found in the same walk
    /// that differentiates (asking `dependsOn` before differentiating each factor would
    /// walk every subtree once more per level).
    static func derivative(_ e: Expr, _ v: String) -> Expr? {
        switch e {
        case .number, .constant:
            return nil
        case .symbol(let s):
            return s == v ? .one : nil
        case .add(let terms):
            var derivatives: [Expr] = []
            derivatives.reserveCapacity(terms.count)
            for t in terms {
                if let d = derivative(t, v) { derivatives.append(d) }
            }
            // A canonical term is its own canonical sum.
            switch derivatives.count {
            case 0: return nil
            case 1: return derivatives[0]
            default: return .sum(derivatives)
            }
        case .mul(let factors):
            // Product rule, skipping factors that do not depend on v (their term is zero).
            // Each term is (the other factors) times the factor's derivative: the other
            // factors of a canonical product are a canonical product themselves, so the
            // term is a product of two canonical operands (the merging fast path) rather
            // than a general product of all factors. The same expression either way.
            var terms: [Expr] = []
            terms.reserveCapacity(factors.count)
            for (i, factor) in factors.enumerated() {
                guard let d = derivative(factor, v) else { continue }
                terms.append(productRule(factors, i, d))
            }
            switch terms.count {
            case 0: return nil
            case 1: return terms[0]
            default: return .sum(terms)
            }
        case .pow(let base, let exponent):
            let baseDerivative = derivative(base, v)
            guard let exponentDerivative = derivative(exponent, v) else {
                guard let baseDerivative else { return nil }
                // Power rule with the chain rule: n b^(n-1) b'. For a numeric n (nearly
                // always) as two products of two operands, the constructors' merging fast
                // path, with n - 1 computed as a number: the same canonical product.
                // (Not when b^(n-1) is a sum: a number times a lone sum is distributed,
                // which the product of all three factors does not do.)
                if case .number(let n) = exponent {
                    let lowered = Expr.power(base, .number(n - .one))
                    switch lowered {
                    case .add, .number: break
                    case .symbol, .constant, .mul, .pow, .function, .piecewise:
                        let outer = Expr.product([.number(n), lowered])
                        if case .number(let k) = baseDerivative, k.isOne { return outer }
                        return .product([outer, baseDerivative])
                    }
                }
                return .product([exponent, .power(base, exponent - .one), baseDerivative])
            }
            guard let baseDerivative else {
                // a^u: a^u ln(a) u' (ln e = 1 is folded here so e^u stays e^u u').
                let logBase: Expr = base == .constant(.e) ? .one : .apply(.log, base)
                return .product([e, logBase, exponentDerivative])
            }
            // b^u with both varying: b^u (u' ln b + u b'/b).
            return .product([
                e,
                .sum([
                    .product([exponentDerivative, .apply(.log, base)]),
                    .product([exponent, baseDerivative, .power(base, .num(-1))]),
                ]),
            ])
        case .function(let f, let u):
            guard let inner = derivative(u, v) else { return nil }
            return .product([DerivativeRule.for(f).outer(u), inner])
        case .piecewise(let pieces, let otherwise):
            // A condition that mentions v makes the expression depend on v even where
            // every piece is constant in it.
            guard Substitution.dependsOn(e, v) else { return nil }
            return .makePiecewise(
                pieces.map { Piece(condition: $0.condition, value: partial($0.value, wrt: v)) },
                otherwise: partial(otherwise, wrt: v))
        }
    }

    /// One term of the product rule: the canonical product of `factors` (a canonical
    /// product's factors) with the one at `i` replaced by its derivative `d`.
    static func productRule(_ factors: [Expr], _ i: Int, _ d: Expr) -> Expr {
        Expr.productOfFactors(factors, except: i, times: d)
    }

    /// Successive partials: `partial(e, wrt: ["x", "y"])` is f_xy (first x, then y).
    public static func partial(_ e: Expr, wrt variables: [String]) -> Expr {
        variables.reduce(e) { partial($0, wrt: $1) }
    }
}
