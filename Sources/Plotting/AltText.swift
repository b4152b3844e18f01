/// The accessible name and description of a figure, generated from the math.
struct AltText {
    let title: String
    let description: String

    init(spec: PlotSpecification, levels: [Double], arrowsDrawn: Bool, descent: SceneDescentPath?,
         marks: [PlotMark], function value: @Sendable (Double, Double) -> Double) {
        let name = spec.functionName, x = spec.variableNames.x, y = spec.variableNames.y
        let fx = "\(name)(\(x), \(y)) = \(spec.functionText)"
        title = "Contour plot of \(fx)"
        func n(_ v: Double, significant: Int = 4) -> String { PageNumber.display(v, significant: significant) }
        // Coordinates to a thousandth of the window: finer digits are noise to a listener.
        let span = max(spec.xRange.upperBound - spec.xRange.lowerBound, spec.yRange.upperBound - spec.yRange.lowerBound)
        let decimals = span > 0 && span.isFinite ? max(0, min(6, 3 - Int(span.log10Floor))) : 3
        func coordinate(_ v: Double) -> String {
            let s = PageNumber.fixed(v, decimals: decimals)
            return s.hasPrefix("-") ? "\u{2212}" + s.dropFirst() : s
        }
        func point(_ p: Point) -> String { "(\(coordinate(p.x)), \(coordinate(p.y)))" }

        var parts: [String] = []
        var window = "Contour plot of \(fx) for \(x) from \(n(spec.xRange.lowerBound)) to \(n(spec.xRange.upperBound))"
        window += " and \(y) from \(n(spec.yRange.lowerBound)) to \(n(spec.yRange.upperBound))"
        switch levels.count {
        case 0: window += ", with no level curves in the window."
        case 1: window += ", with the level curve \(name) = \(n(levels[0]))."
        case 2...8:
            window += ", with level curves at \(name) = " + levels.map { n($0) }.joined(separator: ", ") + ","
            window += " coloured from dark purple (low) to green (high)."
        default:
            window += ", with \(levels.count) level curves from \(name) = \(n(levels[0])) to \(name) = \(n(levels[levels.count - 1])),"
            window += " coloured from dark purple (low) to green (high)."
        }
        parts.append(window)
        if arrowsDrawn, let count = spec.fieldCount {
            parts.append("Arrows on a \(count) by \(count) grid show the gradient of \(name): each points uphill, "
                + "perpendicular to the level curve through its point, and is longer where f is steeper.")
        }
        if let d = descent, let request = spec.descent {
            let steps = d.iterates.count - 1
            var s = "A gradient-descent path, stepping against the gradient (downhill), starts at \(point(request.start)) with rate \(n(request.rate))"
            if let last = d.iterates.last {
                let end = value(last.x, last.y)
                s += " and after \(steps) step\(steps == 1 ? "" : "s") ends at \(point(last)), where \(name) = \(n(end, significant: 3))"
            }
            if d.leavesWindow {
                s += "; it leaves the window after \(d.points.count - 1) step\(d.points.count == 2 ? "" : "s")"
            }
            parts.append(s + ".")
        }
        if !marks.isEmpty {
            let list = marks.map { "\($0.label) at \(point($0.point))" }.joined(separator: "; ")
            parts.append("Marked: \(list).")
        }
        description = parts.joined(separator: " ")
    }
}
