/// ∇f compiled once: each partial as its own `CompiledExpression`, for field plots.
public struct CompiledGradient: Sendable {
    public let variables: [String]
    public let components: [CompiledExpression]

    public init(of f: Expr, variables: [String]) throws(CompiledExpression.CompileError) {
        self.variables = variables
        var cs: [CompiledExpression] = []
        for v in variables { cs.append(try CompiledExpression(Derivative.partial(f, wrt: v), variables: variables)) }
        components = cs
    }

    /// ∇f at a point.
    public func callAsFunction(_ point: [Double]) -> [Double] { components.map { $0(point) } }

    /// For two variables: (x, y) ↦ (f_x, f_y).
    public var function2: @Sendable (Double, Double) -> (Double, Double) {
        let fx = components[0].function2
        let fy = components.count > 1 ? components[1].function2 : { @Sendable _, _ in 0 }
        return { x, y in (fx(x, y), fy(x, y)) }
    }
}
