/// The simplifier: named rule sets, combined by post-order walks and a fixpoint, that
/// bring canonical expressions into the form a textbook prints.
///
/// Rule sets (each rule returns a shorter or more conventional equivalent, or nothing):
/// - `pythagorean`: c·R·sin²(a) + c·R·cos²(a) = c·R (also cosh² - sinh² = 1);
/// - `angleSum`: the addition formulas, sin A cos B + cos A sin B = sin(A + B) and
///   cos A cos B - sin A sin B = cos(A + B) (with the differences and the hyperbolic
///   forms), for two terms with the same other factors;
/// - `logistic`: c·log(σ(a)) - c·log(1 - σ(a)) = c·a;
/// - `commonDenominator`: a sum with fractions becomes one fraction over the least
///   common denominator, numerator expanded, collected and factored, when that is shorter;
/// - `nestedFractions`: the same for sums inside a product or under a power, kept when
///   the whole shrinks (`-y/(x^2 (y^2/x^2 + 1))` = `-y/(x^2 + y^2)`);
/// - `exponentials`: a negative exponential in a denominator sum is cleared by
///   multiplying through (`-y e^{-xy}/(e^{-xy} + 1)` = `-y/(e^{xy} + 1)`) when shorter;
/// - `expansion`: products and powers of sums are multiplied out when that is shorter;
/// - `commonFactor`: the content and common factors of a sum are pulled out when that
///   is shorter (x² y + x y² = x y (x + y)), and a sum factor's fractional content goes
///   to the product's coefficient when shorter;
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

    /// The display forms of several expressions at once (the same as `display` of each);
    /// subexpressions they share are simplified once.
    public static func display(_ es: [Expr]) -> [Expr] {
        Rewriting.exhaustively(es, displayRules, limit: 6)
    }

    static let displayRules = RuleSet("display", [pythagorean, angleSum, logistic, commonDenominator, nestedFractions, exponentials, expansion, commonFactor, signs])

    static let displayTransform: @Sendable (Expr) -> Expr =
        Rewriting.exhaustively(displayRules, limit: 6)

    /// Keeps `candidate` only when it is strictly shorter than `e`.
    static func ifShorter(_ candidate: Expr?, than e: Expr) -> Expr? {
        guard let c = candidate, c != e, c.complexity < e.complexity else { return nil }
        return c
    }

    // MARK: Pythagorean identities

    public static let pythagorean = Rule("pythagorean", kinds: .add) { e in
        guard case .add(let terms) = e, terms.contains(where: hasSquaredCircularFactor) else { return nil }
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

    /// Whether a term has a factor sin(a)^2, cos(a)^2, sinh(a)^2 or cosh(a)^2 (a cheap
    /// guard before the pairwise search).
    static func hasSquaredCircularFactor(_ t: Expr) -> Bool {
        func isSquare(_ f: Expr) -> Bool {
            guard case .pow(.function(let g, _), .number(let k)) = f, k.intValue == 2 else { return false }
            return AdditionFormula.functions.contains(g)
        }
        if case .mul(let fs) = t { return fs.contains(where: isSquare) }
        return isSquare(t)
    }

    /// For a term `R·f(a)^2`: (a, R).
    static func squaredFactor(_ t: Expr, _ f: Function) -> (Expr, Expr)? {
        let factors: [Expr]
        if case .mul(let fs) = t { factors = fs } else { factors = [t] }
        for (k, g) in factors.enumerated() {
            if case .pow(.function(let h, let a), .num(2)) = g, h == f {
                var others = factors
                others.remove(at: k)
                return (a, Expr.productOfCanonicalFactors(others))
            }
        }
        return nil
    }

    // MARK: Addition formulas

    /// Two terms `c·R·F(A)·G(B)` and `±c·R·F'(A)·G'(B)` folded by an addition formula:
    /// sin A cos B ± cos A sin B = sin(A ± B), cos A cos B ∓ sin A sin B = cos(A ± B),
    /// sinh A cosh B ± cosh A sinh B = sinh(A ± B), cosh A cosh B ± sinh A sinh B =
    /// cosh(A ± B). The product rule on `sin(x) sin(y) sin(x + y)` leaves such a pair:
    /// `sin(y) (sin(x + y) cos(x) + sin(x) cos(x + y))` is `sin(y) sin(2x + y)`.
    public static let angleSum = Rule("angleSum", kinds: .add) { e in
        guard case .add(let terms) = e else { return nil }
        // Cheap guard first: at least two terms must carry a circular or hyperbolic factor.
        var carriers = 0
        for t in terms where hasAngleFactor(t) { carriers += 1 }
        guard carriers >= 2 else { return nil }
        for (i, t) in terms.enumerated() where hasAngleFactor(t) {
            let (c, rest) = t.coefficientAndRest
            let factors: [Expr]
            if case .mul(let fs) = rest { factors = fs } else { factors = [rest] }
            for (p, fp) in factors.enumerated() {
                guard case .function(let f, let a) = fp else { continue }
                for (q, fq) in factors.enumerated() where q != p {
                    guard case .function(let g, let b) = fq,
                          let formula = AdditionFormula(first: f, second: g),
                          formula.isSymmetric ? p < q : true
                    else { continue }
                    var others = factors
                    others.remove(at: max(p, q))
                    others.remove(at: min(p, q))
                    let common = Expr.productOfCanonicalFactors(others)
                    let partner = Expr.product([common, .apply(formula.partnerFirst, a), .apply(formula.partnerSecond, b)])
                    for (j, u) in terms.enumerated() where j != i {
                        let (d, restU) = u.coefficientAndRest
                        guard restU == partner, d == c || d == -c else { continue }
                        let argument = (d == c) == formula.sumWhenSameSign ? a + b : a - b
                        var remaining = terms
                        remaining.remove(at: max(i, j))
                        remaining.remove(at: min(i, j))
                        let folded = Expr.product([.number(c), common, .apply(formula.result, argument)])
                        return ifShorter(Expr.sum(remaining + [folded]), than: e)
                    }
                }
            }
        }
        return nil
    }

    /// Whether a term has a sin, cos, sinh or cosh factor (to the first power).
    static func hasAngleFactor(_ t: Expr) -> Bool {
        func isAngle(_ f: Expr) -> Bool {
            guard case .function(let g, _) = f else { return false }
            return AdditionFormula.functions.contains(g)
        }
        if case .mul(let fs) = t { return fs.contains(where: isAngle) }
        return isAngle(t)
    }

    /// One addition formula, keyed by the two factors of its first term.
    struct AdditionFormula {
        static let functions: [Function] = [.sin, .cos, .sinh, .cosh]
        /// The functions of the partner term's factors (of A and of B).
        let partnerFirst: Function, partnerSecond: Function
        /// The folded function.
        let result: Function
        /// Whether equal coefficients give A + B (else A - B).
        let sumWhenSameSign: Bool
        /// Both factors of the first term are the same function (cos A cos B), so each
        /// pair is tried in one order only.
        let isSymmetric: Bool

        init?(first f: Function, second g: Function) {
            // A table lookup rather than a switch over all pairs of functions.
            if f == .sin && g == .cos {
                (partnerFirst, partnerSecond, result, sumWhenSameSign, isSymmetric) = (.cos, .sin, .sin, true, false)
            } else if f == .cos && g == .cos {
                (partnerFirst, partnerSecond, result, sumWhenSameSign, isSymmetric) = (.sin, .sin, .cos, false, true)
            } else if f == .sinh && g == .cosh {
                (partnerFirst, partnerSecond, result, sumWhenSameSign, isSymmetric) = (.cosh, .sinh, .sinh, true, false)
            } else if f == .cosh && g == .cosh {
                (partnerFirst, partnerSecond, result, sumWhenSameSign, isSymmetric) = (.sinh, .sinh, .cosh, true, true)
            } else {
                return nil
            }
        }
    }

    // MARK: Common denominator

    public static let commonDenominator = Rule("commonDenominator", kinds: .add) { e in
        ifShorter(combinedOverCommonDenominator(e), than: e)
    }

    /// Sums with fractions inside a product or under a power (`1/(x^2 (y^2/x^2 + 1))`):
    /// each such sum is put over its common denominator, and the whole is kept when
    /// shorter (here `1/(x^2 + y^2)`), even if the sum alone would not shrink.
    public static let nestedFractions = Rule("nestedFractions", kinds: [.pow, .mul]) { e in
        switch e {
        case .pow(let b, .number(let k)):
            guard let combined = combinedOverCommonDenominator(b) else { return nil }
            return ifShorter(Expr.power(combined, .number(k)), than: e)
        case .mul(let fs):
            guard fs.contains(where: { f in
                if case .add(let ts) = f { return ts.contains(where: hasDenominator) }
                if case .pow(.add(let ts), .number) = f { return ts.contains(where: hasDenominator) }
                return false
            }) else { return nil }
            var changed = false
            let replaced = fs.map { f -> Expr in
                if let c = combinedOverCommonDenominator(f) { changed = true; return c }
                if case .pow(let b, .number(let k)) = f, let c = combinedOverCommonDenominator(b) {
                    changed = true
                    return Expr.power(c, .number(k))
                }
                return f
            }
            return changed ? ifShorter(Expr.product(replaced), than: e) : nil
        case .number, .symbol, .constant, .add, .pow, .function, .piecewise:
            return nil
        }
    }

    /// A sum with fractions as one fraction over the least common denominator, its
    /// numerator expanded and factored; nil when the sum has no fractions or the
    /// expansion would be too large.
    static func combinedOverCommonDenominator(_ e: Expr) -> Expr? {
        guard case .add(let terms) = e, terms.contains(where: hasDenominator) else { return nil }
        // Denominator bases in order of appearance, with their largest exponent; each
        // term's exponents indexed alike. A sum has few distinct denominators, so linear
        // search is cheaper than hashing the bases.
        var bases: [Expr] = []
        var maxExponent: [Rational] = []
        var split: [(numerator: Expr, exponents: [Rational])] = []
        split.reserveCapacity(terms.count)
        for t in terms {
            let factors: [Expr]
            if case .mul(let fs) = t { factors = fs } else { factors = [t] }
            var num: [Expr] = []
            num.reserveCapacity(factors.count)
            var den: [Rational] = Array(repeating: .zero, count: bases.count)
            for f in factors {
                if case .pow(let b, .number(let k)) = f, k.isNegative {
                    let i: Int
                    if let found = bases.firstIndex(of: b) {
                        i = found
                    } else {
                        bases.append(b)
                        maxExponent.append(.zero)
                        i = bases.count - 1
                    }
                    if den.count < bases.count { den.append(contentsOf: repeatElement(.zero, count: bases.count - den.count)) }
                    den[i] += -k
                    maxExponent[i] = max(maxExponent[i], -k)
                } else {
                    num.append(f)
                }
            }
            split.append((Expr.productOfCanonicalFactors(num), den))
        }
        guard !bases.isEmpty else { return nil }
        var numerators: [Expr] = []
        numerators.reserveCapacity(split.count)
        var unexpanded: [Expr] = []
        var expansionChanged = false
        for (num, den) in split {
            var factors = [num]
            for (i, b) in bases.enumerated() {
                let missing = maxExponent[i] - (i < den.count ? den[i] : .zero)
                if !missing.isZero { factors.append(Expr.power(b, .number(missing))) }
            }
            // (A canonical factor alone is its own product.)
            let term = factors.count == 1 ? num : Expr.product(factors)
            guard let x = term.expanded() else { return nil }
            if x != term { expansionChanged = true }
            numerators.append(x)
            unexpanded.append(term)
        }
        let numerator = Expr.sum(numerators)
        var pieces: [Expr] = []
        if let (content, common, primitive) = numerator.commonFactorSplit() {
            pieces = [.number(content)] + common + [primitive]
        } else {
            pieces = [numerator]
        }
        var denominators: [Expr] = []
        for (i, b) in bases.enumerated() { denominators.append(Expr.power(b, .number(-maxExponent[i]))) }
        let expandedForm = Expr.product(pieces + denominators)
        guard expansionChanged else { return expandedForm }
        // Multiplying out can make the numerator longer when nothing cancels
        // (x sin x/sqrt(x^2 + y^2) + cos x sqrt(x^2 + y^2) over sqrt(x^2 + y^2) has the
        // numerator x sin x + (x^2 + y^2) cos x): then the numerator as multiplied up
        // is kept, unless it keeps a root of a denominator base (a numerator with
        // (x^2 + y^2)^(3/2) over (x^2 + y^2)^(5/2) is not a textbook fraction).
        let keepsRoot = unexpanded.contains { term in
            let factors: [Expr]
            if case .mul(let fs) = term { factors = fs } else { factors = [term] }
            return factors.contains { f in
                guard case .pow(let b, .number(let k)) = f, !k.isInteger else { return false }
                return bases.contains(b)
            }
        }
        if keepsRoot { return expandedForm }
        let asMultiplied = Expr.product([Expr.sum(unexpanded)] + denominators)
        return asMultiplied.complexity < expandedForm.complexity ? asMultiplied : expandedForm
    }

    /// Whether a term has a factor with a negative numeric exponent.
    static func hasDenominator(_ t: Expr) -> Bool {
        switch t {
        case .pow(_, .number(let k)): return k.isNegative
        case .mul(let fs):
            return fs.contains { if case .pow(_, .number(let k)) = $0 { return k.isNegative }; return false }
        case .number, .symbol, .constant, .add, .pow, .function, .piecewise: return false
        }
    }

    // MARK: Exponentials and the logistic function

    /// `e^{-b}` in a denominator sum is cleared by multiplying through by `e^{b}`:
    /// `-y e^{-xy}/(e^{-xy} + 1)` = `-y/(e^{xy} + 1)`; kept when shorter.
    public static let exponentials = Rule("exponentials", kinds: .mul) { e in
        guard case .mul(let fs) = e else { return nil }
        for (k, f) in fs.enumerated() {
            guard case .pow(.add(let ts), .number(let n)) = f, n.isNegative else { continue }
            // A term c·exp(b) or exp(b), matched in place (splitting every term into
            // coefficient and rest would allocate for each).
            guard let b = ts.lazy.compactMap({ t -> Expr? in
                switch t {
                case .function(.exp, let b): return isNegated(b) ? b : nil
                case .mul(let fs):
                    guard fs.count == 2, case .number = fs[0], case .function(.exp, let b) = fs[1] else { return nil }
                    return isNegated(b) ? b : nil
                case .number, .symbol, .constant, .add, .pow, .function, .piecewise: return nil
                }
            }).first else { continue }
            let clearing = Expr.apply(.exp, -b)
            let cleared = Expr.sum(ts.map { Expr.product([$0, clearing]) })
            var others = fs
            others.remove(at: k)
            let candidate = Expr.product(others + [Expr.power(cleared, .number(n)), Expr.apply(.exp, Expr.product([.number(n), b]))])
            if let shorter = ifShorter(candidate, than: e) { return shorter }
        }
        return nil
    }

    /// A negative number or product, or a sum whose non-constant terms are all negative
    /// (`-x - y`): the exponents worth clearing from a denominator.
    static func isNegated(_ b: Expr) -> Bool {
        if b.hasNegativeSign { return true }
        guard case .add(let ts) = b else { return false }
        return ts.allSatisfy { t in
            if case .number = t { return true }
            return t.hasNegativeSign
        }
    }

    /// `c log(σ(a)) - c log(1 - σ(a)) = c a` (since 1 - σ(a) = σ(a) e^{-a}).
    public static let logistic = Rule("logistic", kinds: .add) { e in
        guard case .add(let terms) = e else { return nil }
        for (i, t) in terms.enumerated() {
            // Only `log(σ(a))` and `c log(σ(a))` qualify; matched in place rather than
            // split into coefficient and rest (which allocates for every term).
            let c: Rational, a: Expr
            switch t {
            case .function(.log, .function(.sigmoid, let u)):
                (c, a) = (.one, u)
            case .mul(let fs):
                guard fs.count == 2, case .number(let k) = fs[0], case .function(.log, .function(.sigmoid, let u)) = fs[1] else { continue }
                (c, a) = (k, u)
            case .number, .symbol, .constant, .add, .pow, .function, .piecewise:
                continue
            }
            let partner = Expr.product([.number(-c), Expr.apply(.log, .one - Expr.apply(.sigmoid, a))])
            guard let j = terms.firstIndex(of: partner) else { continue }
            var rest2 = terms
            rest2.remove(at: max(i, j))
            rest2.remove(at: min(i, j))
            return Expr.sum(rest2 + [Expr.product([.number(c), a])])
        }
        return nil
    }

    // MARK: Expansion

    public static let expansion = Rule("expansion", kinds: [.mul, .add]) { e in
        switch e {
        case .mul(let fs):
            // A monomial times one sum never shrinks when multiplied out (its terms stay
            // distinct), so only products of two or more sums are tried, and only while
            // the expansion stays small.
            guard let (sums, terms) = sumFactorCount(fs), sums >= 2, terms <= 64 else { return nil }
            guard let x = e.expanded() else { return nil }
            if let (content, common, primitive) = x.commonFactorSplit() {
                let factored = Expr.product([.number(content)] + common + [primitive])
                return ifShorter(factored.complexity < x.complexity ? factored : x, than: e)
            }
            return ifShorter(x, than: e)
        case .add(let ts):
            // Terms with sum factors can cancel against other terms: (x + y)^2 - x^2 - y^2.
            var total = 0
            var any = false
            for t in ts {
                let fs: [Expr]
                if case .mul(let m) = t { fs = m } else { fs = [t] }
                if let (sums, terms) = sumFactorCount(fs), sums >= 1 { any = true; total += terms } else { total += 1 }
            }
            guard any, total <= 96 else { return nil }
            return ifShorter(e.expanded(), than: e)
        case .number, .symbol, .constant, .pow, .function, .piecewise:
            return nil
        }
    }

    /// Among `factors`: how many sums are multiplied (a sum to the n-th power counts n)
    /// and how many terms multiplying them out gives at most; nil when there is none.
    static func sumFactorCount(_ factors: [Expr]) -> (sums: Int, terms: Int)? {
        var sums = 0, terms = 1
        for f in factors {
            switch f {
            case .add(let ts):
                sums += 1
                terms = terms.multipliedReportingOverflow(by: ts.count).partialValue
            case .pow(.add(let ts), .number(let r)):
                guard let n = r.intValue, n > 0, n <= 12 else { continue }
                sums += n
                for _ in 0..<n { terms = min(terms * ts.count, 1 << 20) }
            case .number, .symbol, .constant, .mul, .pow, .function, .piecewise:
                continue
            }
        }
        return sums == 0 ? nil : (sums, terms)
    }

    // MARK: Common factors

    public static let commonFactor = Rule("commonFactor", kinds: [.add, .mul]) { e in
        switch e {
        case .add:
            guard let (content, common, primitive) = e.commonFactorSplit(requiringFactors: true) else { return nil }
            return ifShorter(Expr.product([.number(content)] + common + [primitive]), than: e)
        case .mul(let fs):
            // A sum factor whose coefficients share a content other than 1 gives it to
            // the product's coefficient, when shorter: the exact value
            // sqrt(61) (61 cos(1/3)/225 + sin(1/3)/3) is sqrt(61) (61 cos(1/3) + 75 sin(1/3))/225,
            // and 3 y (2 x y + 2 z) is 6 y (x y + z).
            // (A number times a lone sum is distributed by the constructors, so this
            // only changes products with other factors.)
            for (k, f) in fs.enumerated() {
                guard case .add(let ts) = f, let content = Expr.sumContent(ts), !content.isOne else { continue }
                var others = fs
                others[k] = Expr.sum(ts.map { Expr.product([$0, .number(content.reciprocal)]) })
                return ifShorter(Expr.product(others + [.number(content)]), than: e)
            }
            return nil
        case .number, .symbol, .constant, .pow, .function, .piecewise:
            return nil
        }
    }

    // MARK: Signs

    public static let signs = Rule("signs", kinds: .mul) { e in
        guard case .mul(let fs) = e, case .number(let c) = fs[0], c.isNegative else { return nil }
        for (k, f) in fs.enumerated() {
            guard case .add(let ts) = f else { continue }
            var negatives = 0
            for t in ts where t.hasNegativeSign { negatives += 1 }
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
