/// Substitution and inspection of the names an expression uses.
extension Expr {
    /// Replaces symbols by expressions simultaneously (`x -> y, y -> x` swaps them),
    /// rebuilding through the smart constructors so the result is canonical.
    public func substituting(_ bindings: [String: Expr]) -> Expr {
        if bindings.isEmpty { return self }
        switch self {
        case .number, .constant: return self
        case .symbol(let name): return bindings[name] ?? self
        case .add(let terms): return Expr.sum(terms.map { $0.substituting(bindings) })
        case .mul(let factors): return Expr.product(factors.map { $0.substituting(bindings) })
        case .pow(let b, let e): return Expr.power(b.substituting(bindings), e.substituting(bindings))
        case .function(let f, let a): return Expr.apply(f, a.substituting(bindings))
        case .piecewise(let pieces, let otherwise):
            return Expr.makePiecewise(
                pieces.map { Piece(condition: $0.condition.substituting(bindings), value: $0.value.substituting(bindings)) },
                otherwise: otherwise.substituting(bindings))
        }
    }

    /// Replaces one symbol.
    public func substituting(_ name: String, with value: Expr) -> Expr { substituting([name: value]) }

    /// Every symbol the expression mentions (including those in piecewise conditions).
    public var symbols: Set<String> {
        var result: Set<String> = []
        collectSymbols(into: &result)
        return result
    }

    /// Whether any symbol occurs (`!symbols.isEmpty`, without building the set).
    var hasSymbols: Bool {
        switch self {
        case .number, .constant: return false
        case .symbol: return true
        case .add(let items), .mul(let items): return items.contains { $0.hasSymbols }
        case .pow(let b, let e): return b.hasSymbols || e.hasSymbols
        case .function(_, let a): return a.hasSymbols
        case .piecewise(let pieces, let otherwise):
            return pieces.contains { $0.condition.hasSymbols || $0.value.hasSymbols } || otherwise.hasSymbols
        }
    }

    func collectSymbols(into result: inout Set<String>) {
        switch self {
        case .number, .constant: return
        case .symbol(let name): result.insert(name)
        case .add(let items), .mul(let items): for i in items { i.collectSymbols(into: &result) }
        case .pow(let b, let e): b.collectSymbols(into: &result); e.collectSymbols(into: &result)
        case .function(_, let a): a.collectSymbols(into: &result)
        case .piecewise(let pieces, let otherwise):
            for p in pieces {
                p.condition.collectSymbols(into: &result)
                p.value.collectSymbols(into: &result)
            }
            otherwise.collectSymbols(into: &result)
        }
    }

    /// True when the expression mentions `name`.
    public func contains(symbol name: String) -> Bool {
        switch self {
        case .number, .constant: return false
        case .symbol(let s): return s == name
        case .add(let items), .mul(let items): return items.contains { $0.contains(symbol: name) }
        case .pow(let b, let e): return b.contains(symbol: name) || e.contains(symbol: name)
        case .function(_, let a): return a.contains(symbol: name)
        case .piecewise(let pieces, let otherwise):
            return pieces.contains { $0.value.contains(symbol: name) || $0.condition.symbols.contains(name) }
                || otherwise.contains(symbol: name)
        }
    }

    /// Builds a piecewise expression; with no pieces it is just `otherwise`, and a nested
    /// piecewise `otherwise` is merged into one list of pieces.
    public static func makePiecewise(_ pieces: [Piece], otherwise: Expr) -> Expr {
        if pieces.isEmpty { return otherwise }
        if case .piecewise(let more, let last) = otherwise {
            return .piecewise(pieces + more, otherwise: last)
        }
        return .piecewise(pieces, otherwise: otherwise)
    }
}

extension Condition {
    /// Substitutes in every compared expression.
    public func substituting(_ bindings: [String: Expr]) -> Condition {
        switch self {
        case .compare(let a, let op, let b): return .compare(a.substituting(bindings), op, b.substituting(bindings))
        case .pointCompare(let a, let op, let b):
            return .pointCompare(a.map { $0.substituting(bindings) }, op, b.map { $0.substituting(bindings) })
        case .and(let a, let b): return .and(a.substituting(bindings), b.substituting(bindings))
        case .or(let a, let b): return .or(a.substituting(bindings), b.substituting(bindings))
        }
    }

    /// Every symbol the condition mentions.
    public var symbols: Set<String> {
        var result: Set<String> = []
        collectSymbols(into: &result)
        return result
    }

    /// Whether any symbol occurs in the compared expressions.
    var hasSymbols: Bool {
        switch self {
        case .compare(let a, _, let b): return a.hasSymbols || b.hasSymbols
        case .pointCompare(let a, _, let b): return a.contains { $0.hasSymbols } || b.contains { $0.hasSymbols }
        case .and(let a, let b), .or(let a, let b): return a.hasSymbols || b.hasSymbols
        }
    }

    func collectSymbols(into result: inout Set<String>) {
        switch self {
        case .compare(let a, _, let b): a.collectSymbols(into: &result); b.collectSymbols(into: &result)
        case .pointCompare(let a, _, let b):
            for e in a + b { e.collectSymbols(into: &result) }
        case .and(let a, let b), .or(let a, let b): a.collectSymbols(into: &result); b.collectSymbols(into: &result)
        }
    }
}

extension Expr {
    /// `symbols.min()`, without building the set.
    var firstSymbol: String? {
        switch self {
        case .symbol(let s): return s
        case .number, .constant: return nil
        case .add(let items), .mul(let items):
            var best: String? = nil
            for i in items {
                if let s = i.firstSymbol, best == nil || s < best! { best = s }
            }
            return best
        case .pow(let b, let e):
            switch (b.firstSymbol, e.firstSymbol) {
            case (let x?, let y?): return Swift.min(x, y)
            case (let x?, nil): return x
            case (nil, let y): return y
            }
        case .function(_, let a): return a.firstSymbol
        case .piecewise: return symbols.min()
        }
    }
}
