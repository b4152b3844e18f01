import Plotting

/// `plotbench figure`: the whole figure of a `calc plot` block, from closures to SVG text.
///
/// The timed work is what a lesson build does per figure: sample f on the plot's grid,
/// choose 12 levels, trace them, compute a 13x13 gradient field and a 25-step descent
/// path, lay out the scene and write the SVG. Prints one JSON line per figure with the
/// levels and the path, so the matplotlib side draws the same picture.
enum FigureBenchmark {
    /// A figure: the function and where its descent path starts.
    struct Figure {
        var function: BenchFunction
        var start: Point
        var rate: Double
    }

    static let figures: [Figure] = [
        Figure(function: BenchFunction.all[0], start: Point(2.6, 2.2), rate: 0.1),
        Figure(function: BenchFunction.all[1], start: Point(0.4, 0.6), rate: 0.3),
        Figure(function: BenchFunction.all[2], start: Point(0.2, -0.3), rate: 0.5),
    ]

    static func specification(_ figure: Figure) -> PlotSpecification {
        PlotSpecification(
            figureID: "fig-\(figure.function.name)",
            xRange: figure.function.x,
            yRange: figure.function.y,
            levels: .count(12),
            fieldCount: 13,
            descent: DescentRequest(start: figure.start, rate: figure.rate, steps: 25),
            marks: [PlotMark(point: Point(0, 0), label: "origin")],
            caption: "Level sets, gradient field and a descent path.",
            functionLaTeX: figure.function.formula,
            functionText: figure.function.formula)
    }

    static func run() throws {
        for figure in figures {
            let spec = specification(figure)
            let function = figure.function
            var svg = ""
            let timing = Stopwatch.time(minimumRuns: 10, minimumSeconds: 0.5) {
                let scene = try! PlotFigure.scene(spec, function: function.f, gradient: function.gradient)
                svg = PlotFigure.svg(scene)
            }
            // The same levels and path the figure used, for the other side to draw.
            let n = spec.gridResolution
            let grid = SampledGrid.sample(function.f, x: spec.xRange, y: spec.yRange, nx: n, ny: n)
            let levels = ContourLevels.nice(count: 12, for: grid)
            let path = DescentPath.iterate(start: figure.start, rate: figure.rate, steps: 25, gradient: function.gradient)
            let fields = [
                "\"function\": \"\(function.name)\"",
                "\"formula\": \"\(function.formula)\"",
                "\"x\": [\(spec.xRange.lowerBound), \(spec.xRange.upperBound)]",
                "\"y\": [\(spec.yRange.lowerBound), \(spec.yRange.upperBound)]",
                "\"grid\": \(n)",
                "\"field\": 13",
                "\"levels\": [\(levels.map { "\($0)" }.joined(separator: ", "))]",
                "\"path\": [\(path.points.map { "[\($0.x), \($0.y)]" }.joined(separator: ", "))]",
                "\"best_seconds\": \(timing.best)",
                "\"median_seconds\": \(timing.median)",
                "\"runs\": \(timing.runs)",
                "\"svg_bytes\": \(svg.utf8.count)",
            ]
            print("{" + fields.joined(separator: ", ") + "}")
        }
    }
}
