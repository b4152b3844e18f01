import Foundation
import Testing
@testable import Plotting

/// The figures the golden, geometry and rendering tests share, with f and ∇f written out.
struct SceneFixture: Sendable, CustomTestStringConvertible {
    var name: String
    var spec: PlotSpecification
    var f: @Sendable (Double, Double) -> Double
    var gradient: @Sendable (Double, Double) -> (Double, Double)
    var testDescription: String { name }

    func scene() throws -> PlotScene {
        try PlotFigure.scene(spec, function: f, gradient: gradient)
    }

    static let bowl = SceneFixture(
        name: "bowl",
        spec: PlotSpecification(
            figureID: "fig-bowl", xRange: -3...3, yRange: -3...3, levels: .count(12),
            fieldCount: 13, descent: DescentRequest(start: Point(2.6, 2.2), rate: 0.1, steps: 25),
            marks: [PlotMark(point: Point(0, 0), label: "minimum")],
            caption: "Level sets of $f$, its gradient field, and a gradient-descent path.",
            functionLaTeX: "x^{2} + 2 y^{2}", functionText: "x^2 + 2 y^2"),
        f: { x, y in x * x + 2 * y * y },
        gradient: { x, y in (2 * x, 4 * y) })

    static let waves = SceneFixture(
        name: "waves",
        spec: PlotSpecification(
            figureID: "fig-waves", xRange: -3...3, yRange: -3...3, levels: .count(8),
            fieldCount: 13, marks: [PlotMark(point: Point(Double.pi / 2, 0), label: "max")],
            functionLaTeX: "\\sin x \\cos y", functionText: "sin x cos y"),
        f: { x, y in sin(x) * cos(y) },
        gradient: { x, y in (cos(x) * cos(y), -sin(x) * sin(y)) })

    static let hills = SceneFixture(
        name: "hills",
        spec: PlotSpecification(
            figureID: "fig-hills", xRange: -2...2, yRange: -2...2, levels: .count(10),
            fieldCount: 13, descent: DescentRequest(start: Point(0.25, -0.2), rate: 0.4, steps: 30),
            functionLaTeX: "x y e^{-x^{2}-y^{2}}", functionText: "x y e^(−x^2 − y^2)"),
        f: { x, y in x * y * exp(-x * x - y * y) },
        gradient: { x, y in
            let e = exp(-x * x - y * y)
            return (y * (1 - 2 * x * x) * e, x * (1 - 2 * y * y) * e)
        })

    static let saddle = SceneFixture(
        name: "saddle",
        spec: PlotSpecification(
            figureID: "fig-saddle", xRange: -2...2, yRange: -2...2, levels: .count(8),
            fieldCount: 11, marks: [PlotMark(point: Point(0, 0), label: "saddle")],
            functionLaTeX: "x^{2} - y^{2}", functionText: "x^2 − y^2"),
        f: { x, y in x * x - y * y },
        gradient: { x, y in (2 * x, -2 * y) })

    static let all: [SceneFixture] = [bowl, waves, hills, saddle]

    /// A wide window with rectangular field cells and an undefined region: rendered and
    /// checked for invariants, not kept as a golden file.
    static let ridge = SceneFixture(
        name: "ridge",
        spec: PlotSpecification(
            figureID: "fig-ridge", xRange: -6...6, yRange: -1.5...1.5, levels: .count(8),
            fieldCount: 10, descent: DescentRequest(start: Point(-4, 1.2), rate: 0.3, steps: 40),
            marks: [PlotMark(point: Point(-Double.pi / 2, 0), label: "min_1 & 50% {#}")],
            functionLaTeX: "\\sin x + y^{2}", functionText: "sin x + y^2"),
        f: { x, y in x > 5 ? .nan : sin(x) + y * y },
        gradient: { x, y in x > 5 ? (.nan, .nan) : (cos(x), 2 * y) })

    static let rendered: [SceneFixture] = all + [ridge]
}

/// Paths of the package, found from this file's location.
enum PackagePaths {
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let golden = root.appendingPathComponent("Tests/PlottingTests/Golden")
    static let artifacts = root.appendingPathComponent("TestArtifacts/plotting")
}
