import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import Plotting

/// Invariants of the laid-out page: equal aspect, arrows perpendicular to the level
/// curves, texts apart from each other and from the arrows, deterministic layout.
@Suite struct SceneGeometryTests {
    @Test(arguments: SceneFixture.rendered)
    func frameHasEqualAspect(_ fixture: SceneFixture) throws {
        let scene = try fixture.scene()
        let sx = scene.frame.width / (fixture.spec.xRange.upperBound - fixture.spec.xRange.lowerBound)
        let sy = scene.frame.height / (fixture.spec.yRange.upperBound - fixture.spec.yRange.lowerBound)
        #expect(abs(sx - sy) < 1e-9)
        #expect(abs(sx - scene.scale) < 1e-9)
    }

    /// Each arrow near a level curve is checked against the tangent of the nearest contour
    /// segment, in page coordinates (where a reader sees the angle).
    @Test(arguments: SceneFixture.rendered)
    func arrowsArePerpendicularToNearbyLevelCurves(_ fixture: SceneFixture) throws {
        let scene = try fixture.scene()
        let segments = scene.levels.flatMap { level in
            level.lines.flatMap { line -> [(Point, Point)] in
                var s = Array(zip(line.points, line.points.dropFirst()))
                if line.isClosed, let a = line.points.last, let b = line.points.first { s.append((a, b)) }
                return s
            }
        }
        #expect(!scene.arrows.isEmpty)
        let cell = min(scene.frame.width, scene.frame.height) / Double(fixture.spec.fieldCount ?? 1)
        var checked = 0
        for arrow in scene.arrows {
            let centre = Point((arrow.tail.x + arrow.tip.x) / 2, (arrow.tail.y + arrow.tip.y) / 2)
            var best: (distance: Double, a: Point, b: Point)?
            for (a, b) in segments {
                let d = distance(centre, toSegment: a, b)
                if best == nil || d < best!.distance { best = (d, a, b) }
            }
            guard let nearest = best, nearest.distance < 0.15 * cell else { continue }
            let tx = nearest.b.x - nearest.a.x, ty = nearest.b.y - nearest.a.y
            let ax = arrow.tip.x - arrow.tail.x, ay = arrow.tip.y - arrow.tail.y
            let cosine = abs(tx * ax + ty * ay) / ((tx * tx + ty * ty).squareRoot() * (ax * ax + ay * ay).squareRoot())
            #expect(cosine < 0.1, "arrow at \(arrow.at) meets its level curve at \(acos(cosine) * 180 / .pi) degrees")
            checked += 1
        }
        #expect(checked >= 5, "only \(checked) arrows lie near a level curve")
    }

    @Test(arguments: SceneFixture.rendered)
    func arrowsFitTheirCells(_ fixture: SceneFixture) throws {
        let scene = try fixture.scene()
        let n = Double(fixture.spec.fieldCount ?? 1)
        let cell = min(scene.frame.width, scene.frame.height) / n
        for arrow in scene.arrows {
            let length = ((arrow.tip.x - arrow.tail.x) * (arrow.tip.x - arrow.tail.x)
                + (arrow.tip.y - arrow.tail.y) * (arrow.tip.y - arrow.tail.y)).squareRoot()
            #expect(length <= cell * 0.8 + 1e-9)
        }
        // Lengths are proportional to |∇f|: one ratio for every arrow.
        let ratios = scene.arrows.map { a in
            hypot(a.tip.x - a.tail.x, a.tip.y - a.tail.y) / hypot(a.gradient.x, a.gradient.y)
        }
        if let first = ratios.first {
            for r in ratios { #expect(abs(r - first) <= 1e-9 * first) }
        }
    }

    @Test(arguments: SceneFixture.rendered)
    func textsDoNotOverlapEachOtherOrArrows(_ fixture: SceneFixture) throws {
        let scene = try fixture.scene()
        let labels = scene.levelLabels
        #expect(!labels.isEmpty, "no level got a label")
        var texts = labels.map(\.box) + scene.marks.map(\.label.box)
        if let d = scene.descent { texts += [d.startLabel?.box, d.endLabel?.box].compactMap { $0 } }
        for i in texts.indices {
            for j in texts.indices where j > i {
                #expect(!texts[i].intersects(texts[j]), "texts \(i) and \(j) overlap")
            }
        }
        for label in labels {
            #expect(scene.frame.contains(label.box))
            for arrow in scene.arrows {
                let pieces = [(arrow.tail, arrow.tip), (arrow.tip, arrow.headLeft), (arrow.tip, arrow.headRight)]
                for (a, b) in pieces {
                    #expect(!ObstacleMap.segment(a, b, intersects: label.box),
                            "label \(label.text) covers the arrow at \(arrow.at)")
                }
            }
        }
    }

    @Test(arguments: SceneFixture.rendered)
    func levelLabelsSitOnTheirLines(_ fixture: SceneFixture) throws {
        let scene = try fixture.scene()
        for label in scene.levelLabels {
            let level = try #require(label.levelIndex.map { scene.levels[$0] })
            #expect(label.text == PageNumber.display(level.value))
            let near = level.lines.contains { line in
                zip(line.points, line.points.dropFirst()).contains { distance(label.position, toSegment: $0, $1) < 0.5 }
            }
            #expect(near, "label \(label.text) is not on a line of its level")
        }
    }

    @Test func layoutIsDeterministic() throws {
        let a = try SceneFixture.bowl.scene(), b = try SceneFixture.bowl.scene()
        #expect(SVGWriter().write(a) == SVGWriter().write(b))
        #expect(TikZWriter().write(a) == TikZWriter().write(b))
    }

    @Test func descentPathEndsNearTheMinimum() throws {
        let scene = try SceneFixture.bowl.scene()
        let path = try #require(scene.descent)
        #expect(path.iterates.count == 26)
        #expect(!path.leavesWindow)
        let end = try #require(path.iterates.last)
        #expect(hypot(end.x, end.y) < 0.02)
        #expect(scene.description.contains("after 25 steps ends at"))
    }

    @Test func pathLeavingTheWindowIsCut() throws {
        var spec = SceneFixture.bowl.spec
        spec.descent = DescentRequest(start: Point(1, 1), rate: 0.6, steps: 10)
        let scene = try PlotFigure.scene(spec, function: SceneFixture.bowl.f, gradient: SceneFixture.bowl.gradient)
        let path = try #require(scene.descent)
        #expect(path.leavesWindow)
        #expect(path.points.count < path.iterates.count)
        #expect(path.points.allSatisfy { scene.frame.contains($0) })
        #expect(scene.description.contains("leaves the window"))
    }

    @Test func colormapRunsDarkToLight() {
        let colors = Colormap.levelColors(count: 6)
        func luminance(_ c: UInt32) -> Double {
            0.2126 * Double((c >> 16) & 0xFF) + 0.7152 * Double((c >> 8) & 0xFF) + 0.0722 * Double(c & 0xFF)
        }
        #expect(colors.first == 0x440154)
        for (a, b) in zip(colors, colors.dropFirst()) { #expect(luminance(a) < luminance(b)) }
        #expect(Colormap.hex(0x1FA088) == "#1fa088")
    }

    @Test(arguments: [
        (0.0, 2, "0"), (-0.001, 2, "0"), (12.5, 2, "12.5"), (3, 2, "3"), (-0.25, 2, "-0.25"),
        (1.005, 1, "1"), (123.456, 2, "123.46"), (-7.999, 2, "-8"),
        (0.05, 2, "0.05"), (-0.5, 1, "-0.5"), (100, 2, "100"), (0.001, 3, "0.001"), (-1234.5678, 3, "-1234.568"),
        (10, 0, "10"), (-0.04, 1, "0"), (0.000123, 6, "0.000123"), (9.999999, 6, "9.999999"),
        // Too large for Int64 once scaled (a diverging descent path): mantissa and exponent.
        (2.5e30, 2, "2.5e30"), (-1.23456e19, 0, "-1.235e19"), (9.99996e20, 2, "1e21"),
    ])
    func fixedNumbers(_ value: Double, _ decimals: Int, _ expected: String) {
        #expect(PageNumber.fixed(value, decimals: decimals) == expected)
    }

    @Test func readableHugeNumbers() {
        #expect(PageNumber.readable(3.2e300) == "3.2e300")
        #expect(PageNumber.display(-4e16) == "\u{2212}4e16")
        #expect(PageNumber.readable(123_456) == "123456")
    }

    @Test func niceTicks() {
        #expect(NiceTicks.step(span: 6, target: 5) == 2)
        #expect(NiceTicks.values(low: -3, high: 3, step: 2) == [-2, 0, 2])
        #expect(NiceTicks.values(low: -1, high: 1, step: 0.5) == [-1, -0.5, 0, 0.5, 1])
        #expect(NiceTicks.decimals(for: 0.25) == 2)
    }
}

func distance(_ p: Point, toSegment a: Point, _ b: Point) -> Double {
    let dx = b.x - a.x, dy = b.y - a.y
    let len2 = dx * dx + dy * dy
    var t = len2 == 0 ? 0 : ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2
    t = min(1, max(0, t))
    return hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy))
}

/// Figures from awkward inputs still come out whole: undefined regions, no levels in
/// range, no field, a flat function, a path that starts where the gradient is undefined.
@Suite struct SceneRobustnessTests {
    @Test func undefinedRegionsAndOddRequests() throws {
        let spec = PlotSpecification(
            figureID: "fig-log", xRange: -2...2, yRange: -1...3, levels: .count(6), gridResolution: 61,
            fieldCount: 9, descent: DescentRequest(start: Point(-1, 1), rate: 0.1, steps: 5),
            marks: [PlotMark(point: Point(1, 1), label: "a <b> & \"c\"")],
            functionLaTeX: "\\ln(x y)", functionText: "ln(x y)")
        let scene = try PlotFigure.scene(spec, function: { x, y in log(x * y) },
                                         gradient: { x, y in (1 / x, 1 / y) })
        let svg = SVGWriter().write(scene)
        #expect(!svg.contains("NaN") && !svg.contains("nan") && !svg.contains("inf"))
        #expect(svg.contains("a &lt;b&gt; &amp; \"c\""))
        #expect(!scene.levels.isEmpty)
        // Arrows only where the gradient is finite (x y > 0 is not needed for 1/x, 1/y).
        #expect(scene.arrows.allSatisfy { $0.gradient.x.isFinite && $0.gradient.y.isFinite })
        let parser = XMLParser(data: Data(svg.utf8))
        #expect(parser.parse())
    }

    @Test func flatFunctionAndNoLevels() throws {
        let spec = PlotSpecification(
            figureID: "fig-flat", xRange: 0...1, yRange: 0...4, levels: .explicit([5]), gridResolution: 11,
            fieldCount: 5, functionLaTeX: "1", functionText: "1")
        let scene = try PlotFigure.scene(spec, function: { _, _ in 1 }, gradient: { _, _ in (0, 0) })
        #expect(scene.arrows.isEmpty)
        #expect(scene.levelLabels.isEmpty)
        #expect(abs(scene.frame.height - 320) < 1e-9 && abs(scene.frame.width - 80) < 1e-9)
        let svg = SVGWriter().write(scene)
        #expect(XMLParser(data: Data(svg.utf8)).parse())
        #expect(scene.description.contains("with no level curves in the window."))
        #expect(TikZWriter().write(scene).hasSuffix("\\end{tikzpicture}\n"))
    }

    @Test func badLevelRangeIsReported() {
        var spec = SceneFixture.bowl.spec
        spec.levels = .range(from: 1, to: 0, step: 1)
        #expect(throws: ContourLevels.Problem.self) {
            try PlotFigure.scene(spec, function: SceneFixture.bowl.f, gradient: SceneFixture.bowl.gradient)
        }
    }
}

@Suite struct SceneDescentDrawingTests {
    @Test(arguments: [(25, true), (100, true), (400, false)])
    func longPathsDropTheIterateDots(_ steps: Int, _ dotted: Bool) throws {
        var spec = SceneFixture.bowl.spec
        spec.descent = DescentRequest(start: Point(2.6, 2.2), rate: 0.01, steps: steps)
        let scene = try PlotFigure.scene(spec, function: SceneFixture.bowl.f, gradient: SceneFixture.bowl.gradient)
        let path = try #require(scene.descent)
        #expect(path.marksIterates == dotted)
        #expect(SVGWriter().write(scene).contains("class=\"cg-step\"") == dotted)
    }
}

@Suite struct SceneBoundsTests {
    /// Everything drawn lies inside the viewBox, even for a narrow frame with a wide legend.
    @Test(arguments: SceneFixture.rendered + [SceneFixture.narrow])
    func everythingFitsTheFigure(_ fixture: SceneFixture) throws {
        let scene = try fixture.scene()
        let page = PageRect(minX: 0, minY: 0, maxX: scene.width, maxY: scene.height)
        var boxes = scene.levelLabels.map(\.box) + scene.marks.map(\.label.box) + scene.legend.map(\.label.box)
        boxes += [scene.xAxisLabel.box, scene.yAxisLabel.box, scene.frame]
        for box in boxes { #expect(page.contains(box), "\(box) is outside the figure \(page)") }
    }
}

extension SceneFixture {
    static let narrow = SceneFixture(
        name: "narrow",
        spec: PlotSpecification(
            figureID: "fig-narrow", xRange: 0...1, yRange: 0...5, levels: .count(5), gridResolution: 41,
            fieldCount: 4, descent: DescentRequest(start: Point(0.5, 4), rate: 0.2, steps: 5),
            functionLaTeX: "x + y", functionText: "x + y"),
        f: { x, y in x + y },
        gradient: { _, _ in (1, 1) })
}

@Suite struct SceneWindowTests {
    @Test(arguments: [
        (-Double.infinity...1.0, 0.0...1.0, PlotProblem.windowNotFinite),
        (0.0...1.0, 2.0...2.0, PlotProblem.emptyWindow),
    ])
    func unusableWindowsAreRefused(_ x: ClosedRange<Double>, _ y: ClosedRange<Double>, _ problem: PlotProblem) {
        var spec = SceneFixture.bowl.spec
        spec.xRange = x; spec.yRange = y
        #expect(throws: problem) {
            try PlotFigure.scene(spec, function: SceneFixture.bowl.f, gradient: SceneFixture.bowl.gradient)
        }
    }

    @Test func builderSurvivesADegenerateWindow() {
        var spec = SceneFixture.bowl.spec
        spec.xRange = -Double.infinity...Double.infinity
        let scene = PlotSceneBuilder().build(spec: spec, levels: [1], contours: [], descentIterates: [Point(0, 0)],
                                             function: SceneFixture.bowl.f, gradient: SceneFixture.bowl.gradient)
        #expect(XMLParser(data: Data(SVGWriter().write(scene).utf8)).parse())
    }

    @Test func marksOutsideTheWindowAreLeftOut() throws {
        var spec = SceneFixture.bowl.spec
        spec.marks.append(PlotMark(point: Point(10, 0), label: "far"))
        let scene = try PlotFigure.scene(spec, function: SceneFixture.bowl.f, gradient: SceneFixture.bowl.gradient)
        #expect(scene.marks.map(\.label.text) == ["minimum"])
        #expect(!scene.description.contains("far"))
    }
}
