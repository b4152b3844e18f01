/// Writes a `PlotScene` as an inline SVG element.
///
/// The element has a `viewBox` and no fixed size (the page's CSS sizes it), `role="img"`
/// and `aria-labelledby` pointing at its `<title>` and `<desc>`. Every id starts with the
/// figure id, so several figures on one page never collide. Colours come from CSS classes
/// in a `<style>` scoped to the figure, each through a custom property with a default
/// (`var(--cg-fg,#222)`), so a site theme recolours figures by setting those properties.
public struct SVGWriter: Sendable {
    public init() {}

    /// The id of the `<svg>` element for a figure id (the figure id itself is left for the
    /// surrounding `<figure>`).
    public static func rootID(_ figureID: String) -> String { figureID + "-plot" }

    public func write(_ scene: PlotScene) -> String {
        let root = SVGWriter.rootID(scene.figureID)
        let fs = scene.fontSize
        // Text is vertically centred on its position: the baseline sits about 0.35 em below.
        let baseline = fs * 0.35
        var o = ""
        o += "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(n(scene.width)) \(n(scene.height))\""
        o += " class=\"cg-plot\" id=\"\(attr(root))\" role=\"img\""
        o += " aria-labelledby=\"\(attr(root))-title \(attr(root))-desc\">\n"
        o += "<title id=\"\(attr(root))-title\">\(text(scene.title))</title>\n"
        o += "<desc id=\"\(attr(root))-desc\">\(text(scene.description))</desc>\n"
        o += style(scene, scope: "#" + cssIdent(root))

        // Level lines, one path per level.
        o += "<g class=\"cg-level\">\n"
        for (i, level) in scene.levels.enumerated() where !level.lines.isEmpty {
            var d = PathData()
            for line in level.lines {
                guard let first = line.points.first else { continue }
                d.move(to: first)
                for p in line.points.dropFirst() { d.line(to: p) }
                if line.isClosed { d.close() }
            }
            o += "<path class=\"cg-l\(i)\" d=\"\(d.text)\"/>\n"
        }
        o += "</g>\n"

        // Frame and ticks, over the ends of the level lines.
        let f = scene.frame
        var ticks = PathData()
        for t in scene.xTicks { ticks.move(to: Point(t.position, f.maxY)); ticks.line(to: Point(t.position, f.maxY + 4)) }
        for t in scene.yTicks { ticks.move(to: Point(f.minX, t.position)); ticks.line(to: Point(f.minX - 4, t.position)) }
        o += "<g class=\"cg-axis\"><rect x=\"\(n(f.minX))\" y=\"\(n(f.minY))\" width=\"\(n(f.width))\" height=\"\(n(f.height))\"/>"
        o += "<path d=\"\(ticks.text)\"/></g>\n"
        o += "<g class=\"cg-text\" text-anchor=\"middle\">"
        let xTickY = f.maxY + 4 + 3 + fs / 2 + baseline
        for t in scene.xTicks { o += "<text x=\"\(n(t.position))\" y=\"\(n(xTickY))\">\(text(t.text))</text>" }
        o += textElement(scene.xAxisLabel, baseline: baseline, anchorDefault: .middle, extraClass: "cg-name")
        o += textElement(scene.yAxisLabel, baseline: baseline, anchorDefault: .middle, extraClass: "cg-name")
        o += "</g>\n<g class=\"cg-text\" text-anchor=\"end\">"
        for t in scene.yTicks { o += "<text x=\"\(n(f.minX - 6))\" y=\"\(n(t.position + baseline))\">\(text(t.text))</text>" }
        o += "</g>\n"

        // Gradient arrows: all shafts in one path, all heads in another.
        if !scene.arrows.isEmpty {
            var shafts = PathData(), heads = PathData()
            for a in scene.arrows {
                shafts.move(to: a.tail); shafts.line(to: a.shaftEnd)
                heads.move(to: a.tip); heads.line(to: a.headLeft); heads.line(to: a.headRight); heads.close()
            }
            o += "<g class=\"cg-arrow\"><path class=\"cg-shaft\" d=\"\(shafts.text)\"/><path class=\"cg-head\" d=\"\(heads.text)\"/></g>\n"
        }

        // Descent path with its iterates, start (hollow) and end (filled).
        if let path = scene.descent, let start = path.points.first, let end = path.points.last {
            var d = PathData()
            d.move(to: start)
            for p in path.points.dropFirst() { d.line(to: p) }
            o += "<g class=\"cg-path\"><path d=\"\(d.text)\"/>"
            var dots = PathData()
            for p in path.points.dropFirst().dropLast() where path.marksIterates { dots.move(to: p); dots.line(to: p) }
            if !dots.isEmpty { o += "<path class=\"cg-step\" d=\"\(dots.text)\"/>" }
            o += "<circle class=\"cg-start\" cx=\"\(n(start.x))\" cy=\"\(n(start.y))\" r=\"3.5\"/>"
            o += "<circle class=\"cg-end\" cx=\"\(n(end.x))\" cy=\"\(n(end.y))\" r=\"3.5\"/></g>\n"
        }

        // Marks.
        if !scene.marks.isEmpty {
            o += "<g class=\"cg-mark\">"
            for m in scene.marks {
                o += "<path d=\"M\(n(m.point.x - 3.5)) \(n(m.point.y - 3.5))l7 7m0-7l-7 7\"/>"
            }
            o += "</g>\n"
        }

        // Texts over everything, each with a halo in the background colour so the line
        // under a level label is visibly broken.
        o += "<g class=\"cg-text cg-halo\" text-anchor=\"middle\">"
        for label in scene.levelLabels { o += textElement(label, baseline: baseline, anchorDefault: .middle, extraClass: nil) }
        for m in scene.marks { o += textElement(m.label, baseline: baseline, anchorDefault: .middle, extraClass: nil) }
        if let path = scene.descent {
            for label in [path.startLabel, path.endLabel].compactMap({ $0 }) {
                o += textElement(label, baseline: baseline, anchorDefault: .middle, extraClass: nil)
            }
        }
        o += "</g>\n"

        // Legend.
        if !scene.legend.isEmpty {
            o += "<g class=\"cg-legend\">"
            for entry in scene.legend {
                let s = entry.sample
                let midY = (s.minY + s.maxY) / 2
                switch entry.kind {
                case .levels:
                    for swatch in entry.levelSwatches(levelCount: scene.levels.count) {
                        o += "<path class=\"cg-level cg-l\(swatch.level)\" d=\"M\(n(swatch.fromX)) \(n(swatch.y))h\(n(swatch.toX - swatch.fromX))\"/>"
                    }
                case .arrow:
                    o += "<g class=\"cg-arrow\"><path class=\"cg-shaft\" d=\"M\(n(s.minX + 2)) \(n(midY))h\(n(s.width - 7))\"/>"
                    o += "<path class=\"cg-head\" d=\"M\(n(s.maxX - 2)) \(n(midY))l-5-2.25v4.5z\"/></g>"
                case .path:
                    o += "<g class=\"cg-path\"><path d=\"M\(n(s.minX + 3)) \(n(midY))h\(n(s.width - 6))\"/>"
                    o += "<circle class=\"cg-start\" cx=\"\(n(s.minX + 3))\" cy=\"\(n(midY))\" r=\"3\"/>"
                    o += "<circle class=\"cg-end\" cx=\"\(n(s.maxX - 3))\" cy=\"\(n(midY))\" r=\"3\"/></g>"
                }
                o += "<g class=\"cg-text\">" + textElement(entry.label, baseline: baseline, anchorDefault: .start, extraClass: nil) + "</g>"
            }
            o += "</g>\n"
        }
        o += "</svg>\n"
        return o
    }

    // MARK: Pieces

    private func style(_ scene: PlotScene, scope s: String) -> String {
        var css = "<style>\n"
        css += "\(s) text{font:\(n(scene.fontSize))px var(--cg-font,sans-serif);fill:var(--cg-fg,#222)}\n"
        css += "\(s) .cg-name{font-style:italic}\n"
        css += "\(s) .cg-axis{fill:none;stroke:var(--cg-fg,#222);stroke-width:1}\n"
        css += "\(s) .cg-level path,\(s) path.cg-level{fill:none;stroke-width:1.5;stroke-linejoin:round}\n"
        for (i, level) in scene.levels.enumerated() {
            css += "\(s) .cg-l\(i){stroke:var(--cg-l\(i),\(Colormap.hex(level.color)))}\n"
        }
        css += "\(s) .cg-shaft{fill:none;stroke:var(--cg-arrow,#555);stroke-width:1.1}\n"
        css += "\(s) .cg-head{fill:var(--cg-arrow,#555)}\n"
        css += "\(s) .cg-path path{fill:none;stroke:var(--cg-path,#d1495b);stroke-width:2;stroke-linejoin:round}\n"
        css += "\(s) .cg-path .cg-step{stroke-width:4.5;stroke-linecap:round}\n"
        css += "\(s) .cg-start{fill:var(--cg-bg,#fff);stroke:var(--cg-path,#d1495b);stroke-width:2}\n"
        css += "\(s) .cg-end{fill:var(--cg-path,#d1495b)}\n"
        css += "\(s) .cg-mark path{stroke:var(--cg-fg,#222);stroke-width:2}\n"
        css += "\(s) .cg-halo text{paint-order:stroke;stroke:var(--cg-bg,#fff);stroke-width:3.5px;stroke-linejoin:round}\n"
        css += "</style>\n"
        return css
    }

    private func textElement(_ t: SceneText, baseline: Double, anchorDefault: TextAnchor, extraClass: String?) -> String {
        var o = "<text"
        if let c = extraClass { o += " class=\"\(c)\"" }
        o += " x=\"\(n(t.position.x))\" y=\"\(n(t.position.y + baseline))\""
        if t.anchor != anchorDefault {
            switch t.anchor {
            case .start: o += " text-anchor=\"start\""
            case .middle: o += " text-anchor=\"middle\""
            case .end: o += " text-anchor=\"end\""
            }
        }
        return o + ">\(text(t.text))</text>"
    }

    private func n(_ v: Double) -> String { PageNumber.fixed(v, decimals: 2) }

    /// Character data for XML.
    private func text(_ s: String) -> String {
        var o = ""
        for ch in s {
            switch ch {
            case "&": o += "&amp;"
            case "<": o += "&lt;"
            case ">": o += "&gt;"
            default: o.append(ch)
            }
        }
        return o
    }

    /// An attribute value for XML (double-quoted).
    private func attr(_ s: String) -> String {
        text(s).replacingQuotes()
    }

    /// The id as a CSS identifier inside a selector: characters other than letters,
    /// digits, `-` and `_` are backslash-escaped.
    private func cssIdent(_ s: String) -> String {
        var o = ""
        for (i, ch) in s.enumerated() {
            if ch.isASCII && ch.isNumber && i == 0 {
                o += "\\3\(ch) "
            } else if ch.isASCII && (ch.isLetter || ch.isNumber || ch == "-" || ch == "_") {
                o.append(ch)
            } else {
                o += "\\" + String(ch)
            }
        }
        return o
    }
}

extension String {
    fileprivate func replacingQuotes() -> String {
        var o = ""
        for ch in self { if ch == "\"" { o += "&quot;" } else { o.append(ch) } }
        return o
    }
}
