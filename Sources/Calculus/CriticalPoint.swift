/// Classification of a point from the gradient and the Hessian (second-derivative test),
/// decided exactly.
public struct CriticalPoint: Sendable {
    public enum Classification: String, Sendable, CaseIterable {
        case minimum, maximum, saddle, inconclusive
        /// ∇f(P) ≠ 0: the test does not apply.
        case notCritical = "not critical"
    }

    public let point: [Expr]
    public let gradientAtPoint: [Expr]
    public let hessianAtPoint: [[Expr]]
    /// Leading principal minors D₁, …, Dₙ of the Hessian at P (for two variables D₂ = f_xx f_yy − f_xy²).
    public let leadingMinors: [Expr]
    public let classification: Classification
    public let steps: [WorkStep]

    /// Sylvester's criterion: all Dₖ > 0 is a minimum; (−1)ᵏDₖ > 0 for all k is a maximum;
    /// otherwise a nonzero Dₙ means the Hessian is indefinite (a saddle) and Dₙ = 0 leaves
    /// the test inconclusive. For two variables this is the D = f_xx f_yy − f_xy² test.
    public init(of f: Expr, variables: [String], at point: [Expr], name: String = "f") throws(EvaluationError) {
        guard point.count == variables.count else { throw .pointDimension(expected: variables.count, got: point.count) }
        let g = Gradient(of: f, variables: variables, name: name)
        let gp = try g.at(point)
        let h = Hessian(of: f, variables: variables, name: name)
        let hp = try h.at(point)
        let minors = VectorAlgebra.leadingMinors(hp).map(DerivativeDisplay.simplify)
        self.point = point
        gradientAtPoint = gp
        hessianAtPoint = hp
        leadingMinors = minors
        let isCritical = gp.allSatisfy { ExactEvaluator.sign($0) == 0 }
        let signs = minors.map { ExactEvaluator.sign($0) ?? 0 }
        let c: Classification
        if !isCritical {
            c = .notCritical
        } else if signs.allSatisfy({ $0 > 0 }) {
            c = .minimum
        } else if signs.enumerated().allSatisfy({ k, s in (k % 2 == 0 ? -s : s) > 0 }) {
            c = .maximum
        } else if signs.last != 0 {
            c = .saddle
        } else {
            c = .inconclusive
        }
        classification = c
        let p = WorkStep.tuple(point), lp = WorkStep.latexTuple(point)
        var steps = [
            g.stepAt(point, value: gp, name: name),
            WorkStep(label: "H\(name)\(p)", latexLabel: "H_{\(name)}\(lp)", value: .matrix(hp)),
        ]
        steps[0].note = isCritical ? "∇\(name) = 0: a critical point" : "∇\(name) ≠ 0: not a critical point"
        steps[0].latexNote = isCritical ? "\\nabla \(name) = 0\\text{: a critical point}"
            : "\\nabla \(name) \\neq 0\\text{: not a critical point}"
        steps[0].derivations = g.derivations
        for (k, m) in minors.enumerated() {
            steps.append(WorkStep(label: "D\(k + 1)", latexLabel: "D_{\(k + 1)}", value: .scalar(m)))
        }
        steps.append(WorkStep(label: "classification", latexLabel: "\\text{classification}",
                              value: .scalar(.symbol(c.rawValue))))
        self.steps = steps
    }
}
