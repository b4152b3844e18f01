/// ∇f: the vector of first partial derivatives, each with its derivation.
public struct Gradient: Sendable {
    public let function: Expr
    public let variables: [String]
    /// One derivation per variable, in order.
    public let derivations: [DerivationStep]
    /// The partials in display (simplified) form.
    public let components: [Expr]
    /// ∂f/∂xᵢ = ... lines.
    public let steps: [WorkStep]

    /// The gradient of `f` with respect to `variables` (in that order); `name` labels steps.
    public init(of f: Expr, variables: [String], name: String = "f") {
        function = f
        self.variables = variables
        derivations = variables.map { Derivation.partial(f, wrt: $0) }
        components = derivations.map { DerivativeDisplay.simplify($0.result) }
        steps = zip(variables, zip(components, derivations)).map { v, pair in
            WorkStep(label: "∂\(name)/∂\(v)",
                     latexLabel: "\\frac{\\partial \(name)}{\\partial \(DerivativeDisplay.latex(.symbol(v)))}",
                     value: .scalar(pair.0), derivations: [pair.1])
        }
    }

    /// ∇f at an exact point (coordinates in `variables` order).
    public func at(_ point: [Expr]) throws(EvaluationError) -> [Expr] {
        var out: [Expr] = []
        for c in components {
            out.append(DerivativeDisplay.simplify(try ExactEvaluator.evaluate(c, variables: variables, point: point)))
        }
        return out
    }

    /// The ∇f(P) work line.
    func stepAt(_ point: [Expr], value: [Expr], name: String) -> WorkStep {
        WorkStep(label: "∇\(name)\(WorkStep.tuple(point))",
                 latexLabel: "\\nabla \(name)\(WorkStep.latexTuple(point))", value: .vector(value))
    }
}
