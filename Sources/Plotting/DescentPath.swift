/// The iterates of gradient descent, p_{k+1} = p_k - rate * ∇f(p_k).
public struct DescentPath: Hashable, Sendable {
    /// Why the iteration ended before taking every step.
    public enum Stop: Hashable, Sendable {
        /// The gradient at iterate `step` was not a finite vector (f undefined there).
        case undefinedGradient(step: Int)
        /// Iterate `step` left every reasonable bound: the rate is too large and the
        /// iterates grow without limit, or reached infinity or NaN.
        case diverged(step: Int)
    }

    /// The start point followed by every iterate computed, all finite.
    public var points: [Point]
    /// nil when all the requested steps were taken.
    public var stop: Stop?

    public init(points: [Point], stop: Stop?) {
        self.points = points
        self.stop = stop
    }

    /// The iterate descent ends at.
    public var end: Point { points[points.count - 1] }

    /// Coordinates beyond this size count as a divergence, long before they overflow.
    public static let divergenceBound = 1e12

    /// Runs `steps` steps of gradient descent from `start` with the given `rate`.
    ///
    /// Stops early, keeping the iterates so far, when the gradient is not finite or an
    /// iterate is not finite or larger than `divergenceBound` in either coordinate; the
    /// offending iterate is not included.
    public static func iterate(
        start: Point,
        rate: Double,
        steps: Int,
        gradient: (Double, Double) -> (Double, Double)
    ) -> DescentPath {
        var points = [start]
        points.reserveCapacity(max(steps, 0) + 1)
        guard start.x.isFinite, start.y.isFinite, abs(start.x) <= divergenceBound, abs(start.y) <= divergenceBound else {
            return DescentPath(points: points, stop: .diverged(step: 0))
        }
        var p = start
        for step in stride(from: 1, through: steps, by: 1) {
            let (gx, gy) = gradient(p.x, p.y)
            guard gx.isFinite, gy.isFinite else {
                return DescentPath(points: points, stop: .undefinedGradient(step: step - 1))
            }
            let next = Point(p.x - rate * gx, p.y - rate * gy)
            guard next.x.isFinite, next.y.isFinite,
                  abs(next.x) <= divergenceBound, abs(next.y) <= divergenceBound
            else {
                return DescentPath(points: points, stop: .diverged(step: step))
            }
            points.append(next)
            p = next
        }
        return DescentPath(points: points, stop: nil)
    }
}
