/// One call from a plot request to a finished scene: sample f, choose the levels, trace
/// the contours, run the descent, lay out the page.
public enum PlotFigure {
    /// The scene for `spec`, with f and ∇f as closures.
    ///
    /// Throws `PlotProblem` for a window that is not a finite, non-empty rectangle, and
    /// `ContourLevels.Problem` for an unusable explicit list or range of levels.
    public static func scene(
        _ spec: PlotSpecification,
        function f: @escaping @Sendable (Double, Double) -> Double,
        gradient: @escaping @Sendable (Double, Double) -> (Double, Double),
        builder: PlotSceneBuilder = PlotSceneBuilder()
    ) throws -> PlotScene {
        for range in [spec.xRange, spec.yRange] {
            guard range.lowerBound.isFinite, range.upperBound.isFinite else { throw PlotProblem.windowNotFinite }
            guard range.lowerBound < range.upperBound else { throw PlotProblem.emptyWindow }
        }
        let resolution = max(2, spec.gridResolution)
        let grid = SampledGrid.sample(f, x: spec.xRange, y: spec.yRange, nx: resolution, ny: resolution)
        let levels: [Double]
        switch spec.levels {
        case .count(let n): levels = ContourLevels.nice(count: n, for: grid)
        case .explicit(let values): levels = try ContourLevels.explicit(values)
        case .range(let from, let to, let step): levels = try ContourLevels.range(from: from, to: to, step: step)
        }
        let contours = ContourTracer(grid: grid).lines(levels: levels).flatMap { $0 }
        let descent = spec.descent.map {
            DescentPath.iterate(start: $0.start, rate: $0.rate, steps: $0.steps, gradient: gradient).points
        }
        return builder.build(spec: spec, levels: levels, contours: contours, descentIterates: descent,
                             function: f, gradient: gradient)
    }

    /// The figure as inline SVG.
    public static func svg(_ scene: PlotScene) -> String { SVGWriter().write(scene) }

    /// The figure as a `tikzpicture`.
    public static func tikz(_ scene: PlotScene) -> String { TikZWriter().write(scene) }
}

/// A plot request the figure cannot be drawn from.
public enum PlotProblem: Error, Hashable, Sendable {
    /// A window bound is infinite or NaN.
    case windowNotFinite
    /// `x in [A, A]`: the window has no width or no height.
    case emptyWindow
}
