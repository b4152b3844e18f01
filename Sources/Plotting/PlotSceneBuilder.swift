/// Lays out a figure: frame, ticks, coloured level lines, labels, gradient arrows,
/// descent path, marks and legend, all in page units.
///
/// The builder takes the level values and traced contour lines from the caller (marching
/// squares lives elsewhere) and the function and gradient as closures; it does no parsing.
public struct PlotSceneBuilder: Sendable {
    /// Longest side of the frame in page units.
    public var frameSide: Double = 320
    /// Text size in page units.
    public var fontSize: Double = 11
    /// Longest arrow, as a fraction of its grid cell's shorter side.
    public var arrowFill: Double = 0.8
    /// Lines closer than this to a straight chord are simplified away (page units).
    public var simplifyTolerance: Double = 0.12

    /// Paths with more points than this are drawn without a dot per iterate.
    public static let maximumIterateDots = 101

    public init() {}

    /// Page geometry of the figure for `spec`.
    public func build(
        spec: PlotSpecification,
        levels: [Double],
        contours: [ContourLine],
        descentIterates: [Point]?,
        function f: @Sendable (Double, Double) -> Double,
        gradient: @Sendable (Double, Double) -> (Double, Double)
    ) -> PlotScene {
        let x0 = spec.xRange.lowerBound, x1 = spec.xRange.upperBound
        let y0 = spec.yRange.lowerBound, y1 = spec.yRange.upperBound
        // A degenerate window (PlotFigure refuses those) still lays out without trapping.
        let spanX = (x1 - x0).isFinite && x1 > x0 ? x1 - x0 : 1
        let spanY = (y1 - y0).isFinite && y1 > y0 ? y1 - y0 : 1
        let scale = frameSide / max(spanX, spanY)
        let frameW = spanX * scale, frameH = spanY * scale

        // Ticks first: their label widths decide the left margin.
        let (xStep, xValues) = NiceTicks.ticks(low: x0, high: x1, target: max(2, Int(frameW / 55)))
        let (yStep, yValues) = NiceTicks.ticks(low: y0, high: y1, target: max(2, Int(frameH / 45)))
        let xDecimals = NiceTicks.decimals(for: xStep), yDecimals = NiceTicks.decimals(for: yStep)
        func tickText(_ v: Double, _ d: Int) -> String {
            let s = PageNumber.fixed(v, decimals: d)
            return s.hasPrefix("-") ? "\u{2212}" + s.dropFirst() : s
        }
        let yTickTexts = yValues.map { tickText($0, yDecimals) }
        let yTickWidth = yTickTexts.map { textWidth($0) }.max() ?? 0
        let xTickTexts = xValues.map { tickText($0, xDecimals) }

        let tickLength = 4.0
        let left = (yTickWidth + tickLength + 4 + fontSize + 6).rounded(.up)
        let top = (fontSize * 0.6).rounded(.up)
        let lastXTick = xTickTexts.last.map { textWidth($0) / 2 } ?? 0
        let right = max(8, lastXTick + 2).rounded(.up)
        let frame = PageRect(minX: left, minY: top, maxX: left + frameW, maxY: top + frameH)

        let toPage = { (p: Point) -> Point in
            Point(frame.minX + (p.x - x0) * scale, frame.maxY - (p.y - y0) * scale)
        }

        let xTicks = zip(xValues, xTickTexts).map { v, t in
            Tick(position: toPage(Point(v, y0)).x, value: v, text: t, latex: LaTeXText.mathNumber(t))
        }
        let yTicks = zip(yValues, yTickTexts).map { v, t in
            Tick(position: toPage(Point(x0, v)).y, value: v, text: t, latex: LaTeXText.mathNumber(t))
        }
        let tickTextY = frame.maxY + tickLength + 3 + fontSize / 2
        let xAxisY = tickTextY + fontSize + 2
        let xAxisLabel = text("x", latex: "$x$", at: Point(frame.minX + frameW / 2, xAxisY), anchor: .middle)
        let yAxisLabel = text("y", latex: "$y$", at: Point(fontSize / 2 + 1, frame.minY + frameH / 2), anchor: .middle)

        var obstacles = ObstacleMap(area: frame.insetBy(-20))

        // Gradient arrows, on cell centres of an N x N grid.
        var arrows = spec.fieldCount.map { makeArrows(count: $0, spec: spec, toPage: toPage, gradient: gradient) } ?? []
        for (k, a) in arrows.enumerated() {
            let owner = ObstacleMap.arrowOwner(k)
            obstacles.addSegment(a.tail, a.tip, owner: owner)
            obstacles.addSegment(a.tip, a.headLeft, owner: owner)
            obstacles.addSegment(a.tip, a.headRight, owner: owner)
            obstacles.addSegment(a.headLeft, a.headRight, owner: owner)
        }

        // Descent path, cut where it leaves the window.
        var pathPage: [Point] = []
        var leaves = false
        if let iterates = descentIterates {
            for p in iterates {
                guard p.x.isFinite, p.y.isFinite, spec.xRange.contains(p.x), spec.yRange.contains(p.y) else {
                    leaves = true
                    break
                }
                pathPage.append(toPage(p))
            }
            for (a, b) in zip(pathPage, pathPage.dropFirst()) { obstacles.addSegment(a, b) }
            for p in pathPage { obstacles.addBox(square(p, 4)) }
        }
        // Marks outside the window are not drawn (the alt text leaves them out too).
        let visibleMarks = spec.marks.filter { spec.xRange.contains($0.point.x) && spec.yRange.contains($0.point.y) }
        for m in visibleMarks { obstacles.addBox(square(toPage(m.point), 4)) }

        // Mark labels, then the path's start and end labels, each at the first free spot
        // around its point.
        var marks: [SceneMark] = []
        for m in visibleMarks {
            let p = toPage(m.point)
            let label = placeNear(p, text: m.label, latex: LaTeXText.escape(m.label), frame: frame, obstacles: &obstacles,
                                  required: true)!
            obstacles.addBox(label.box)
            marks.append(SceneMark(point: p, at: m.point, label: label))
        }
        var descent: SceneDescentPath?
        if let iterates = descentIterates, let first = pathPage.first, let last = pathPage.last {
            let startLabel = placeNear(first, text: "start", latex: "start", frame: frame, obstacles: &obstacles,
                                       required: false)
            if let box = startLabel?.box { obstacles.addBox(box) }
            let endLabel = placeNear(last, text: "end", latex: "end", frame: frame, obstacles: &obstacles,
                                     required: false)
            if let box = endLabel?.box { obstacles.addBox(box) }
            descent = SceneDescentPath(points: pathPage, iterates: iterates, leavesWindow: leaves,
                                       marksIterates: pathPage.count <= PlotSceneBuilder.maximumIterateDots,
                                       startLabel: startLabel, endLabel: endLabel)
        }

        // Level lines, grouped by level, coloured low to high.
        let sortedLevels = Array(Set(levels.filter(\.isFinite))).sorted()
        let colors = Colormap.levelColors(count: sortedLevels.count)
        var sceneLevels = zip(sortedLevels, colors).map { SceneLevel(value: $0, color: $1, lines: []) }
        // Lines in a stable order: by level, then by their first point, then by length.
        let orderedContours = contours.filter { $0.points.count >= 2 }.sorted { a, b in
            if a.level != b.level { return a.level < b.level }
            let pa = a.points[0], pb = b.points[0]
            if pa.x != pb.x { return pa.x < pb.x }
            if pa.y != pb.y { return pa.y < pb.y }
            return a.points.count < b.points.count
        }
        var lineOwners: [(level: Int, line: Int)] = []
        for c in orderedContours {
            guard let li = nearestLevelIndex(c.level, in: sortedLevels) else { continue }
            let page = simplify(c.points.map(toPage), closed: c.isClosed)
            guard page.count >= 2 else { continue }
            sceneLevels[li].lines.append(ScenePolyline(points: page, isClosed: c.isClosed))
            lineOwners.append((li, sceneLevels[li].lines.count - 1))
        }
        for (owner, ref) in lineOwners.enumerated() {
            let line = sceneLevels[ref.level].lines[ref.line]
            for (a, b) in segments(of: line) { obstacles.addSegment(a, b, owner: owner) }
        }

        let labels = placeLevelLabels(levels: sceneLevels, owners: lineOwners, frame: frame, obstacles: &obstacles)
        // Arrows given up so that a level could be labelled at all.
        let removedArrows = Set(obstacles.removedOwners.compactMap { ObstacleMap.arrowIndex(owner: $0) })
        arrows = arrows.enumerated().filter { !removedArrows.contains($0.offset) }.map(\.element)

        // Legend rows under the x axis name; the figure widens if a row needs it.
        var legendKinds: [LegendEntry.Kind] = []
        if !sceneLevels.isEmpty { legendKinds.append(.levels) }
        if !arrows.isEmpty { legendKinds.append(.arrow) }
        if descent != nil { legendKinds.append(.path) }
        let legend = layLegend(legendKinds, left: frame.minX, top: xAxisY + fontSize + 6,
                               width: frame.maxX + right - frame.minX)
        let legendRight = legend.map(\.label.box.maxX).max() ?? 0
        let figureWidth = max(frame.maxX + right, legendRight + 2)
        let bottom = (legend.last.map { $0.label.position.y + fontSize / 2 } ?? xAxisY + fontSize / 2) + 4

        // The description names only the levels that appear in the window.
        let drawnLevels = sceneLevels.filter { !$0.lines.isEmpty }.map(\.value)
        let alt = AltText(spec: spec, levels: drawnLevels, arrowsDrawn: !arrows.isEmpty,
                          descent: descent, marks: visibleMarks, function: f)
        return PlotScene(
            figureID: spec.figureID,
            width: figureWidth.rounded(.up), height: bottom.rounded(.up),
            frame: frame, scale: scale,
            xTicks: xTicks, yTicks: yTicks,
            xAxisLabel: xAxisLabel, yAxisLabel: yAxisLabel,
            levels: sceneLevels, levelLabels: labels,
            arrows: arrows, descent: descent, marks: marks, legend: legend,
            title: alt.title, description: spec.altText ?? alt.description,
            fontSize: fontSize
        )
    }

    /// Legend entries left to right from (`left`, `top`), wrapping to a new row when an
    /// entry would pass `width`.
    private func layLegend(_ kinds: [LegendEntry.Kind], left: Double, top: Double, width: Double) -> [LegendEntry] {
        var legend: [LegendEntry] = []
        var cursorX = left
        var rowY = top
        let sampleWidth = 24.0
        for kind in kinds {
            let (plain, latex): (String, String)
            switch kind {
            case .levels: (plain, latex) = ("level sets of f", "level sets of $f$")
            case .arrow: (plain, latex) = ("gradient \u{2207}f", "gradient $\\nabla f$")
            case .path: (plain, latex) = ("gradient descent", "gradient descent")
            }
            let entryWidth = sampleWidth + 5 + textWidth(plain)
            if cursorX + entryWidth > left + width - 2 && cursorX > left {
                cursorX = left
                rowY += fontSize + 6
            }
            let sample = PageRect(minX: cursorX, minY: rowY - 4, maxX: cursorX + sampleWidth, maxY: rowY + 4)
            let label = text(plain, latex: latex, at: Point(cursorX + sampleWidth + 5, rowY), anchor: .start)
            legend.append(LegendEntry(kind: kind, sample: sample, label: label))
            cursorX += entryWidth + 14
        }
        return legend
    }

    // MARK: Text boxes

    /// Estimated advance width of `s` at `fontSize`, erring wide: digits in common
    /// sans-serif faces are 0.55 to 0.64 em, and a box too large only costs a label spot.
    func textWidth(_ s: String) -> Double {
        var w = 0.0
        for ch in s {
            switch ch {
            case "i", "l", "j", ".", ",", ":", ";", "'", "I": w += 0.3
            case "t", "f", "r", "(", ")", " ": w += 0.4
            case "m", "w", "M", "W": w += 0.92
            case "\u{2212}", "-": w += 0.72
            default: w += ch.isUppercase ? 0.7 : 0.62
            }
        }
        return w * fontSize
    }

    func text(_ plain: String, latex: String, at p: Point, anchor: TextAnchor, levelIndex: Int? = nil) -> SceneText {
        let w = textWidth(plain), h = fontSize
        let minX: Double
        switch anchor {
        case .start: minX = p.x
        case .middle: minX = p.x - w / 2
        case .end: minX = p.x - w
        }
        let box = PageRect(minX: minX - 1.5, minY: p.y - h / 2 - 1, maxX: minX + w + 1.5, maxY: p.y + h / 2 + 1)
        return SceneText(text: plain, latex: latex, position: p, anchor: anchor, box: box, levelIndex: levelIndex)
    }

    private func square(_ p: Point, _ r: Double) -> PageRect {
        PageRect(minX: p.x - r, minY: p.y - r, maxX: p.x + r, maxY: p.y + r)
    }

    /// The first free spot inside the frame for a text next to `p`, trying eight
    /// directions around it, then one that hides a single arrow (which is left out). A
    /// `required` text with neither goes to the first spot inside the frame (or the first
    /// spot at all); an optional one is dropped.
    private func placeNear(_ p: Point, text plain: String, latex: String, frame: PageRect,
                           obstacles: inout ObstacleMap, required: Bool) -> SceneText? {
        let gap = 6.0, dy = fontSize / 2 + 3
        let candidates: [(Double, Double, TextAnchor)] = [
            (gap, -dy, .start), (gap, dy, .start), (-gap, -dy, .end), (-gap, dy, .end),
            (gap + 2, 0, .start), (-gap - 2, 0, .end), (0, -dy - 3, .middle), (0, dy + 3, .middle),
        ]
        let texts = candidates.map { dx, dyy, anchor in
            text(plain, latex: latex, at: Point(p.x + dx, p.y + dyy), anchor: anchor)
        }
        let inside = texts.filter { frame.insetBy(1).contains($0.box) }
        // Free and inside; else inside, hiding one arrow; else (if required) inside over
        // whatever is there, or the first spot.
        if let free = inside.first(where: { !obstacles.collides($0.box, ignoringOwner: ObstacleMap.noOwner) }) {
            return free
        }
        for t in inside {
            guard let blocking = obstacles.arrowsBlocking(t.box, ignoringOwner: ObstacleMap.noOwner),
                  blocking.count <= 1 else { continue }
            for arrow in blocking { obstacles.removedOwners.insert(ObstacleMap.arrowOwner(arrow)) }
            return t
        }
        return required ? (inside.first ?? texts[0]) : nil
    }

    // MARK: Arrows

    private func makeArrows(count n: Int, spec: PlotSpecification, toPage: (Point) -> Point,
                            gradient: @Sendable (Double, Double) -> (Double, Double)) -> [SceneArrow] {
        guard n > 0 else { return [] }
        let x0 = spec.xRange.lowerBound, y0 = spec.yRange.lowerBound
        let cellX = (spec.xRange.upperBound - x0) / Double(n)
        let cellY = (spec.yRange.upperBound - y0) / Double(n)
        var samples: [(Point, Double, Double)] = []
        var largest = 0.0
        for j in 0..<n {
            for i in 0..<n {
                let p = Point(x0 + (Double(i) + 0.5) * cellX, y0 + (Double(j) + 0.5) * cellY)
                let (gx, gy) = gradient(p.x, p.y)
                guard gx.isFinite, gy.isFinite else { continue }
                samples.append((p, gx, gy))
                largest = max(largest, (gx * gx + gy * gy).squareRoot())
            }
        }
        guard largest > 0 else { return [] }
        let centre0 = toPage(Point(x0, y0)), centre1 = toPage(Point(x0 + cellX, y0 + cellY))
        let cellPage = min(abs(centre1.x - centre0.x), abs(centre1.y - centre0.y))
        let longest = cellPage * arrowFill
        var arrows: [SceneArrow] = []
        for (p, gx, gy) in samples {
            let magnitude = (gx * gx + gy * gy).squareRoot()
            let length = longest * magnitude / largest
            // Shorter than this an arrow is a speck; the alt text and docs say so.
            guard length >= 1.5 else { continue }
            // Page y points down, so the gradient's y component flips.
            let ux = gx / magnitude, uy = -gy / magnitude
            let c = toPage(p)
            let tail = Point(c.x - ux * length / 2, c.y - uy * length / 2)
            let tip = Point(c.x + ux * length / 2, c.y + uy * length / 2)
            let head = min(5.0, length * 0.45)
            let halfWidth = head * 0.45
            let back = Point(tip.x - ux * head, tip.y - uy * head)
            let left = Point(back.x - uy * halfWidth, back.y + ux * halfWidth)
            let right = Point(back.x + uy * halfWidth, back.y - ux * halfWidth)
            arrows.append(SceneArrow(tail: tail, shaftEnd: Point(tip.x - ux * head * 0.6, tip.y - uy * head * 0.6),
                                     tip: tip, headLeft: left, headRight: right,
                                     at: p, gradient: Point(gx, gy)))
        }
        return arrows
    }

    // MARK: Level lines

    private func nearestLevelIndex(_ v: Double, in levels: [Double]) -> Int? {
        var best: Int?
        var bestDistance = Double.infinity
        for (i, l) in levels.enumerated() where abs(l - v) < bestDistance {
            best = i; bestDistance = abs(l - v)
        }
        guard let b = best, bestDistance <= 1e-9 * max(1, abs(v)) else { return nil }
        return b
    }

    private func segments(of line: ScenePolyline) -> [(Point, Point)] {
        var out = Array(zip(line.points, line.points.dropFirst()))
        if line.isClosed, let f = line.points.first, let l = line.points.last { out.append((l, f)) }
        return out
    }

    /// Douglas–Peucker with an explicit stack: drops vertices within `simplifyTolerance`
    /// of the chord, which keeps the drawing identical to the eye and the file small.
    func simplify(_ points: [Point], closed: Bool) -> [Point] {
        guard points.count > 2, simplifyTolerance > 0 else { return points }
        var pts = points
        if closed { pts.append(points[0]) }
        var keep = [Bool](repeating: false, count: pts.count)
        keep[0] = true; keep[pts.count - 1] = true
        if closed {
            // A loop's chord from a vertex to itself is degenerate: split at the far vertex.
            var far = 0, farD = -1.0
            for (i, p) in pts.enumerated() {
                let d = (p.x - pts[0].x) * (p.x - pts[0].x) + (p.y - pts[0].y) * (p.y - pts[0].y)
                if d > farD { farD = d; far = i }
            }
            keep[far] = true
        }
        var stack: [(Int, Int)] = []
        var previous = 0
        for i in 1..<pts.count where keep[i] { stack.append((previous, i)); previous = i }
        let tol2 = simplifyTolerance * simplifyTolerance
        while let (a, b) = stack.popLast() {
            guard b > a + 1 else { continue }
            let pa = pts[a], pb = pts[b]
            let dx = pb.x - pa.x, dy = pb.y - pa.y
            let len2 = dx * dx + dy * dy
            var worst = -1, worstD = tol2
            for i in (a + 1)..<b {
                let p = pts[i]
                var d: Double
                if len2 == 0 {
                    d = (p.x - pa.x) * (p.x - pa.x) + (p.y - pa.y) * (p.y - pa.y)
                } else {
                    let cross = (p.x - pa.x) * dy - (p.y - pa.y) * dx
                    d = cross * cross / len2
                }
                if d > worstD { worstD = d; worst = i }
            }
            if worst >= 0 {
                keep[worst] = true
                stack.append((a, worst)); stack.append((worst, b))
            }
        }
        var out: [Point] = []
        for (i, p) in pts.enumerated() where keep[i] { out.append(p) }
        if closed { out.removeLast() }
        return out
    }

    // MARK: Level labels

    /// Greedy placement: longer lines first within each level, one label per line, at most
    /// two per level; each label sits centred on its line at the candidate closest to the
    /// middle of the line whose box touches no other text, arrow, path or other line.
    private func placeLevelLabels(levels: [SceneLevel], owners: [(level: Int, line: Int)],
                                  frame: PageRect, obstacles: inout ObstacleMap) -> [SceneText] {
        var placed: [SceneText] = []
        let inner = frame.insetBy(2)
        for (li, level) in levels.enumerated() {
            let plain = PageNumber.display(level.value)
            let latex = LaTeXText.mathNumber(plain)
            let labelWidth = textWidth(plain) + 3
            // Owners of this level's lines, longest first (ties by drawing order).
            var candidatesLines: [(owner: Int, length: Double)] = []
            for (owner, ref) in owners.enumerated() where ref.level == li {
                candidatesLines.append((owner, arcLength(level.lines[ref.line])))
            }
            candidatesLines.sort { $0.length != $1.length ? $0.length > $1.length : $0.owner < $1.owner }
            var count = 0
            let labelled = candidatesLines.filter { $0.length >= 3 * labelWidth }
            for (owner, length) in labelled where count < 2 {
                let line = levels[li].lines[owners[owner].line]
                for spot in spotsAlong(line, spacing: 3, total: length) {
                    let t = text(plain, latex: latex, at: spot, anchor: .middle, levelIndex: li)
                    guard inner.contains(t.box) else { continue }
                    guard !obstacles.collides(t.box.insetBy(-1), ignoringOwner: owner) else { continue }
                    placed.append(t)
                    obstacles.addBox(t.box)
                    count += 1
                    break
                }
            }
            // A level with no free spot anywhere: on its longest line, take the spot that
            // hides a single arrow (the arrow is left out; every other rule still holds).
            if count == 0, let (owner, length) = labelled.first {
                let line = levels[li].lines[owners[owner].line]
                for spot in spotsAlong(line, spacing: 3, total: length) {
                    let t = text(plain, latex: latex, at: spot, anchor: .middle, levelIndex: li)
                    guard inner.contains(t.box),
                          let blocking = obstacles.arrowsBlocking(t.box.insetBy(-1), ignoringOwner: owner),
                          blocking.count <= 1
                    else { continue }
                    for arrow in blocking { obstacles.removedOwners.insert(ObstacleMap.arrowOwner(arrow)) }
                    placed.append(t)
                    obstacles.addBox(t.box)
                    break
                }
            }
        }
        return placed
    }

    private func arcLength(_ line: ScenePolyline) -> Double {
        segments(of: line).reduce(0) { $0 + hypot($1.0, $1.1) }
    }

    private func hypot(_ a: Point, _ b: Point) -> Double {
        ((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y)).squareRoot()
    }

    /// Points every `spacing` along the line, ordered by distance (in arc length) from the
    /// middle of the line, so labels prefer the middle and move out only when crowded.
    private func spotsAlong(_ line: ScenePolyline, spacing: Double, total: Double) -> [Point] {
        var spots: [(Double, Point)] = []
        var travelled = 0.0
        var next = spacing / 2
        for (a, b) in segments(of: line) {
            let len = hypot(a, b)
            while len > 0 && next <= travelled + len {
                let t = (next - travelled) / len
                spots.append((next, Point(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t)))
                next += spacing
            }
            travelled += len
        }
        let middle = total / 2
        return spots.enumerated().sorted { lhs, rhs in
            let dl = abs(lhs.element.0 - middle), dr = abs(rhs.element.0 - middle)
            return dl != dr ? dl < dr : lhs.offset < rhs.offset
        }.map { $0.element.1 }
    }
}
