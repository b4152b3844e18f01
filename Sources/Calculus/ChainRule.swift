/// d/dt f(x₁(t), …, xₙ(t)) by the multivariable chain rule, term by term
/// (Σ ∂f/∂xᵢ · dxᵢ/dt), checked against substituting first and differentiating after.
public struct ChainRule: Sendable {
    /// One term ∂f/∂xᵢ · dxᵢ/dt.
    public struct Term: Sendable, Hashable {
        public var variable: String
        /// ∂f/∂xᵢ with the path substituted.
        public var partialAlongPath: Expr
        /// dxᵢ/dt.
        public var innerDerivative: Expr
        /// Their product, simplified.
        public var product: Expr
    }

    public let parameter: String
    public let terms: [Term]
    /// The sum of the terms, simplified.
    public let total: Expr
    /// d/dt of f with the path substituted first.
    public let direct: Expr
    /// Whether the two agree (exactly or at random values of t).
    public let agrees: Bool
    public let steps: [WorkStep]

    /// `path[i]` is xᵢ(t) for `variables[i]`; the path must have one entry per variable.
    public init(of f: Expr, variables: [String], path: [Expr], parameter t: String, name: String = "f") throws(EvaluationError) {
        guard path.count == variables.count else { throw .pointDimension(expected: variables.count, got: path.count) }
        parameter = t
        let substitution = Dictionary(zip(variables, path), uniquingKeysWith: { a, _ in a })
        var terms: [Term] = []
        var steps: [WorkStep] = []
        for (i, v) in variables.enumerated() {
            let fv = Derivation.partial(f, wrt: v)
            let along = DerivativeDisplay.simplify(Substitution.apply(DerivativeDisplay.simplify(fv.result), substitution))
            let dv = Derivation.partial(path[i], wrt: t)
            let inner = DerivativeDisplay.simplify(dv.result)
            let product = DerivativeDisplay.simplify(along * inner)
            terms.append(Term(variable: v, partialAlongPath: along, innerDerivative: inner, product: product))
            let lv = DerivativeDisplay.latex(.symbol(v)), lt = DerivativeDisplay.latex(.symbol(t))
            steps.append(WorkStep(label: "∂\(name)/∂\(v)", latexLabel: "\\frac{\\partial \(name)}{\\partial \(lv)}",
                                  value: .scalar(along), note: "along the path", derivations: [fv]))
            steps.append(WorkStep(label: "d\(v)/d\(t)", latexLabel: "\\frac{d\(lv)}{d\(lt)}", value: .scalar(inner),
                                  derivations: [dv]))
            steps.append(WorkStep(label: "∂\(name)/∂\(v) · d\(v)/d\(t)",
                                  latexLabel: "\\frac{\\partial \(name)}{\\partial \(lv)}\\frac{d\(lv)}{d\(lt)}",
                                  value: .scalar(product)))
        }
        self.terms = terms
        total = DerivativeDisplay.simplify(.sum(terms.map(\.product)))
        let composed = Substitution.apply(f, substitution)
        let directStep = Derivation.partial(composed, wrt: t)
        direct = DerivativeDisplay.simplify(directStep.result)
        agrees = total == direct || Equivalence.areEquivalent(total, direct, variables: [t]).equivalent
        let lt = DerivativeDisplay.latex(.symbol(t))
        steps.append(WorkStep(label: "d\(name)/d\(t)", latexLabel: "\\frac{d\(name)}{d\(lt)}", value: .scalar(total),
                              note: "sum of the terms"))
        let along = variables.map { "\($0)(\(t))" }.joined(separator: ", ")
        let latexAlong = variables.map { "\(DerivativeDisplay.latex(.symbol($0)))(\(lt))" }.joined(separator: ", ")
        steps.append(WorkStep(label: "d/d\(t) \(name)(\(along))", latexLabel: "\\frac{d}{d\(lt)} \(name)\\left(\(latexAlong)\\right)",
                              value: .scalar(direct),
                              note: agrees ? "substituting first agrees" : "substituting first DISAGREES",
                              derivations: [directStep]))
        self.steps = steps
    }
}
