/// The Jacobian matrix of a vector field F = (F₁, …, Fₘ) in n variables (m×n), with its
/// determinant when square.
public struct Jacobian: Sendable {
    public let components: [Expr]
    public let variables: [String]
    /// entries[i][j] = ∂Fᵢ/∂xⱼ, display form.
    public let entries: [[Expr]]
    /// det J for a square Jacobian, exact and simplified; nil otherwise.
    public let determinant: Expr?
    public let steps: [WorkStep]

    public init(of components: [Expr], variables: [String], name: String = "F") {
        self.components = components
        self.variables = variables
        let m = components.map { fi in variables.map { DerivativeDisplay.simplify(Derivative.partial(fi, wrt: $0)) } }
        entries = m
        var steps = [WorkStep(label: "J\(name)", latexLabel: "J_{\(name)}", value: .matrix(m))]
        if m.count == variables.count {
            let det = DerivativeDisplay.simplify(VectorAlgebra.determinant(m))
            determinant = det
            steps.append(WorkStep(label: "det J\(name)", latexLabel: "\\det J_{\(name)}", value: .scalar(det)))
        } else {
            determinant = nil
        }
        self.steps = steps
    }

    /// The Jacobian (and its determinant) at an exact point.
    public func at(_ point: [Expr]) throws(EvaluationError) -> (entries: [[Expr]], determinant: Expr?) {
        var out: [[Expr]] = []
        for row in entries {
            var r: [Expr] = []
            for e in row {
                r.append(DerivativeDisplay.simplify(try ExactEvaluator.evaluate(e, variables: variables, point: point)))
            }
            out.append(r)
        }
        let det = out.count == variables.count ? DerivativeDisplay.simplify(VectorAlgebra.determinant(out)) : nil
        return (out, det)
    }
}
