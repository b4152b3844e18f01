import BigInt

// Smart constructors: the only way expressions are built, so every Expr is canonical.
//
// Canonical form (see docs/CALCULUS.md, "Expressions"):
// - sums are flat, have at most one numeric term (first), like terms collected
//   (2x + 3x = 5x), terms sorted by the total order of Expr+Order.swift;
// - products are flat, have at most one numeric coefficient (first, never 1), like
//   bases combined (x·x^2 = x^3, e·e^x = e^(x+1)), factors sorted by (base, exponent);
//   a numeric coefficient times a single sum is distributed (2(x+1) = 2x + 2), other
//   products of sums are kept as written;
// - powers: x^0 = 1, x^1 = x, numbers to integer powers folded, numbers to rational
//   powers as coefficient · radical with the radicand free of perfect powers and no
//   radical in a denominator, (x^a)^b = x^(ab) only where that holds for all real x,
//   e^x is exp(x);
// - functions take exact values at special arguments (Expr+FunctionValues.swift).

extension Expr {
    public static func num(_ n: Int) -> Expr { .number(Rational(n)) }
    public static let zero = Expr.num(0)
    public static let one = Expr.num(1)
    public static let minusOne = Expr.num(-1)

    /// The canonical sum of `terms`.
    public static func sum(_ terms: [Expr]) -> Expr {
        if terms.count == 2 { return sumOfTwo(terms[0], terms[1]) }
        return generalSum(terms)
    }

    /// The sum of two canonical operands by merging their sorted term lists (like terms
    /// meet side by side). Same result as `generalSum`.
    static func sumOfTwo(_ a: Expr, _ b: Expr) -> Expr {
        let (ka, ta) = a.constantAndTerms
        let (kb, tb) = b.constantAndTerms
        let constant = ka + kb
        var out: [Expr] = []
        out.reserveCapacity(ta.count + tb.count + 1)
        if !constant.isZero { out.append(.number(constant)) }
        var i = 0, j = 0
        while i < ta.count && j < tb.count {
            let order = compareRests(ta[i], tb[j])
            if order < 0 {
                out.append(ta[i]); i += 1
            } else if order > 0 {
                out.append(tb[j]); j += 1
            } else {
                let c = ta[i].leadingCoefficient + tb[j].leadingCoefficient
                if !c.isZero { out.append(rescaled(ta[i], to: c)) }
                i += 1; j += 1
            }
        }
        ta.appendTail(from: i, to: &out)
        tb.appendTail(from: j, to: &out)
        switch out.count {
        case 0: return .number(constant)
        case 1: return out[0]
        default: return .add(out)
        }
    }

    /// A canonical operand of a sum as its numeric term and its other terms (sorted).
    var constantAndTerms: (Rational, Operands) {
        switch self {
        case .number(let r): return (r, Operands([]))
        case .add(let ts):
            if case .number(let r) = ts[0] { return (r, Operands(ts[1...])) }
            return (.zero, Operands(ts[...]))
        case .symbol, .constant, .mul, .pow, .function, .piecewise:
            return (.zero, Operands(single: self))
        }
    }

    /// The terms or factors of a canonical operand, read in place: a slice of a sum's
    /// terms or a product's factors, or one expression standing alone, which needs no
    /// array of its own (the merging constructors meet lone operands at every step).
    struct Operands: FactorList, RandomAccessCollection {
        private let slice: ArraySlice<Expr>
        private let single: Expr?

        init(_ slice: ArraySlice<Expr>) {
            self.slice = slice
            single = nil
        }

        init(single e: Expr) {
            slice = []
            single = e
        }

        var count: Int { single == nil ? slice.count : 1 }
        var startIndex: Int { 0 }
        var endIndex: Int { count }

        subscript(i: Int) -> Expr {
            if let single { return single }
            return slice[slice.startIndex + i]
        }

        func appendTail(from i: Int, to out: inout [Expr]) {
            if let single {
                if i == 0 { out.append(single) }
            } else {
                out.append(contentsOf: slice[(slice.startIndex + i)...])
            }
        }
    }

    /// The factors of a product without the one at `skipped` (an index of the array):
    /// the other factors, for the product rule, read in place.
    struct OperandsSkipping: FactorList {
        let slice: ArraySlice<Expr>
        let skipped: Int

        var count: Int { slice.count - 1 }

        subscript(i: Int) -> Expr {
            let k = slice.startIndex + i
            return slice[k < skipped ? k : k + 1]
        }

        func appendTail(from i: Int, to out: inout [Expr]) {
            let k = slice.startIndex + i
            if k > skipped {
                out.append(contentsOf: slice[(k + 1)...])
            } else {
                out.append(contentsOf: slice[k..<skipped])
                out.append(contentsOf: slice[(skipped + 1)...])
            }
        }
    }

    /// The canonical sum of `terms`, for any number of them.
    static func generalSum(_ terms: [Expr]) -> Expr {
        if terms.count == 1, case .add = terms[0] { return terms[0] }
        var constant = Rational.zero
        // The terms, flattened, are sorted by their rests (the canonical order), so like
        // terms end up side by side and merge in one pass: no pairwise search, no
        // hashing of subtrees. A term is kept as given unless a like term merges with it,
        // so most terms are never split into coefficient and rest (which allocates).
        var flat: [Expr] = []
        var capacity = 0
        for t in terms {
            if case .add(let inner) = t { capacity += inner.count } else { capacity += 1 }
        }
        flat.reserveCapacity(capacity)
        func add(_ t: Expr) {
            switch t {
            case .number(let r):
                constant += r
            case .add(let inner):
                for u in inner { add(u) }
            case .constant, .symbol, .pow, .mul, .function, .piecewise:
                flat.append(t)
            }
        }
        for t in terms { add(t) }
        if flat.count > 1 { flat.sort { compareRests($0, $1) < 0 } }
        var result: [Expr] = []
        result.reserveCapacity(flat.count + 1)
        if !constant.isZero { result.append(.number(constant)) }
        var i = 0
        while i < flat.count {
            var j = i + 1
            while j < flat.count && compareRests(flat[i], flat[j]) == 0 { j += 1 }
            if j == i + 1 {
                result.append(flat[i])
            } else {
                var c = flat[i].leadingCoefficient
                for k in (i + 1)..<j { c += flat[k].leadingCoefficient }
                if !c.isZero { result.append(Expr.rescaled(flat[i], to: c)) }
            }
            i = j
        }
        if result.isEmpty { return .number(constant) }
        return result.count == 1 ? result[0] : .add(result)
    }

    /// The numeric coefficient of a canonical term (1 when it has none).
    var leadingCoefficient: Rational {
        if case .mul(let f) = self, case .number(let r) = f[0] { return r }
        return .one
    }

    /// Whether two canonical terms differ only in their numeric coefficient.
    static func sameRest(_ a: Expr, _ b: Expr) -> Bool {
        switch (a.restFactors, b.restFactors) {
        case (let f?, let g?): return f == g
        case (let f?, nil): return f.count == 1 && f[f.startIndex] == b
        case (nil, let g?): return g.count == 1 && g[g.startIndex] == a
        case (nil, nil): return a == b
        }
    }

    /// The total order on the terms' rests (`compare` of `coefficientAndRest.rest`),
    /// without building the rests.
    static func compareRests(_ a: Expr, _ b: Expr) -> Int {
        // Read in place: the rest of a product is its factors after a numeric coefficient;
        // a rest of one factor is that factor, of more, a product.
        if case .mul(let f) = a {
            let fs = restStart(f), fc = f.count - fs
            if case .mul(let g) = b {
                let gs = restStart(g), gc = g.count - gs
                if fc == 1 && gc == 1 { return compare(f[fs], g[gs]) }
                if fc == 1 { return compareWithProduct(f[fs]) }
                if gc == 1 { return -compareWithProduct(g[gs]) }
                if fc != gc { return fc < gc ? -1 : 1 }
                for k in 0..<fc {
                    let c = compare(f[fs + k], g[gs + k])
                    if c != 0 { return c }
                }
                return 0
            }
            return fc == 1 ? compare(f[fs], b) : -compareWithProduct(b)
        }
        if case .mul(let g) = b {
            let gs = restStart(g)
            return g.count - gs == 1 ? compare(a, g[gs]) : compareWithProduct(a)
        }
        return compare(a, b)
    }

    /// Where a product's factors after its numeric coefficient start.
    private static func restStart(_ factors: [Expr]) -> Int {
        if case .number = factors[0] { return 1 }
        return 0
    }

    /// `compare(e, p)` for a non-product `e` and any product `p`: decided by kind.
    private static func compareWithProduct(_ e: Expr) -> Int {
        e.kindRank < 4 ? -1 : 1
    }

    /// A product term's factors without the numeric coefficient; nil for other terms.
    var restFactors: ArraySlice<Expr>? {
        guard case .mul(let f) = self else { return nil }
        if case .number = f[0] { return f[1...] }
        return f[...]
    }


    /// `scaled(t.coefficientAndRest.rest, by: c)`: the term with its coefficient replaced
    /// by `c`, without building the rest on its own first.
    static func rescaled(_ t: Expr, to c: Rational) -> Expr {
        guard case .mul(let f) = t, case .number = f[0] else { return scaled(t, by: c) }
        if c.isZero { return .zero }
        if f.count == 2 { return scaled(f[1], by: c) }
        if c.isOne { return .mul(Array(f[1...])) }
        var g = f
        g[0] = .number(c)
        return .mul(g)
    }

    /// `c · rest` for a canonical `rest` without numeric coefficient (and not a sum).
    static func scaled(_ rest: Expr, by c: Rational) -> Expr {
        if c.isOne { return rest }
        if c.isZero { return .zero }
        if case .mul(let f) = rest { return .mul([.number(c)] + f) }
        if case .number(let r) = rest { return .number(r * c) }
        if case .add = rest { return product([.number(c), rest]) }
        return .mul([.number(c), rest])
    }

    /// A term split into numeric coefficient and the rest: `3 x y` -> (3, x y).
    public var coefficientAndRest: (coefficient: Rational, rest: Expr) {
        switch self {
        case .number(let r): return (r, .one)
        case .mul(let f):
            if case .number(let r) = f[0] {
                return (r, f.count == 2 ? f[1] : .mul(Array(f.dropFirst())))
            }
            return (.one, self)
        case .symbol, .constant, .add, .pow, .function, .piecewise:
            return (.one, self)
        }
    }

    /// A factor split into base and exponent: `x^2` -> (x, 2), `exp(a)` -> (e, a), `x` -> (x, 1).
    public var baseAndExponent: (base: Expr, exponent: Expr) {
        switch self {
        case .pow(let b, let e): return (b, e)
        case .function(.exp, let a): return (.constant(.e), a)
        case .number, .symbol, .constant, .add, .mul, .function, .piecewise: return (self, .one)
        }
    }

    /// `compare` of the factors' bases (`baseAndExponent.base`), without building them.
    static func compareBases(_ a: Expr, _ b: Expr) -> Int {
        switch a {
        case .pow(let base, _): return compareBase(base, of: b)
        case .function(.exp, _): return compareBase(.constant(.e), of: b)
        case .number, .symbol, .constant, .add, .mul, .function, .piecewise: return compareBase(a, of: b)
        }
    }

    /// `compare(x, b.baseAndExponent.base)`.
    private static func compareBase(_ x: Expr, of b: Expr) -> Int {
        switch b {
        case .pow(let base, _): return compare(x, base)
        case .function(.exp, _): return compare(x, .constant(.e))
        case .number, .symbol, .constant, .add, .mul, .function, .piecewise: return compare(x, b)
        }
    }

    /// The order of factors in a canonical product: by base, then exponent.
    static func compareFactors(_ a: Expr, _ b: Expr) -> Int {
        let c = compareBases(a, b)
        if c != 0 { return c }
        return compare(a.baseAndExponent.exponent, b.baseAndExponent.exponent)
    }

    /// The canonical product of `factors`.
    public static func product(_ factors: [Expr]) -> Expr {
        if factors.count == 2, let p = productOfTwo(factors[0], factors[1]) { return p }
        return productCombining(factors, rounds: 0)
    }

    /// The canonical product of some of a canonical product's factors, in their order
    /// (dropping factors keeps the rest sorted, combined and reduced): built directly,
    /// except a number times a lone sum, which the constructors distribute.
    static func productOfCanonicalFactors(_ factors: [Expr]) -> Expr {
        switch factors.count {
        case 0: return .one
        case 1: return factors[0]
        case 2:
            if case .number = factors[0], case .add = factors[1] { return product(factors) }
            return .mul(factors)
        default: return .mul(factors)
        }
    }

    /// The product through the general path only (what `productOfTwo` must agree with).
    static func generalProduct(_ factors: [Expr]) -> Expr {
        productCombining(factors, rounds: 0)
    }

    /// The product of two canonical operands by merging their sorted factor lists, the
    /// common case (expansion multiplies terms pairwise); nil when the general path is
    /// needed: a base in both operands other than a symbol to numeric powers, or a number
    /// times a lone sum (which is distributed). Same result as `productCombining`.
    static func productOfTwo(_ a: Expr, _ b: Expr) -> Expr? {
        // A sum is one factor here: two equal sums share a base (the general path makes
        // the power), and a number times a lone sum is left to the general path below.
        let (ca, fa) = a.coefficientAndFactors
        let (cb, fb) = b.coefficientAndFactors
        return mergedProduct(ca, fa, cb, fb)
    }

    /// One term of the product rule: the canonical product of a canonical product's
    /// `factors` without the one at `i`, times `d`. The same expression as
    /// `product([productOfCanonicalFactors(rest), d])` for the rest of the factors, built
    /// by merging the factors in place (no array of the rest is made) when that is
    /// `productOfTwo`'s merge.
    static func productOfFactors(_ factors: [Expr], except i: Int, times d: Expr) -> Expr {
        func general() -> Expr {
            var rest = factors
            rest.remove(at: i)
            // A number times a lone sum is not canonical on its own (the constructors
            // distribute it), so such a term takes the general product of all factors.
            if rest.count == 2, case .number = rest[0], case .add = rest[1] {
                var all = factors
                all[i] = d
                return product(all)
            }
            return productCombining([productOfCanonicalFactors(rest), d], rounds: 0)
        }
        if case .add = d { return general() }
        let restCount = factors.count - 1
        let c: Rational, rest: OperandsSkipping
        switch factors[0] {
        case .number(let k):
            // (The coefficient itself has no derivative, so `i` is never 0 here.)
            guard i != 0 else { return general() }
            (c, rest) = (k, OperandsSkipping(slice: factors[1...], skipped: i))
            // The number times a lone sum (distributed by the constructors).
            if restCount == 2, case .add = rest[0] { return general() }
        case .symbol, .constant, .add, .mul, .pow, .function, .piecewise:
            (c, rest) = (.one, OperandsSkipping(slice: factors[...], skipped: i))
            // A lone sum (the general path makes a power of two equal sums).
            if restCount == 1, case .add = rest[0] { return general() }
        }
        let (cd, fd) = d.coefficientAndFactors
        return mergedProduct(c, rest, cd, fd) ?? general()
    }

    /// The merge of `productOfTwo`: two operands as coefficients and sorted factor lists.
    private static func mergedProduct<A: FactorList, B: FactorList>(_ ca: Rational, _ fa: A, _ cb: Rational, _ fb: B) -> Expr? {
        let c = ca.isOne ? cb : (cb.isOne ? ca : ca * cb)
        if c.isZero { return .zero }
        var out: [Expr] = []
        out.reserveCapacity(fa.count + fb.count + 1)
        if !c.isOne { out.append(.number(c)) }
        var i = 0, j = 0
        while i < fa.count && j < fb.count {
            let order = compareBases(fa[i], fb[j])
            if order < 0 {
                out.append(fa[i]); i += 1
            } else if order > 0 {
                out.append(fb[j]); j += 1
            } else {
                let (ba, ea) = fa[i].baseAndExponent
                let eb = fb[j].baseAndExponent.exponent
                // x^m x^n = x^(m+n) for a symbol, and e^a e^b = e^(a+b) while it stays a
                // power of e; anything else (radicals of numbers, sums, an exponential
                // that folds to something else) takes the general path.
                switch (ba, ea, eb) {
                case (.symbol, .number(let m), .number(let n)):
                    let k = m + n
                    if !k.isZero { out.append(k.isOne ? ba : .pow(ba, .number(k))) }
                case (.constant(.e), _, _):
                    let combined = power(ba, sum([ea, eb]))
                    switch combined {
                    case .function(.exp, _), .constant(.e): out.append(combined)
                    case .number(let r) where r.isOne: break
                    default: return nil
                    }
                default:
                    return nil
                }
                i += 1; j += 1
            }
        }
        fa.appendTail(from: i, to: &out)
        fb.appendTail(from: j, to: &out)
        // Radicals of two numbers with one exponent merge (sqrt(2) sqrt(3) = sqrt(6)):
        // the general path does that.
        var radicals = 0
        for f in out {
            if case .pow(.number, .number) = f { radicals += 1 }
        }
        if radicals > 1, mergingNumericRadicals(out) != nil { return nil }
        let first = c.isOne ? 0 : 1
        switch out.count - first {
        case 0: return .number(c)
        case 1:
            if first == 0 { return out[0] }
            if case .add = out[1] { return nil }
            return .mul(out)
        default: return .mul(out)
        }
    }

    /// A canonical operand as numeric coefficient and its other factors: `3 x y` ->
    /// (3, [x, y]), `x` -> (1, [x]), `3` -> (3, []).
    var coefficientAndFactors: (Rational, Operands) {
        switch self {
        case .number(let r): return (r, Operands([]))
        case .mul(let f):
            if case .number(let r) = f[0] { return (r, Operands(f[1...])) }
            return (.one, Operands(f[...]))
        case .symbol, .constant, .add, .pow, .function, .piecewise:
            return (.one, Operands(single: self))
        }
    }

    private static func productCombining(_ factors: [Expr], rounds: Int) -> Expr {
        var coefficient = Rational.one
        // One entry per distinct base: the factor as given and its exponent; exponents of
        // later factors with the same base go to `repeats` (rare, so usually never
        // allocated), and only those bases are recombined.
        var originals: [Expr] = []
        var repeats: [(base: Int, exponent: Expr)] = []
        var index: [Expr: Int]? = nil
        var sawZero = false
        // Room for the flattened factors, so that the array never grows.
        var capacity = 0
        for f in factors {
            if case .mul(let inner) = f { capacity += inner.count } else { capacity += 1 }
        }
        originals.reserveCapacity(capacity)
        func take(_ f: Expr) {
            switch f {
            case .number(let r):
                if r.isZero { sawZero = true }
                if !r.isOne { coefficient *= r }
            case .mul(let inner):
                for u in inner { take(u) }
            case .symbol, .constant, .add, .pow, .function, .piecewise:
                // Bases are compared in place (no (base, exponent) pairs are built) while
                // there are few; through an index once there are many.
                let found: Int?
                if let index {
                    found = index[f.baseAndExponent.base]
                } else {
                    found = originals.firstIndex { compareBases($0, f) == 0 }
                }
                if let found {
                    repeats.append((found, f.baseAndExponent.exponent))
                } else {
                    originals.append(f)
                    if index != nil {
                        index![f.baseAndExponent.base] = originals.count - 1
                    } else if originals.count > 24 {
                        index = Dictionary(uniqueKeysWithValues: originals.enumerated().map { ($1.baseAndExponent.base, $0) })
                    }
                }
            }
        }
        for f in factors { take(f) }
        if sawZero { return .zero }

        var result: [Expr] = []
        result.reserveCapacity(originals.count + 1) // room for the coefficient
        var needsAnotherRound = false
        for k in originals.indices {
            guard repeats.contains(where: { $0.base == k }) else {
                result.append(originals[k])
                continue
            }
            let b = originals[k].baseAndExponent.base
            var es = [originals[k].baseAndExponent.exponent]
            for r in repeats where r.base == k { es.append(r.exponent) }
            let p = power(b, sum(es))
            switch p {
            case .number(let r):
                coefficient *= r
            case .mul(let inner):
                for u in inner {
                    if case .number(let r) = u { coefficient *= r } else { result.append(u) }
                }
                needsAnotherRound = true
            case .pow(let pb, _) where pb != b:
                result.append(p)
                needsAnotherRound = true
            case .symbol, .constant, .add, .pow, .function, .piecewise:
                result.append(p)
            }
        }
        if coefficient.isZero { return .zero }
        // sqrt(2) sqrt(3) = sqrt(6): each merge leaves fewer radicals, so this ends.
        if result.count > 1, let merged = mergingNumericRadicals(result) {
            return productCombining([.number(coefficient)] + merged, rounds: rounds)
        }
        if needsAnotherRound && rounds < 3 {
            return productCombining([.number(coefficient)] + result, rounds: rounds + 1)
        }
        if result.isEmpty { return .number(coefficient) }
        if result.count > 1 {
            // Often already in order (the factors of canonical operands, flattened).
            var ordered = true
            for k in 1..<result.count where compareFactors(result[k - 1], result[k]) > 0 {
                ordered = false
                break
            }
            if !ordered { result.sort { compareFactors($0, $1) < 0 } }
        }
        if coefficient.isOne { return result.count == 1 ? result[0] : .mul(result) }
        // A number times one sum is distributed, so 2(x + 1) and 2x + 2 are one expression.
        if result.count == 1, case .add(let terms) = result[0] {
            return sum(terms.map { scaledTerm($0, by: coefficient) })
        }
        result.insert(.number(coefficient), at: 0)
        return .mul(result)
    }

    /// A canonical term (not a sum) times a number.
    private static func scaledTerm(_ t: Expr, by c: Rational) -> Expr {
        let (k, rest) = t.coefficientAndRest
        return scaled(rest, by: k * c)
    }

    /// The canonical power `base^exponent`.
    public static func power(_ base: Expr, _ exponent: Expr) -> Expr {
        if case .number(let r) = exponent {
            if r.isZero { return .one }
            if r.isOne { return base }
        }
        switch base {
        case .number(let b):
            if b.isOne { return .one }
            guard case .number(let r) = exponent else { return .pow(base, exponent) }
            if let n = r.intValue, r.isInteger {
                if let v = b.power(n) { return .number(v) }
                return .pow(base, exponent) // 0^negative or too large: kept, reported on evaluation
            }
            if r.isInteger { return .pow(base, exponent) }
            return numericRadical(b, r) ?? .pow(base, exponent)
        case .constant(.e):
            return apply(.exp, exponent)
        case .function(.exp, let a):
            // (e^a)^b = e^(ab) for all real a, b since e^a > 0.
            return apply(.exp, product([a, exponent]))
        case .pow(let b, let e):
            if powersCombine(inner: e, outer: exponent) {
                return power(b, product([e, exponent]))
            }
            // An even power is |b| to that power, so (x^2)^(1/2) = |x|, (x^2)^(3/2) = |x|^3.
            if case .number(let k) = e, k.isInteger, !k.hasOddNumerator, case .number = exponent {
                return power(apply(.abs, b), product([e, exponent]))
            }
            return .pow(base, exponent)
        case .mul(let factors):
            if case .number(let r) = exponent, r.isInteger {
                return product(factors.map { power($0, exponent) })
            }
            // Pull a positive numeric coefficient out of a root: sqrt(4x) = 2 sqrt(x).
            if case .number(let c) = factors[0], c.isPositive, case .number = exponent {
                let rest: Expr = factors.count == 2 ? factors[1] : .mul(Array(factors.dropFirst()))
                return product([power(.number(c), exponent), power(rest, exponent)])
            }
            return .pow(base, exponent)
        case .function(.abs, let a):
            if case .number(let r) = exponent, let n = r.intValue, r.isInteger, n % 2 == 0 {
                return power(a, exponent)
            }
            return .pow(base, exponent)
        case .add(let terms):
            // A sum under a numeric power is kept primitive (integer coefficients without a
            // common factor): (2z + 4)^-1 = (1/2)(z + 2)^-1, so that every spelling of it,
            // including the printed 1/(2 (z + 2)), is one canonical expression.
            if case .number = exponent, let content = sumContent(terms), !content.isOne {
                let primitive = sum(terms.map { scaledTerm($0, by: content.reciprocal) })
                return product([power(.number(content), exponent), .pow(primitive, exponent)])
            }
            return .pow(base, exponent)
        case .symbol, .constant, .function, .piecewise:
            return .pow(base, exponent)
        }
    }

    /// `coefficientAndRest.coefficient`, without building the rest.
    var termCoefficient: Rational {
        switch self {
        case .number(let r): return r
        case .mul(let f):
            if case .number(let r) = f[0] { return r }
            return .one
        case .symbol, .constant, .add, .pow, .function, .piecewise: return .one
        }
    }

    /// The positive rational c such that terms/c have coprime integer coefficients.
    static func sumContent(_ terms: [Expr]) -> Rational? {
        // Machine-word path first; BigInt only when a coefficient or the lcm is large.
        var gcdOfNumerators = 0, lcmOfDenominators = 1
        var small = true
        for t in terms {
            guard case .small(let n, let d) = t.termCoefficient.storage else { small = false; break }
            gcdOfNumerators = Rational.gcd(gcdOfNumerators, n)
            let (l, overflow) = (lcmOfDenominators / Rational.gcd(lcmOfDenominators, d)).multipliedReportingOverflow(by: d)
            if overflow { small = false; break }
            lcmOfDenominators = l
        }
        if small { return Rational(gcdOfNumerators, lcmOfDenominators) }
        var numerators = BigInt(0)
        var denominators = BigInt(1)
        for t in terms {
            let c = t.termCoefficient
            numerators = numerators.greatestCommonDivisor(with: c.numerator)
            denominators = denominators / denominators.greatestCommonDivisor(with: c.denominator) * c.denominator
        }
        if numerators == 0 { return nil }
        return Rational(numerators, denominators)
    }

    /// Whether (b^inner)^outer = b^(inner·outer) for every real b where both sides are
    /// defined: always for an integer outer exponent, and for a rational inner exponent
    /// with odd numerator ((x^2)^(1/2) is |x|, not x).
    static func powersCombine(inner: Expr, outer: Expr) -> Bool {
        if case .number(let r) = outer, r.isInteger { return true }
        if case .number(let r) = inner {
            return r.hasOddNumerator
        }
        return false
    }

    public static func apply(_ f: Function, _ arg: Expr) -> Expr {
        exactFunctionValue(f, arg) ?? .function(f, arg)
    }

    public static func sqrt(_ x: Expr) -> Expr { power(x, .number(Rational(1, 2))) }

    // Two numbers are folded directly (the exponent n - 1 of the power rule); the
    // constructors give the same result, through more allocation.
    public static func + (a: Expr, b: Expr) -> Expr {
        if case .number(let x) = a, case .number(let y) = b { return .number(x + y) }
        return sum([a, b])
    }
    public static func - (a: Expr, b: Expr) -> Expr {
        if case .number(let x) = a, case .number(let y) = b { return .number(x - y) }
        return sum([a, product([.minusOne, b])])
    }
    public static prefix func - (a: Expr) -> Expr {
        if case .number(let x) = a { return .number(-x) }
        return product([.minusOne, a])
    }
    public static func * (a: Expr, b: Expr) -> Expr {
        if case .number(let x) = a, case .number(let y) = b { return .number(x * y) }
        return product([a, b])
    }
    public static func / (a: Expr, b: Expr) -> Expr { product([a, power(b, .minusOne)]) }

    /// An exact rational as an expression.
    public static func rational(_ n: Int, _ d: Int) -> Expr { .number(Rational(n, d)) }
}

/// A sorted list of terms or factors read in place, for the merging constructors.
protocol FactorList {
    var count: Int { get }
    subscript(i: Int) -> Expr { get }
    /// Appends the operands from `i` on to `out`.
    func appendTail(from i: Int, to out: inout [Expr])
}
