/// The tangent plane z = f(a,b) + f_x(a,b)(x − a) + f_y(a,b)(y − b) of a surface
/// z = f(x, y), checked to pass through (a, b, f(a, b)).
public struct TangentPlane: Sendable {
    public let linearization: Linearization
    /// The right-hand side of z = ..., simplified.
    public var expression: Expr { linearization.expression }
    public var passesThroughPoint: Bool { linearization.passesThroughPoint }
    /// `z = 1 + 2 (x - 1) - 4 (y - 2)`.
    public var equation: String { "z = " + linearization.pointSlopeForm }
    public var latexEquation: String { "z = " + linearization.latexPointSlopeForm }
    public var steps: [WorkStep] { linearization.steps }

    public init(of f: Expr, variables: [String], at point: [Expr], name: String = "f") throws(EvaluationError) {
        linearization = try Linearization(of: f, variables: variables, at: point, name: name)
    }
}
