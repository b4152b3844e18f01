/// The accessible name and description of a figure, generated from the math.
struct AltText {
    let title: String
    let description: String

    init(spec: PlotSpecification, levels: [Double], arrowsDrawn: Bool,
         descent: SceneDescentPath?, function f: @Sendable (Double, Double) -> Double) {
        let fx = "f(x, y) = \(spec.functionText)"
        title = "Contour plot of \(fx)"
        func n(_ v: Double) -> String { PageNumber.display(v) }
        func point(_ p: Point) -> String { "(\(n(p.x)), \(n(p.y)))" }

        var parts: [String] = []
        var window = "Contour plot of \(fx) for x from \(n(spec.xRange.lowerBound)) to \(n(spec.xRange.upperBound))"
        window += " and y from \(n(spec.yRange.lowerBound)) to \(n(spec.yRange.upperBound))"
        switch levels.count {
        case 0: window += ", with no level curves in the window."
        case 1: window += ", with the level curve f = \(n(levels[0]))."
        case 2...8:
            window += ", with level curves at f = " + levels.map(n).joined(separator: ", ") + ","
            window += " coloured from dark purple (low) to green (high)."
        default:
            window += ", with \(levels.count) level curves from f = \(n(levels[0])) to f = \(n(levels[levels.count - 1])),"
            window += " coloured from dark purple (low) to green (high)."
        }
        parts.append(window)
        if arrowsDrawn, let count = spec.fieldCount {
            parts.append("Arrows on a \(count) by \(count) grid show the gradient of f: each points uphill, "
                + "perpendicular to the level curve through its point, and is longer where f is steeper.")
        }
        if let d = descent, let request = spec.descent {
            let steps = d.iterates.count - 1
            var s = "A gradient-descent path starts at \(point(request.start)) with rate \(n(request.rate))"
            if let last = d.iterates.last {
                let value = f(last.x, last.y)
                s += " and after \(steps) step\(steps == 1 ? "" : "s") ends at \(point(last)), where f = \(n(value))"
            }
            if d.leavesWindow {
                s += "; it leaves the window after \(d.points.count - 1) step\(d.points.count == 2 ? "" : "s")"
            }
            parts.append(s + ".")
        }
        if !spec.marks.isEmpty {
            let list = spec.marks.map { "\($0.label) at \(point($0.point))" }.joined(separator: "; ")
            parts.append("Marked: \(list).")
        }
        description = parts.joined(separator: " ")
    }
}
