/// The `check at P` request: the analytic gradient at a point next to central
/// finite-difference estimates, with each step size and difference.
public struct GradientCheck: Sendable {
    /// One coordinate of the comparison.
    public struct Row: Sendable, Equatable {
        public var variable: String
        /// The exact partial at P.
        public var exact: Expr
        /// Its decimal value.
        public var analytic: Double
        public var finiteDifference: Double
        /// The step h of the central difference in this coordinate.
        public var step: Double
        /// |analytic − finite difference|.
        public var difference: Double
        /// Whether the difference is within `Verification.finiteDifferenceTolerance` · max(1, |analytic|, |f(P)|).
        public var agrees: Bool
    }

    public let point: [Expr]
    public let rows: [Row]
    public var agrees: Bool { rows.allSatisfy(\.agrees) }

    /// Why the check could not be made.
    public enum Failure: Error, Equatable, Sendable {
        case undefined(EvaluationError)
        case notNumeric(String)
    }

    public init(of f: Expr, variables: [String], at point: [Expr]) throws(Failure) {
        guard point.count == variables.count else {
            throw .undefined(.pointDimension(expected: variables.count, got: point.count))
        }
        let gradient = Gradient(of: f, variables: variables)
        let exact: [Expr]
        do {
            // f itself first: its domain error names the real problem (log(0) rather than 1/0).
            _ = try ExactEvaluator.evaluate(f, variables: variables, point: point)
            exact = try gradient.at(point)
        } catch { throw .undefined(error) }
        var coordinates: [Double] = []
        for c in point {
            guard let v = ExactEvaluator.approximate(c) else { throw .notNumeric(c.plainText) }
            coordinates.append(v)
        }
        guard let compiled = try? CompiledExpression(f, variables: variables) else {
            throw .notNumeric(f.plainText)
        }
        let fp = compiled(coordinates)
        var rows: [Row] = []
        for (i, v) in variables.enumerated() {
            guard let analytic = ExactEvaluator.approximate(exact[i]) else { throw .notNumeric(exact[i].plainText) }
            let fd = FiniteDifference.central({ compiled($0) }, at: coordinates, index: i)
            let difference = abs(analytic - fd.value)
            let scale = max(1, abs(analytic), abs(fp))
            rows.append(Row(variable: v, exact: exact[i], analytic: analytic, finiteDifference: fd.value, step: fd.step,
                            difference: difference, agrees: difference <= Verification.finiteDifferenceTolerance * scale))
        }
        self.point = point
        self.rows = rows
    }
}
