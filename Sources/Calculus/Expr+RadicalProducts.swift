/// Products of numeric radicals: `sqrt(2) sqrt(3) = sqrt(6)`.
extension Expr {
    /// The factors of a product with every group of numeric radicals of one exponent
    /// merged into one radical: `2^(1/2) · 3^(1/2) = 6^(1/2)`, `2^(1/2) · 6^(1/2) =
    /// 2 · 3^(1/2)` (the merged radicand is reduced again). So a canonical product holds
    /// at most one numeric radical per exponent, and `sqrt(2) sqrt(3)` and `sqrt(6)` are
    /// one expression. Nil when no two radicals share an exponent.
    static func mergingNumericRadicals(_ factors: [Expr]) -> [Expr]? {
        // Most products hold at most one numeric radical: nothing to merge, and no
        // dictionary to build.
        var candidates = 0
        for f in factors where isMergeableRadical(f) { candidates += 1 }
        guard candidates > 1 else { return nil }
        var groups: [Rational: [Int]] = [:]
        for (i, f) in factors.enumerated() {
            if case .pow(.number(let b), .number(let r)) = f, b.isInteger, b.isPositive, !r.isInteger {
                groups[r, default: []].append(i)
            }
        }
        var merged: Set<Int> = []
        var added: [Expr] = []
        for (r, indices) in groups.sorted(by: { $0.key < $1.key }) where indices.count > 1 {
            var radicand = Rational.one
            for i in indices {
                if case .pow(.number(let b), _) = factors[i] { radicand *= b }
            }
            // Too large to reduce: the radicals stay apart, still exact.
            guard let radical = numericRadical(radicand, r) else { continue }
            merged.formUnion(indices)
            added.append(radical)
        }
        guard !merged.isEmpty else { return nil }
        return factors.indices.filter { !merged.contains($0) }.map { factors[$0] } + added
    }

    /// A positive integer to a non-integer rational power (what `mergingNumericRadicals` merges).
    private static func isMergeableRadical(_ f: Expr) -> Bool {
        if case .pow(.number(let b), .number(let r)) = f, b.isInteger, b.isPositive, !r.isInteger { return true }
        return false
    }
}
