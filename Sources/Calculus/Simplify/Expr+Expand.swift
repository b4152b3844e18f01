#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Polynomial expansion and common-factor extraction, the algebra behind the display form.
extension Expr {
    /// Largest number of terms an expansion may produce before it is abandoned (the
    /// unexpanded form is then kept): expansion is only a candidate for a shorter form.
    static let expansionTermLimit = 256

    /// Multiplies out products of sums and positive integer powers of sums (at most
    /// the 12th), leaving function arguments alone; nil when the result would be too big.
    public func expanded() -> Expr? {
        switch self {
        case .number, .symbol, .constant, .function, .piecewise: return self
        case .add(let ts):
            // Nothing to multiply out: the canonical sum rebuilt from its own terms is
            // itself, so it is not rebuilt.
            if !ts.contains(where: \.hasExpandableFactor) { return self }
            var out: [Expr] = []
            for t in ts {
                guard let e = t.expanded() else { return nil }
                if case .add(let inner) = e { out.append(contentsOf: inner) } else { out.append(e) }
                if out.count > Self.expansionTermLimit { return nil }
            }
            return Expr.sum(out)
        case .mul(let fs):
            if !fs.contains(where: \.isExpandableFactor) { return self }
            // The display walk tries to multiply out a product of sums at its own node and
            // again, as a term, at the sum above it: the second time is a lookup.
            return ExpansionMemo.current.expansion(of: self, operands: fs, power: 1) { multipliedOut(fs) }
        case .pow(let b, let e):
            guard case .add(let ts) = b, case .number(let r) = e, let n = r.intValue, r.isInteger, n > 1, n <= 12 else { return self }
            return ExpansionMemo.current.expansion(of: self, operands: ts, power: n) { poweredOut(b, e, n) }
        }
    }

    /// `expanded()` of a sum to the n-th power, 2 <= n <= 12.
    private func poweredOut(_ b: Expr, _ e: Expr, _ n: Int) -> Expr? {
        guard let base = b.expanded() else { return nil }
        let baseTerms: [Expr]
        if case .add(let inner) = base { baseTerms = inner } else { return Expr.power(base, e) }
        // Multiply term lists directly: building the product of two equal sums would
        // fold it back into a power.
        var terms = baseTerms
        for _ in 1..<n {
            if terms.count * baseTerms.count > Self.expansionTermLimit { return nil }
            var next: [Expr] = []
            for t in terms { for u in baseTerms { next.append(Expr.product([t, u])) } }
            guard case .add(let collected) = Expr.sum(next) else { return Expr.sum(next) }
            terms = collected
        }
        return Expr.sum(terms)
    }

    /// `expanded()` of a product with a factor to multiply out.
    private func multipliedOut(_ fs: [Expr]) -> Expr? {
        // The factors with nothing to multiply out (and the coefficient) are already a
        // canonical product of their own: it starts the term list, and only the sums
        // are multiplied in (rather than rebuilding the monomial factor by factor).
        var monomial: [Expr] = []
        var sums: [Expr] = []
        monomial.reserveCapacity(fs.count)
        for f in fs {
            if f.isExpandableFactor { sums.append(f) } else { monomial.append(f) }
        }
        var terms: [Expr] = [Expr.productOfCanonicalFactors(monomial)]
        for f in sums {
            guard let e = f.expanded() else { return nil }
            let parts: [Expr]
            if case .add(let inner) = e { parts = inner } else { parts = [e] }
            if terms.count * parts.count > Self.expansionTermLimit { return nil }
            // 1 times a canonical term is that term.
            if terms.count == 1, case .number(let one) = terms[0], one.isOne {
                terms = parts
                continue
            }
            var next: [Expr] = []
            next.reserveCapacity(terms.count * parts.count)
            for t in terms { for p in parts { next.append(Expr.product([t, p])) } }
            terms = next
        }
        return Expr.sum(terms)
    }

    /// Whether the common factors `commonFactorSplit` keeps after reading two terms are
    /// not empty: some factor of `a` (to a positive or symbolic power) has its base among
    /// `b`'s factors (the first such factor), both to positive numeric powers or to the
    /// same power.
    static func mayShareFactor(_ a: Expr, _ b: Expr) -> Bool {
        let fa = a.coefficientAndFactors.1, fb = b.coefficientAndFactors.1
        for f in fa {
            let (base, e) = f.baseAndExponent
            if case .number(let x) = e, !x.isPositive { continue }
            guard let match = fb.lazy.map(\.baseAndExponent).first(where: { $0.0 == base }) else { continue }
            if case .number(let x) = e, case .number(let y) = match.1, x.isPositive, y.isPositive { return true }
            if e == match.1 { return true }
        }
        return false
    }

    /// A factor `expanded()` multiplies out: a sum, or a sum to an integer power 2...12.
    var isExpandableFactor: Bool {
        switch self {
        case .add: return true
        case .pow(.add, .number(let r)):
            guard let n = r.intValue else { return false }
            return n > 1 && n <= 12
        case .number, .symbol, .constant, .mul, .pow, .function, .piecewise: return false
        }
    }

    /// Whether a term of a sum has something `expanded()` multiplies out (else it expands
    /// to itself).
    var hasExpandableFactor: Bool {
        switch self {
        case .mul(let fs): return fs.contains(where: \.isExpandableFactor)
        case .pow: return isExpandableFactor
        case .add: return true
        case .number, .symbol, .constant, .function, .piecewise: return false
        }
    }

    /// A sum written as content · common factors · primitive sum:
    /// `6 x^2 y - 4 x y^2` -> (2, [x, y], 3 x - 2 y). Content is positive unless every
    /// term is negative. Nil when nothing is common (content 1, no factors).
    public func commonFactorSplit(requiringFactors: Bool = false) -> (content: Rational, factors: [Expr], primitive: Expr)? {
        guard case .add(let terms) = self else { return nil }
        // Most sums have no common factor, which the first two terms already show:
        // rejected without building the lists below.
        if requiringFactors, terms.count >= 2, !Self.mayShareFactor(terms[0], terms[1]) { return nil }
        var common: [(base: Expr, exponent: Expr)]? = nil
        for t in terms {
            // The term's factors without its coefficient, read in place.
            let factors = t.coefficientAndFactors.1
            if let current = common {
                var kept: [(base: Expr, exponent: Expr)] = []
                for (b, e) in current {
                    guard let match = factors.lazy.map(\.baseAndExponent).first(where: { $0.0 == b }) else { continue }
                    if case .number(let x) = e, case .number(let y) = match.1, x.isPositive, y.isPositive {
                        kept.append((b, .number(x < y ? x : y)))
                    } else if e == match.1 {
                        kept.append((b, e))
                    }
                }
                common = kept
                if requiringFactors && kept.isEmpty { return nil }
            } else {
                common = factors.map(\.baseAndExponent).filter { pair in
                    if case .number(let x) = pair.1 { return x.isPositive }
                    return true
                }.map { (base: $0.0, exponent: $0.1) }
                if requiringFactors && common?.isEmpty != false { return nil }
            }
        }
        if requiringFactors && (common ?? []).isEmpty { return nil }
        guard var content = Expr.sumContent(terms) else { return nil }
        if terms.allSatisfy({ $0.hasNegativeSign }) { content = -content }
        let factors = (common ?? []).map { Expr.power($0.base, $0.exponent) }
        if content.isOne && factors.isEmpty { return nil }
        var quotients: [Expr] = []
        quotients.reserveCapacity(terms.count)
        var inverse: Expr? = nil
        for t in terms {
            if let q = Self.quotient(t, content, common ?? []) {
                quotients.append(q)
            } else {
                if inverse == nil { inverse = Expr.power(Expr.product([.number(content)] + factors), .minusOne) }
                quotients.append(Expr.product([t, inverse!]))
            }
        }
        return (content, factors, Expr.sum(quotients))
    }

    /// A canonical term divided by `content` and the `common` factors it has (each base
    /// among its factors, to at least the common exponent), built in place: the
    /// coefficient divided, the common exponents taken off their factors (a factor whose
    /// exponent goes to zero left out). The factors stay sorted, their bases unchanged.
    /// Nil when a reduced factor is not a plain factor (a power that folds into a number
    /// or a product) or the quotient is a number times a lone sum: then the caller
    /// multiplies by the inverse through the constructors, which handle those.
    static func quotient(_ t: Expr, _ content: Rational, _ common: [(base: Expr, exponent: Expr)]) -> Expr? {
        let (c, factors) = t.coefficientAndFactors
        let k = c / content
        var out: [Expr] = []
        out.reserveCapacity(factors.count)
        var found = 0
        for f in factors {
            let (b, e) = f.baseAndExponent
            guard let i = common.firstIndex(where: { $0.base == b }) else {
                out.append(f)
                continue
            }
            found += 1
            let ce = common[i].exponent
            if ce == e { continue }
            guard case .number(let x) = e, case .number(let y) = ce else { return nil }
            let reduced = x - y
            if case .symbol = b {
                out.append(reduced.isOne ? b : .pow(b, .number(reduced)))
                continue
            }
            let p = Expr.power(b, .number(reduced))
            switch p {
            case .number, .mul, .add: return nil
            case .symbol, .constant, .pow, .function, .piecewise: out.append(p)
            }
        }
        if found != common.count { return nil }
        switch out.count {
        case 0: return .number(k)
        case 1:
            if k.isOne { return out[0] }
            if case .add = out[0] { return nil }
            return .mul([.number(k), out[0]])
        default:
            if k.isOne { return .mul(out) }
            out.insert(.number(k), at: 0)
            return .mul(out)
        }
    }
}

/// Expansions of products recently multiplied out on this thread, by the identity of the
/// product's factor array (an entry holds the product, so its array cannot be freed and
/// its address reused while the entry lives). `expanded()` is a function of the
/// expression, so a hit gives what the expansion would.
final class ExpansionMemo {
    /// A product's factor array (power 1) or a powered sum's term array and the power.
    private var keys: [(array: UnsafeRawPointer, power: Int)] = []
    private var entries: [(input: Expr, output: Expr?)] = []
    private var next = 0
    static let capacity = 32

    /// The expansion of `input` (whose operand array is `operands`; `power` 1 for a
    /// product, n for a sum to the n-th), remembered or computed by `compute`.
    func expansion(of input: Expr, operands: [Expr], power: Int, _ compute: () -> Expr?) -> Expr? {
        let key = operands.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress!) }
        for k in keys.indices where keys[k].array == key && keys[k].power == power { return entries[k].output }
        let output = compute()
        if keys.count < Self.capacity {
            keys.append((key, power))
            entries.append((input, output))
        } else {
            keys[next] = (key, power)
            entries[next] = (input, output)
            next = (next + 1) % Self.capacity
        }
        return output
    }

    private static let slot: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key) { p in
            if let p { Unmanaged<ExpansionMemo>.fromOpaque(p).release() }
        }
        return key
    }()

    /// This thread's memo.
    static var current: ExpansionMemo {
        if let p = pthread_getspecific(slot) { return Unmanaged<ExpansionMemo>.fromOpaque(p).takeUnretainedValue() }
        let memo = ExpansionMemo()
        pthread_setspecific(slot, Unmanaged.passRetained(memo).toOpaque())
        return memo
    }
}
