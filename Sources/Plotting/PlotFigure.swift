/// One call from a plot request to a finished scene: sample f, choose the levels, trace
/// the contours, run the descent, lay out the page.
public enum PlotFigure {
    /// The scene for `spec`, with f and ∇f as closures.
    ///
    /// Throws `ContourLevels.Problem` for an unusable explicit list or range of levels.
    public static func scene(
        _ spec: PlotSpecification,
        function f: @escaping @Sendable (Double, Double) -> Double,
        gradient: @escaping @Sendable (Double, Double) -> (Double, Double),
        builder: PlotSceneBuilder = PlotSceneBuilder()
    ) throws -> PlotScene {
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
