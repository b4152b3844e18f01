/// D_u f(P) = ∇f(P) · u with u = v/‖v‖, showing the normalization.
public struct DirectionalDerivative: Sendable {
    public let gradient: Gradient
    public let point: [Expr]
    public let direction: [Expr]
    /// ‖v‖, exact.
    public let directionNorm: Expr
    /// v/‖v‖, exact and rationalized.
    public let unit: [Expr]
    public let gradientAtPoint: [Expr]
    /// The directional derivative, exact.
    public let value: Expr
    public let steps: [WorkStep]

    /// Why a directional derivative could not be formed.
    public enum Failure: Error, Equatable, Sendable {
        case zeroDirection
        case dimensionMismatch(expected: Int, got: Int)
        case undefined(EvaluationError)
    }

    public init(of f: Expr, variables: [String], at point: [Expr], toward v: [Expr], name: String = "f") throws(Failure) {
        guard point.count == variables.count else { throw .dimensionMismatch(expected: variables.count, got: point.count) }
        guard v.count == variables.count else { throw .dimensionMismatch(expected: variables.count, got: v.count) }
        guard let u = VectorAlgebra.normalize(v) else { throw .zeroDirection }
        let g = Gradient(of: f, variables: variables, name: name)
        let gp: [Expr]
        do { gp = try g.at(point) } catch { throw .undefined(error) }
        gradient = g
        self.point = point
        direction = v
        directionNorm = DerivativeDisplay.simplify(VectorAlgebra.norm(v))
        unit = u
        gradientAtPoint = gp
        value = DerivativeDisplay.simplify(VectorAlgebra.dot(gp, u))
        steps = [
            WorkStep(label: "‖v‖", latexLabel: "\\lVert v\\rVert", value: .scalar(directionNorm),
                     note: "length of v = \(WorkStep.tuple(v))",
                     latexNote: "\\text{length of } v = \(WorkStep.latexTuple(v))"),
            WorkStep(label: "u", latexLabel: "u", value: .vector(u), note: "normalize: u = v/‖v‖",
                     latexNote: "\\text{normalize: } u = v/\\lVert v\\rVert"),
            WorkStep(label: "∇\(name)", latexLabel: "\\nabla \(name)", value: .vector(g.components),
                     derivations: g.derivations),
            g.stepAt(point, value: gp, name: name),
            WorkStep(label: "D_u \(name)\(WorkStep.tuple(point))",
                     latexLabel: "D_{u} \(name)\(WorkStep.latexTuple(point))", value: .scalar(value),
                     note: "∇\(name)\(WorkStep.tuple(point)) · u",
                     latexNote: "\\nabla \(name)\(WorkStep.latexTuple(point)) \\cdot u"),
        ]
    }
}
