/// Gradient descent in floating point: x_{k+1} = x_k − rate · ∇f(x_k), with the gradient
/// compiled once.
public struct GradientDescent: Sendable {
    public let rate: Double
    /// x₀, x₁, …, x_N (fewer if an iterate left the domain).
    public let iterates: [[Double]]
    /// f at each iterate.
    public let values: [Double]
    public var finalPoint: [Double] { iterates[iterates.count - 1] }
    public var finalValue: Double { values[values.count - 1] }
    /// False when the iteration stopped early at an undefined value.
    public let completed: Bool

    public init(of f: Expr, variables: [String], from start: [Double], rate: Double, steps: Int) throws(CompiledExpression.CompileError) {
        guard start.count == variables.count else {
            throw .pointDimension(expected: variables.count, got: start.count)
        }
        let fc = try CompiledExpression(f, variables: variables)
        var gc: [CompiledExpression] = []
        for v in variables { gc.append(try CompiledExpression(Derivative.partial(f, wrt: v), variables: variables)) }
        var x = start
        var iterates = [x], values = [fc(x)]
        var completed = true
        for _ in 0..<max(0, steps) {
            let g = gc.map { $0(x) }
            let next = zip(x, g).map { $0 - rate * $1 }
            let value = fc(next)
            guard value.isFinite, next.allSatisfy(\.isFinite) else { completed = false; break }
            x = next
            iterates.append(x)
            values.append(value)
        }
        self.rate = rate
        self.iterates = iterates
        self.values = values
        self.completed = completed
    }
}
