/// The one total order on canonical expressions.
///
/// Kinds first: number < constant < symbol < power < product < sum < function <
/// piecewise. Within a kind: numbers by value, constants by name (`e` < `pi`), symbols
/// by name (Unicode scalar order), powers by base then exponent, products and sums by
/// operand count then operand by operand, functions by their declaration order in
/// `Function` then argument, piecewise by piece count then pieces then the otherwise
/// value. Factors of a product are sorted by (base, exponent) under this order, so `x`
/// and `x^2` sit together; terms of a sum by the term without its numeric coefficient,
/// with the numeric constant first.
///
/// The order is deterministic (it never consults hash values) and is used only for
/// canonical form; printers choose a textbook order of their own.
extension Expr {
    /// -1, 0 or 1 as `a` sorts before, equal to, or after `b`.
    public static func compare(_ a: Expr, _ b: Expr) -> Int {
        let ra = a.kindRank, rb = b.kindRank
        if ra != rb { return ra < rb ? -1 : 1 }
        // One switch on `a` and a match of `b` (no tuple of both, which copies them).
        switch a {
        case .number(let x):
            guard case .number(let y) = b else { return 0 }
            return x == y ? 0 : (x < y ? -1 : 1)
        case .constant(let x):
            guard case .constant(let y) = b else { return 0 }
            return x == y ? 0 : (x.rawValue < y.rawValue ? -1 : 1)
        case .symbol(let x):
            guard case .symbol(let y) = b else { return 0 }
            return compareNames(x, y)
        case .pow(let b1, let e1):
            guard case .pow(let b2, let e2) = b else { return 0 }
            let c = compare(b1, b2)
            return c != 0 ? c : compare(e1, e2)
        case .mul(let x):
            guard case .mul(let y) = b else { return 0 }
            return compareLists(x, y)
        case .add(let x):
            guard case .add(let y) = b else { return 0 }
            return compareLists(x, y)
        case .function(let f, let x):
            guard case .function(let g, let y) = b else { return 0 }
            if f != g { return f.orderIndex < g.orderIndex ? -1 : 1 }
            return compare(x, y)
        case .piecewise(let p, let o):
            guard case .piecewise(let q, let r) = b else { return 0 }
            if p.count != q.count { return p.count < q.count ? -1 : 1 }
            for (u, v) in zip(p, q) {
                let c = compare(u.value, v.value)
                if c != 0 { return c }
                let d = compareConditions(u.condition, v.condition)
                if d != 0 { return d }
            }
            return compare(o, r)
        }
    }

    /// Strict "sorts before" under `compare`.
    public static func precedes(_ a: Expr, _ b: Expr) -> Bool { compare(a, b) < 0 }

    var kindRank: Int {
        switch self {
        case .number: return 0
        case .constant: return 1
        case .symbol: return 2
        case .pow: return 3
        case .mul: return 4
        case .add: return 5
        case .function: return 6
        case .piecewise: return 7
        }
    }

    static func compareNames(_ x: String, _ y: String) -> Int {
        if x == y { return 0 }
        // Unicode scalar order, independent of locale and normalization: the order of
        // the UTF-8 bytes, which encode scalars order-preservingly (and are cheaper to read).
        return x.utf8.lexicographicallyPrecedes(y.utf8) ? -1 : 1
    }

    static func compareLists(_ x: [Expr], _ y: [Expr]) -> Int {
        if x.count != y.count { return x.count < y.count ? -1 : 1 }
        for k in x.indices {
            let c = compare(x[k], y[k])
            if c != 0 { return c }
        }
        return 0
    }

    static func compareLists(_ x: ArraySlice<Expr>, _ y: ArraySlice<Expr>) -> Int {
        if x.count != y.count { return x.count < y.count ? -1 : 1 }
        var i = x.startIndex, j = y.startIndex
        while i < x.endIndex {
            let c = compare(x[i], y[j])
            if c != 0 { return c }
            i += 1
            j += 1
        }
        return 0
    }

    static func compareConditions(_ a: Condition, _ b: Condition) -> Int {
        func rank(_ c: Condition) -> Int {
            switch c {
            case .compare: return 0
            case .pointCompare: return 1
            case .and: return 2
            case .or: return 3
            }
        }
        if rank(a) != rank(b) { return rank(a) < rank(b) ? -1 : 1 }
        switch (a, b) {
        case (.compare(let x1, let o1, let y1), .compare(let x2, let o2, let y2)):
            let c = compare(x1, x2)
            if c != 0 { return c }
            if o1 != o2 { return o1.rawValue < o2.rawValue ? -1 : 1 }
            return compare(y1, y2)
        case (.pointCompare(let x1, let o1, let y1), .pointCompare(let x2, let o2, let y2)):
            let c = compareLists(x1, x2)
            if c != 0 { return c }
            if o1 != o2 { return o1.rawValue < o2.rawValue ? -1 : 1 }
            return compareLists(y1, y2)
        case (.and(let x1, let y1), .and(let x2, let y2)), (.or(let x1, let y1), .or(let x2, let y2)):
            let c = compareConditions(x1, x2)
            return c != 0 ? c : compareConditions(y1, y2)
        default:
            return 0
        }
    }
}

extension Function {
    /// Position in the declaration order, for the canonical order.
    var orderIndex: Int {
        switch self {
        case .sin: return 0
        case .cos: return 1
        case .tan: return 2
        case .sec: return 3
        case .csc: return 4
        case .cot: return 5
        case .asin: return 6
        case .acos: return 7
        case .atan: return 8
        case .sinh: return 9
        case .cosh: return 10
        case .tanh: return 11
        case .exp: return 12
        case .log: return 13
        case .abs: return 14
        case .sigmoid: return 15
        }
    }
}
