import Plotting

/// `plotbench contours`: contour extraction of 12 levels on 100², 400² and 1000² grids.
///
/// Sampling is done once per case, outside the timed region; the timed work is building
/// the tracer for the grid and tracing all 12 levels. Prints one JSON object per case
/// (one per line) so the Python side can run contourpy on the same grids and levels.
enum ContourBenchmark {
    static let sizes = [100, 400, 1000]
    static let levelCount = 12

    /// The 12 levels of a case: evenly spaced strictly inside the sampled range, the same
    /// numbers on both sides of the comparison.
    static func levels(for grid: SampledGrid) -> [Double] {
        let finite = grid.values.filter(\.isFinite)
        let low = finite.min()!, high = finite.max()!
        return (1...levelCount).map { k in low + (high - low) * Double(k) / Double(levelCount + 1) }
    }

    static func run() {
        var sink = 0
        for function in BenchFunction.all {
            for n in sizes {
                let grid = SampledGrid.sample(function.f, x: function.x, y: function.y, nx: n, ny: n)
                let levels = levels(for: grid)
                var lineCount = 0, pointCount = 0
                let timing = Stopwatch.time {
                    let lines = ContourTracer(grid: grid).lines(levels: levels)
                    lineCount = lines.reduce(0) { $0 + $1.count }
                    pointCount = lines.reduce(0) { $0 + $1.reduce(0) { $0 + $1.points.count } }
                    sink &+= lineCount
                }
                let fields = [
                    "\"function\": \"\(function.name)\"",
                    "\"formula\": \"\(function.formula)\"",
                    "\"x\": [\(function.x.lowerBound), \(function.x.upperBound)]",
                    "\"y\": [\(function.y.lowerBound), \(function.y.upperBound)]",
                    "\"n\": \(n)",
                    "\"levels\": [\(levels.map { "\($0)" }.joined(separator: ", "))]",
                    "\"best_seconds\": \(timing.best)",
                    "\"median_seconds\": \(timing.median)",
                    "\"runs\": \(timing.runs)",
                    "\"lines\": \(lineCount)",
                    "\"points\": \(pointCount)",
                ]
                print("{" + fields.joined(separator: ", ") + "}")
            }
        }
        if sink == -1 { print("unreachable") }
    }
}
