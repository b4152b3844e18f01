/// The simplifier: named rule sets, combined by post-order walks and a fixpoint, that
/// bring canonical expressions into the form a textbook prints.
///
/// Rule sets (each rule returns a shorter or more conventional equivalent, or nothing):
/// - `pythagorean`: c·R·sin²(a) + c·R·cos²(a) = c·R (also cosh² - sinh² = 1);
/// - `commonDenominator`: a sum with fractions becomes one fraction over the least
///   common denominator, numerator expanded, collected and factored, when that is shorter;
/// - `expansion`: products and powers of sums are multiplied out when that is shorter;
/// - `commonFactor`: the content and common factors of a sum are pulled out when that
///   is shorter (x² y + x y² = x y (x + y));
/// - `signs`: a negative coefficient moves into a sum factor when that leaves fewer
///   minus signs (-y (x - y) = y (y - x)).
///
/// "Shorter" is `Expr.complexity` (node count); ties keep the form already there, so
/// each rule strictly shrinks and the walk terminates.
public enum Simplify {
    /// Rebuilds `e` through the smart constructors (for trees assembled from raw cases).
    public static func canonical(_ e: Expr) -> Expr {
        switch e {
        case .number, .symbol, .constant: return e
        case .add(let ts): return Expr.sum(ts.map(canonical))
        case .mul(let fs): return Expr.product(fs.map(canonical))
        case .pow(let b, let x): return Expr.power(canonical(b), canonical(x))
        case .function(let f, let a): return Expr.apply(f, canonical(a))
        case .piecewise(let pieces, let otherwise):
            return Expr.makePiecewise(pieces.map { Piece(condition: $0.condition.mapExpressions(canonical), value: canonical($0.value)) },
                                      otherwise: canonical(otherwise))
        }
    }

    /// The textbook display form. Idempotent: `display(display(e)) == display(e)`.
    public static func display(_ e: Expr) -> Expr {
        displayTransform(e)
    }

    /// Applies `display` to every entry of a vector or matrix.
    public static func display(_ v: Value) -> Value { v.map(display) }

    static let displayRules = RuleSet("display", [pythagorean, commonDenominator, expansion, commonFactor, signs])

    static let displayTransform: @Sendable (Expr) -> Expr =
        Rewriting.fixpoint(Rewriting.postOrder(displayRules), limit: 6)

    /// Keeps `candidate` only when it is strictly shorter than `e`.
    static func ifShorter(_ candidate: Expr?, than e: Expr) -> Expr? {
        guard let c = candidate, c != e, c.complexity < e.complexity else { return nil }
        return c
    }

    // MARK: Pythagorean identities

    public static let pythagorean = Rule("pythagorean") { e in
        guard case .add(let terms) = e else { return nil }
        // For each term with a sin(a)^2 factor, look for the matching cos(a)^2 term.
        for (i, t) in terms.enumerated() {
            guard let (arg, other) = squaredFactor(t, .sin) else { continue }
            for (j, u) in terms.enumerated() where j != i {
                guard let (arg2, other2) = squaredFactor(u, .cos), arg2 == arg, other2 == other else { continue }
                var rest = terms
                rest.remove(at: max(i, j))
                rest.remove(at: min(i, j))
                return Expr.sum(rest + [other])
            }
        }
        for (i, t) in terms.enumerated() {
            guard let (arg, other) = squaredFactor(t, .cosh) else { continue }
            for (j, u) in terms.enumerated() where j != i {
                guard let (arg2, other2) = squaredFactor(u, .sinh), arg2 == arg, other2 == -other else { continue }
                var rest = terms
                rest.remove(at: max(i, j))
                rest.remove(at: min(i, j))
                return Expr.sum(rest + [other])
            }
        }
        return nil
    }

    /// For a term `R·f(a)^2`: (a, R).
    static func squaredFactor(_ t: Expr, _ f: Function) -> (Expr, Expr)? {
        let factors: [Expr]
        if case .mul(let fs) = t { factors = fs } else { factors = [t] }
        for (k, g) in factors.enumerated() {
            if case .pow(.function(let h, let a), .num(2)) = g, h == f {
                var others = factors
                others.remove(at: k)
                return (a, Expr.product(others))
            }
        }
        return nil
    }

    // MARK: Common denominator

    public static let commonDenominator = Rule("commonDenominator") { e in
        guard case .add(let terms) = e else { return nil }
        var bases: [Expr] = []
        var maxExponent: [Expr: Rational] = [:]
        var split: [(numerator: Expr, denominators: [Expr: Rational])] = []
        for t in terms {
            let factors: [Expr]
            if case .mul(let fs) = t { factors = fs } else { factors = [t] }
            var num: [Expr] = []
            var den: [Expr: Rational] = [:]
            for f in factors {
                if case .pow(let b, .number(let k)) = f, k.isNegative {
                    den[b, default: .zero] += -k
                    if maxExponent[b] == nil { bases.append(b) }
                    maxExponent[b] = max(maxExponent[b] ?? .zero, -k)
                } else {
                    num.append(f)
                }
            }
            split.append((Expr.product(num), den))
        }
        guard !bases.isEmpty else { return nil }
        var numerators: [Expr] = []
        for (num, den) in split {
            var factors = [num]
            for b in bases {
                let missing = maxExponent[b]! - (den[b] ?? .zero)
                if !missing.isZero { factors.append(Expr.power(b, .number(missing))) }
            }
            guard let x = Expr.product(factors).expanded() else { return nil }
            numerators.append(x)
        }
        let numerator = Expr.sum(numerators)
        var pieces: [Expr] = []
        if let (content, common, primitive) = numerator.commonFactorSplit() {
            pieces = [.number(content)] + common + [primitive]
        } else {
            pieces = [numerator]
        }
        for b in bases { pieces.append(Expr.power(b, .number(-maxExponent[b]!))) }
        let combined = Expr.product(pieces)
        return ifShorter(combined, than: e) ?? (combined.complexity == e.complexity ? nil : nil)
    }

    // MARK: Expansion

    public static let expansion = Rule("expansion") { e in
        switch e {
        case .mul(let fs):
            guard fs.contains(where: { if case .add = $0 { return true }; if case .pow(.add, .number(let r)) = $0 { return r.isPositive }; return false }) else { return nil }
            guard let x = e.expanded() else { return nil }
            if let (content, common, primitive) = x.commonFactorSplit() {
                let factored = Expr.product([.number(content)] + common + [primitive])
                return ifShorter(factored.complexity < x.complexity ? factored : x, than: e)
            }
            return ifShorter(x, than: e)
        case .add(let ts):
            guard ts.contains(where: { if case .mul(let fs) = $0 { return fs.contains { if case .add = $0 { return true }; return false } }; if case .pow(.add, _) = $0 { return true }; return false }) else { return nil }
            return ifShorter(e.expanded(), than: e)
        case .pow(.add, .number(let r)) where r.isInteger && r.isPositive:
            return ifShorter(e.expanded(), than: e)
        case .number, .symbol, .constant, .pow, .function, .piecewise:
            return nil
        }
    }

    // MARK: Common factors

    public static let commonFactor = Rule("commonFactor") { e in
        guard let (content, common, primitive) = e.commonFactorSplit(), !common.isEmpty else { return nil }
        return ifShorter(Expr.product([.number(content)] + common + [primitive]), than: e)
    }

    // MARK: Signs

    public static let signs = Rule("signs") { e in
        guard case .mul(let fs) = e, case .number(let c) = fs[0], c.isNegative else { return nil }
        for (k, f) in fs.enumerated() {
            guard case .add(let ts) = f else { continue }
            let negatives = ts.filter { $0.hasNegativeSign }.count
            let positives = ts.count - negatives
            // After negation the positives become negatives: flip when that helps.
            guard negatives >= positives else { continue }
            var others = fs
            others[0] = .number(-c)
            others.remove(at: k)
            let flipped = Expr.sum(ts.map { Expr.product([.minusOne, $0]) })
            return Expr.product(others + [flipped])
        }
        return nil
    }
}
