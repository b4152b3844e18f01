extension Derivation {
    /// Successive derivations, one per variable in order (f_x, then (f_x)_y, ...); each
    /// step differentiates the previous result.
    public static func partial(_ e: Expr, wrt variables: [String]) -> [DerivationStep] {
        var steps: [DerivationStep] = []
        var current = e
        for v in variables {
            let step = partial(current, wrt: v)
            steps.append(step)
            current = step.result
        }
        return steps
    }
}

extension Hessian {
    /// The work behind each entry, computed on request (the matrix itself is built with
    /// the fast derivative): derivations[i][j] differentiates f_{xᵢ} by xⱼ.
    public func derivations() -> [[DerivationStep]] {
        variables.map { vi in
            let fi = Derivative.partial(function, wrt: vi)
            return variables.map { Derivation.partial(fi, wrt: $0) }
        }
    }
}

extension Jacobian {
    /// The work behind each entry, computed on request: derivations[i][j] is ∂Fᵢ/∂xⱼ.
    public func derivations() -> [[DerivationStep]] {
        components.map { fi in variables.map { Derivation.partial(fi, wrt: $0) } }
    }
}
