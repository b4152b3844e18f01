/// Central finite differences, the second independent check of a derivative.
public enum FiniteDifference {
    /// One estimate of ∂f/∂xᵢ with the step that produced it.
    public struct Estimate: Sendable, Equatable {
        public var value: Double
        /// The step h actually used (exactly representable: (x+h) − x).
        public var step: Double
    }

    /// The relative step: ∛ε ≈ 6.06e-6 balances the O(h²) truncation error of the central
    /// difference against the O(ε/h) rounding error.
    public static let relativeStep = 6.0554544523933395e-06

    /// The step used at a coordinate x: ∛ε · max(1, |x|), rounded so x ± h are exact.
    public static func step(at x: Double) -> Double {
        let h = relativeStep * max(1, abs(x))
        return (x + h) - x
    }

    /// (f(x + h eᵢ) − f(x − h eᵢ)) / 2h.
    public static func central(_ f: ([Double]) -> Double, at point: [Double], index: Int) -> Estimate {
        let h = step(at: point[index])
        var plus = point, minus = point
        plus[index] += h
        minus[index] -= h
        return Estimate(value: (f(plus) - f(minus)) / (2 * h), step: h)
    }
}
