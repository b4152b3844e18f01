/// Differentiation that records its work: the same rules as `Derivative`, as a tree of
/// `DerivationStep`s that name the rule and show each intermediate expression.
public enum Derivation {
    /// ∂e/∂v with its derivation tree.
    public static func partial(_ e: Expr, wrt v: String) -> DerivationStep {
        func step(_ rule: DerivationRule, _ sub: [DerivationStep], parts: [Expr] = [], _ result: Expr) -> DerivationStep {
            DerivationStep(expression: e, variable: v, rule: rule, substeps: sub, parts: parts, result: result)
        }
        if !Substitution.dependsOn(e, v) {
            let others = Substitution.symbols(in: e)
            return step(others.isEmpty ? .constant : .heldConstant(others), [], .zero)
        }
        switch e {
        case .number, .constant:
            return step(.constant, [], .zero)
        case .symbol:
            return step(.variable, [], .one)
        case .add(let terms):
            let subs = terms.map { partial($0, wrt: v) }
            return step(.sum, subs, .sum(subs.map(\.result)))
        case .mul(let factors):
            let constant = factors.filter { !Substitution.dependsOn($0, v) }
            let varying = factors.filter { Substitution.dependsOn($0, v) }
            if !constant.isEmpty {
                let c = Expr.product(constant)
                let inner = partial(.product(varying), wrt: v)
                return step(.constantMultiple, [inner], parts: [c], .product([c, inner.result]))
            }
            let denominators = varying.compactMap(negativePowerBase)
            let numerators = varying.filter { negativePowerBase($0) == nil }
            if !denominators.isEmpty && !numerators.isEmpty {
                let n = Expr.product(numerators), d = Expr.product(denominators)
                let dn = partial(n, wrt: v), dd = partial(d, wrt: v)
                let result = Expr.product([
                    .sum([.product([dn.result, d]), .product([.num(-1), n, dd.result])]),
                    .power(d, .num(-2)),
                ])
                return step(.quotient, [dn, dd], parts: [n, d], result)
            }
            let subs = varying.map { partial($0, wrt: v) }
            var terms: [Expr] = []
            for (i, s) in subs.enumerated() {
                var rest = varying
                rest[i] = s.result
                terms.append(.product(rest))
            }
            return step(.product, subs, .sum(terms))
        case .pow(let base, let exponent):
            let baseVaries = Substitution.dependsOn(base, v)
            let exponentVaries = Substitution.dependsOn(exponent, v)
            if !exponentVaries {
                let isRoot = exponent == .number(Rational(1, 2))
                let outer = Expr.product([exponent, .power(base, exponent - .one)])
                if base == .symbol(v) {
                    return step(isRoot ? .squareRoot : .power, [], parts: [outer], outer)
                }
                let inner = partial(base, wrt: v)
                return step(.chain(outer: isRoot ? .squareRoot : .power), [inner], parts: [outer],
                            .product([outer, inner.result]))
            }
            if !baseVaries {
                let logBase: Expr = base == .constant(.e) ? .one : .apply(.log, base)
                let outer = Expr.product([e, logBase])
                if exponent == .symbol(v) { return step(.exponential, [], parts: [outer], outer) }
                let inner = partial(exponent, wrt: v)
                return step(.chain(outer: .exponential), [inner], parts: [outer], .product([outer, inner.result]))
            }
            let dBase = partial(base, wrt: v), dExponent = partial(exponent, wrt: v)
            let result = Expr.product([
                e,
                .sum([
                    .product([dExponent.result, .apply(.log, base)]),
                    .product([exponent, dBase.result, .power(base, .num(-1))]),
                ]),
            ])
            return step(.variablePower, [dBase, dExponent], parts: [base, exponent], result)
        case .function(let f, let u):
            let outer = DerivativeRule.for(f).outer(u)
            if u == .symbol(v) { return step(.function(f), [], parts: [outer], outer) }
            let inner = partial(u, wrt: v)
            return step(.chain(outer: .function(f)), [inner], parts: [outer], .product([outer, inner.result]))
        case .piecewise(let pieces, let otherwise):
            let subs = pieces.map { partial($0.value, wrt: v) }
            let rest = partial(otherwise, wrt: v)
            let result = Expr.makePiecewise(
                zip(pieces, subs).map { Piece(condition: $0.condition, value: $1.result) },
                otherwise: rest.result)
            return step(.piecewise, subs + [rest], result)
        }
    }

    /// The base b of a factor b^(−k) with a negative rational exponent, as b^k (so that
    /// x·y^(−2) reads as x / y²); nil for any other factor.
    static func negativePowerBase(_ factor: Expr) -> Expr? {
        guard case .pow(let base, .number(let r)) = factor, r.isNegative else { return nil }
        return .power(base, .number(-r))
    }
}
