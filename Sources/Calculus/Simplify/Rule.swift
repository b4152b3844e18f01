/// One rewrite: returns a new expression, or nil when it does not apply.
public struct Rule: Sendable {
    /// Kinds of expression node, for the nodes a rule can rewrite.
    public struct Kinds: OptionSet, Sendable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        public static let number = Kinds(rawValue: 1 << 0)
        public static let symbol = Kinds(rawValue: 1 << 1)
        public static let constant = Kinds(rawValue: 1 << 2)
        public static let add = Kinds(rawValue: 1 << 3)
        public static let mul = Kinds(rawValue: 1 << 4)
        public static let pow = Kinds(rawValue: 1 << 5)
        public static let function = Kinds(rawValue: 1 << 6)
        public static let piecewise = Kinds(rawValue: 1 << 7)
        public static let all = Kinds(rawValue: 0xFF)

        /// The kind of `e`.
        public init(of e: Expr) {
            switch e {
            case .number: self = .number
            case .symbol: self = .symbol
            case .constant: self = .constant
            case .add: self = .add
            case .mul: self = .mul
            case .pow: self = .pow
            case .function: self = .function
            case .piecewise: self = .piecewise
            }
        }
    }

    public let name: String
    /// The kinds of node the rule can rewrite (it returns nil for every other node, so it
    /// is not called on them).
    public let kinds: Kinds
    public let rewrite: @Sendable (Expr) -> Expr?

    public init(_ name: String, kinds: Kinds = .all, _ rewrite: @escaping @Sendable (Expr) -> Expr?) {
        self.name = name
        self.kinds = kinds
        self.rewrite = rewrite
    }
}

/// A named, ordered collection of rules; the first rule that applies wins.
public struct RuleSet: Sendable {
    public let name: String
    public let rules: [Rule]

    public init(_ name: String, _ rules: [Rule]) {
        self.name = name
        self.rules = rules
    }

    /// The first rule's rewrite of `e`, or nil when none applies.
    public func apply(_ e: Expr) -> Expr? {
        let kind = Rule.Kinds(of: e)
        for r in rules where r.kinds.contains(kind) {
            if let out = r.rewrite(e), out != e { return out }
        }
        return nil
    }
}

/// Combinators that turn rules into whole-expression transformations.
public enum Rewriting {
    /// Rebuilds bottom-up: children first (through the smart constructors), then `rules`
    /// at the node, repeated while it changes (at most `limit` times per node).
    public static func postOrder(_ rules: RuleSet, limit: Int = 8) -> @Sendable (Expr) -> Expr {
        { e in walk(e, rules, limit) }
    }

    static func walk(_ e: Expr, _ rules: RuleSet, _ limit: Int) -> Expr {
        var fired = false
        return walk(e, rules, limit, fired: &fired)
    }

    /// The walk, reporting whether any rule fired anywhere (if none did, the result is
    /// the input and already a fixpoint).
    static func walk(_ e: Expr, _ rules: RuleSet, _ limit: Int, fired: inout Bool) -> Expr {
        var below = false
        let rebuilt = e.mapChildren { walk($0, rules, limit, fired: &below) }
        var current = rebuilt
        var n = 0
        while n < limit, let next = rules.apply(current) {
            current = next
            n += 1
        }
        if below || n > 0 { fired = true }
        return current
    }

    /// Post-order walk of `rules` to a fixpoint. When a rule rewrites a node, the new
    /// node's children are walked again before the node's rules are retried, so one walk
    /// ends with every node's children normalized and no rule applicable at any node; a
    /// further walk happens only if some node hit the per-node limit.
    public static func exhaustively(_ rules: RuleSet, limit: Int = 6) -> @Sendable (Expr) -> Expr {
        { e in
            var memo = SumMemo()
            return exhaustively(e, rules, limit: limit, memo: &memo)
        }
    }

    /// The walk of `exhaustively` for several expressions that share subexpressions (the
    /// entries of a gradient and a Hessian): a sum normalized for one is not normalized
    /// again for the next.
    public static func exhaustively(_ es: [Expr], _ rules: RuleSet, limit: Int = 6) -> [Expr] {
        var memo = SumMemo()
        return es.map { exhaustively($0, rules, limit: limit, memo: &memo) }
    }

    static func exhaustively(_ e: Expr, _ rules: RuleSet, limit: Int, memo: inout SumMemo) -> Expr {
        var current = e
        for _ in 0..<limit {
            var hitLimit = false
            current = normalize(current, rules, 8, hitLimit: &hitLimit, memo: &memo)
            if !hitLimit { return current }
        }
        return current
    }

    /// Normalized sums of one walk: a sum that occurs several times (the denominator
    /// x^2 + y^2 in every term of a quotient-rule result) is normalized once. Found by
    /// comparison, which stops at the first difference, not by hashing whole subtrees.
    struct SumMemo {
        static let capacity = 16
        var entries: [(input: Expr, output: Expr, changed: Bool)] = []
        var next = 0

        func lookup(_ e: Expr) -> (output: Expr, changed: Bool)? {
            for k in entries.indices where entries[k].input == e {
                return (entries[k].output, entries[k].changed)
            }
            return nil
        }

        mutating func record(_ e: Expr, _ normalized: Expr, changed: Bool) {
            if entries.count < Self.capacity {
                entries.append((e, normalized, changed))
            } else {
                entries[next] = (e, normalized, changed)
                next = (next + 1) % Self.capacity
            }
        }
    }

    static func normalize(_ e: Expr, _ rules: RuleSet, _ limit: Int, hitLimit: inout Bool, memo: inout SumMemo) -> Expr {
        var changed = false
        return normalize(e, rules, limit, hitLimit: &hitLimit, memo: &memo, changed: &changed)
    }

    /// The normalized expression; `changed` is set when it may differ from `e` (so that
    /// callers need not compare whole trees to find out).
    static func normalize(
        _ e: Expr, _ rules: RuleSet, _ limit: Int, hitLimit: inout Bool, memo: inout SumMemo, changed: inout Bool
    ) -> Expr {
        switch e {
        case .number, .symbol, .constant: return e
        case .add:
            if let known = memo.lookup(e) {
                if known.changed { changed = true }
                return known.output
            }
        case .mul, .pow, .function, .piecewise: break
        }
        var hit = false
        var mine = false
        var current = normalizeChildren(e, rules, limit, hitLimit: &hit, memo: &memo, changed: &mine)
        var n = 0
        while let next = rules.apply(current) {
            n += 1
            mine = true
            if n > limit { hit = true; break }
            current = normalizeChildren(next, rules, limit, hitLimit: &hit, memo: &memo, changed: &mine)
        }
        if mine { changed = true }
        // A result that hit the per-node limit is not a fixpoint and is not remembered.
        if hit { hitLimit = true } else if case .add = e { memo.record(e, current, changed: mine) }
        return current
    }

    /// Normalizes the children and rebuilds the node; when the constructors, rebuilding,
    /// make new children (a sum merged into a sum, a power split into factors), those
    /// are normalized in turn, so every child of the result is a fixpoint.
    static func normalizeChildren(
        _ e: Expr, _ rules: RuleSet, _ limit: Int, hitLimit: inout Bool, memo: inout SumMemo, changed: inout Bool
    ) -> Expr {
        var done = SmallExprList()
        var current = e
        for round in 0..<4 {
            var fresh = false
            let next = current.mapChangedChildren { child in
                // Children normalized in an earlier round are fixpoints: not walked again.
                // (In the first round, while no walk has hit the limit, a child equal to a
                // sibling's result, a fixpoint, would come back unchanged from its walk
                // too, so the search is left out there.)
                if (round > 0 || hitLimit) && done.contains(child) { return (child, false) }
                var different = false
                let normalized = normalize(child, rules, limit, hitLimit: &hitLimit, memo: &memo, changed: &different)
                done.append(normalized)
                if different { fresh = true }
                return (normalized, different)
            }
            if !fresh { return next }
            changed = true
            current = next
        }
        hitLimit = true
        return current
    }

    /// A short list of expressions held inline (most nodes have at most four children),
    /// so that the walk's bookkeeping allocates nothing for them.
    struct SmallExprList {
        private var a: Expr? = nil, b: Expr? = nil, c: Expr? = nil, d: Expr? = nil
        private var more: [Expr] = []
        private var count = 0

        mutating func append(_ e: Expr) {
            switch count {
            case 0: a = e
            case 1: b = e
            case 2: c = e
            case 3: d = e
            default: more.append(e)
            }
            count += 1
        }

        func contains(_ e: Expr) -> Bool {
            if count > 0, a == e { return true }
            if count > 1, b == e { return true }
            if count > 2, c == e { return true }
            if count > 3, d == e { return true }
            return count > 4 && more.contains(e)
        }
    }

    /// Applies `step` until the result stops changing (at most `limit` times).
    public static func fixpoint(_ step: @escaping @Sendable (Expr) -> Expr, limit: Int = 6) -> @Sendable (Expr) -> Expr {
        { e in
            var current = e
            for _ in 0..<limit {
                let next = step(current)
                if next == current { return current }
                current = next
            }
            return current
        }
    }

    /// Applies the transformations in order.
    public static func chain(_ steps: [@Sendable (Expr) -> Expr]) -> @Sendable (Expr) -> Expr {
        { e in steps.reduce(e) { $1($0) } }
    }
}

extension Expr {
    /// `mapChildren` for a transformation that reports whether it changed a child: the
    /// node is rebuilt only when one changed, without comparing the children.
    func mapChangedChildren(_ f: (Expr) -> (Expr, Bool)) -> Expr {
        switch self {
        case .number, .symbol, .constant: return self
        case .add(let ts):
            guard let mapped = Self.mapChanged(ts, f) else { return self }
            return Expr.sum(mapped)
        case .mul(let fs):
            guard let mapped = Self.mapChanged(fs, f) else { return self }
            return Expr.product(mapped)
        case .pow(let b, let e):
            let (nb, cb) = f(b)
            let (ne, ce) = f(e)
            return cb || ce ? Expr.power(nb, ne) : self
        case .function(let fn, let a):
            let (na, ca) = f(a)
            return ca ? Expr.apply(fn, na) : self
        case .piecewise:
            return mapChildren { f($0).0 }
        }
    }

    /// `f` applied to every operand in order; nil when none changed (then no array is
    /// built).
    private static func mapChanged(_ operands: [Expr], _ f: (Expr) -> (Expr, Bool)) -> [Expr]? {
        var mapped: [Expr]? = nil
        for (k, t) in operands.enumerated() {
            let (u, changed) = f(t)
            if mapped != nil {
                mapped!.append(u)
            } else if changed {
                var fresh: [Expr] = []
                fresh.reserveCapacity(operands.count)
                fresh.append(contentsOf: operands[..<k])
                fresh.append(u)
                mapped = fresh
            }
        }
        return mapped
    }

    /// The same node with every child transformed, rebuilt through the smart constructors
    /// (the node itself when no child changed: canonical children make a canonical node).
    public func mapChildren(_ f: (Expr) -> Expr) -> Expr {
        switch self {
        case .number, .symbol, .constant: return self
        case .add(let ts):
            let mapped = ts.map(f)
            return mapped == ts ? self : Expr.sum(mapped)
        case .mul(let fs):
            let mapped = fs.map(f)
            return mapped == fs ? self : Expr.product(mapped)
        case .pow(let b, let e):
            let (nb, ne) = (f(b), f(e))
            return nb == b && ne == e ? self : Expr.power(nb, ne)
        case .function(let fn, let a):
            let na = f(a)
            return na == a ? self : Expr.apply(fn, na)
        case .piecewise(let pieces, let otherwise):
            return Expr.makePiecewise(pieces.map { Piece(condition: $0.condition.mapExpressions(f), value: f($0.value)) },
                                      otherwise: f(otherwise))
        }
    }

    /// A size measure for choosing between equivalent forms: the number of nodes, where
    /// a numeric coefficient of ±1 and a denominator exponent of -1 are free.
    public var complexity: Int {
        switch self {
        case .number(let r): return r.isInteger ? 1 : 2
        case .symbol, .constant: return 1
        case .add(let ts): return ts.reduce(ts.count - 1) { $0 + $1.complexity }
        case .mul(let fs):
            var total = fs.count - 1
            for f in fs {
                if case .number(let r) = f, r.isOne || r.isMinusOne { continue }
                total += f.complexity
            }
            return total
        case .pow(let b, let e):
            if case .number(let k) = e, k.isMinusOne { return b.complexity + 1 }
            return b.complexity + e.complexity + 1
        case .function(_, let a): return a.complexity + 1
        case .piecewise(let pieces, let otherwise):
            return pieces.reduce(otherwise.complexity + 1) { $0 + $1.value.complexity + 3 }
        }
    }
}

extension Condition {
    /// The same condition with every compared expression transformed.
    public func mapExpressions(_ f: (Expr) -> Expr) -> Condition {
        switch self {
        case .compare(let a, let op, let b): return .compare(f(a), op, f(b))
        case .pointCompare(let a, let op, let b): return .pointCompare(a.map(f), op, b.map(f))
        case .and(let a, let b): return .and(a.mapExpressions(f), b.mapExpressions(f))
        case .or(let a, let b): return .or(a.mapExpressions(f), b.mapExpressions(f))
        }
    }
}
