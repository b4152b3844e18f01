/// Exact vector and matrix arithmetic over expressions.
public enum VectorAlgebra {
    /// u · v (vectors of equal length).
    public static func dot(_ u: [Expr], _ v: [Expr]) -> Expr {
        .sum(zip(u, v).map { $0 * $1 })
    }

    /// ‖v‖ = √(v · v), exact (√25 = 5, √8 = 2√2).
    public static func norm(_ v: [Expr]) -> Expr {
        .sqrt(dot(v, v))
    }

    /// v/‖v‖ with each component exact and rationalized ((3,4) → (3/5, 4/5),
    /// (1,1) → (√2/2, √2/2)); nil for the zero vector.
    public static func normalize(_ v: [Expr]) -> [Expr]? {
        let n = norm(v)
        if ExactEvaluator.sign(n) == 0 { return nil }
        return v.map { DerivativeDisplay.simplify($0 / n) }
    }

    /// The determinant of a square matrix by cofactor expansion along the first row
    /// (matrices here are at most a handful of rows, so this stays cheap and exact).
    public static func determinant(_ m: [[Expr]]) -> Expr {
        let n = m.count
        if n == 0 { return .one }
        if n == 1 { return m[0][0] }
        if n == 2 { return m[0][0] * m[1][1] - m[0][1] * m[1][0] }
        var terms: [Expr] = []
        for j in 0..<n where m[0][j] != .zero {
            let minor = (1..<n).map { i in (0..<n).filter { $0 != j }.map { m[i][$0] } }
            let term = m[0][j] * determinant(minor)
            terms.append(j % 2 == 0 ? term : -term)
        }
        return .sum(terms)
    }

    /// The leading principal minors D₁, …, Dₙ (for Sylvester's criterion).
    public static func leadingMinors(_ m: [[Expr]]) -> [Expr] {
        guard !m.isEmpty else { return [] }
        return (1...m.count).map { k in determinant((0..<k).map { i in Array(m[i].prefix(k)) }) }
    }
}
