/// The directions and rate of steepest ascent and descent at a point: ±∇f/‖∇f‖ and ‖∇f‖.
public struct SteepestAscent: Sendable {
    public let point: [Expr]
    public let gradientAtPoint: [Expr]
    /// ‖∇f(P)‖: the rate of steepest ascent (and, negated, of descent).
    public let rate: Expr
    /// ∇f/‖∇f‖; nil at a critical point, where no direction is steepest.
    public let ascent: [Expr]?
    /// −∇f/‖∇f‖; nil at a critical point.
    public let descent: [Expr]?
    public let steps: [WorkStep]

    public init(of f: Expr, variables: [String], at point: [Expr], name: String = "f") throws(EvaluationError) {
        guard point.count == variables.count else { throw .pointDimension(expected: variables.count, got: point.count) }
        let g = Gradient(of: f, variables: variables, name: name)
        let gp = try g.at(point)
        self.point = point
        gradientAtPoint = gp
        rate = DerivativeDisplay.simplify(VectorAlgebra.norm(gp))
        ascent = VectorAlgebra.normalize(gp)
        descent = ascent.map { $0.map { DerivativeDisplay.simplify(-$0) } }
        var steps = [
            WorkStep(label: "∇\(name)", latexLabel: "\\nabla \(name)", value: .vector(g.components), derivations: g.derivations),
            g.stepAt(point, value: gp, name: name),
            WorkStep(label: "‖∇\(name)\(WorkStep.tuple(point))‖",
                     latexLabel: "\\lVert\\nabla \(name)\(WorkStep.latexTuple(point))\\rVert", value: .scalar(rate),
                     note: "rate of steepest ascent"),
        ]
        if let a = ascent, let d = descent {
            steps.append(WorkStep(label: "ascent", latexLabel: "u_{\\text{ascent}}", value: .vector(a),
                                  note: "∇\(name)/‖∇\(name)‖",
                                  latexNote: "\\nabla \(name)/\\lVert\\nabla \(name)\\rVert"))
            steps.append(WorkStep(label: "descent", latexLabel: "u_{\\text{descent}}", value: .vector(d),
                                  note: "-∇\(name)/‖∇\(name)‖, rate -‖∇\(name)‖",
                                  latexNote: "-\\nabla \(name)/\\lVert\\nabla \(name)\\rVert,\\ \\text{rate } -\\lVert\\nabla \(name)\\rVert"))
        } else {
            steps.append(WorkStep(label: "∇\(name)\(WorkStep.tuple(point))", latexLabel: "\\nabla \(name)",
                                  value: .vector(gp), note: "zero gradient: no direction of steepest ascent"))
        }
        self.steps = steps
    }
}
