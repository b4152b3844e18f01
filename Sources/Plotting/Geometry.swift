/// A point in the plane, in the function's own (x, y) coordinates unless said otherwise.
public struct Point: Hashable, Sendable {
    public var x: Double
    public var y: Double
    public init(_ x: Double, _ y: Double) { self.x = x; self.y = y }
}

/// A function of two variables sampled on a regular grid.
///
/// `values[j * nx + i]` is f(xs[i], ys[j]); NaN marks an undefined value.
public struct SampledGrid: Sendable {
    public var xs: [Double]
    public var ys: [Double]
    public var values: [Double]
    public var nx: Int { xs.count }
    public var ny: Int { ys.count }
    public init(xs: [Double], ys: [Double], values: [Double]) {
        precondition(values.count == xs.count * ys.count)
        self.xs = xs; self.ys = ys; self.values = values
    }
    public subscript(i: Int, j: Int) -> Double { values[j * xs.count + i] }
}

/// One connected piece of a level set.
public struct ContourLine: Hashable, Sendable {
    public var level: Double
    /// Vertices in order. For a closed line the first vertex is not repeated at the end.
    public var points: [Point]
    public var isClosed: Bool
    public init(level: Double, points: [Point], isClosed: Bool) {
        self.level = level; self.points = points; self.isClosed = isClosed
    }
}
