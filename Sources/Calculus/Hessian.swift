/// The Hessian matrix of second partials, each entry computed in its own order of
/// differentiation so that symmetry (Clairaut) is checked rather than assumed.
public struct Hessian: Sendable {
    public let function: Expr
    public let variables: [String]
    /// entries[i][j] = ∂/∂xⱼ (∂f/∂xᵢ), display form.
    public let entries: [[Expr]]
    /// Whether every pair f_{xᵢxⱼ}, f_{xⱼxᵢ} agreed (exactly or at random points).
    public let isSymmetric: Bool
    public let steps: [WorkStep]

    public init(of f: Expr, variables: [String], name: String = "f") {
        function = f
        self.variables = variables
        let first = variables.map { Derivative.partial(f, wrt: $0) }
        // All entries simplified in one call, which simplifies what they share once.
        let raw = first.flatMap { fi in variables.map { Derivative.partial(fi, wrt: $0) } }
        let shown = Simplify.display(raw)
        let n = variables.count
        let m = (0..<n).map { i in Array(shown[(i * n)..<(i * n + n)]) }
        entries = m
        var symmetric = true
        for i in m.indices {
            for j in m.indices where j > i {
                if m[i][j] != m[j][i] && !Equivalence.areEquivalent(m[i][j], m[j][i], variables: variables).equivalent {
                    symmetric = false
                }
            }
        }
        isSymmetric = symmetric
        steps = [WorkStep(label: "H\(name)", latexLabel: "H_{\(name)}", value: .matrix(m),
                          note: symmetric ? "mixed partials agree (symmetric)" : "mixed partials differ")]
    }

    /// The Hessian at an exact point.
    public func at(_ point: [Expr]) throws(EvaluationError) -> [[Expr]] {
        var out: [[Expr]] = []
        for row in entries {
            var r: [Expr] = []
            for e in row {
                r.append(DerivativeDisplay.simplify(try ExactEvaluator.evaluate(e, variables: variables, point: point)))
            }
            out.append(r)
        }
        return out
    }
}
