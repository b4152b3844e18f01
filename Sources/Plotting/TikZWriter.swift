/// Writes a `PlotScene` as a plain TikZ `tikzpicture` that compiles with pdflatex.
///
/// Needs only `\usepackage{tikz}` (no libraries, no pgfplots, no shell escape). The picture
/// uses the scene's page coordinates directly: the x unit is `unitCentimetres` and the y
/// unit the same length pointing down, so every coordinate matches the SVG's.
public struct TikZWriter: Sendable {
    /// Centimetres per page unit: a 320-unit frame becomes 8 cm.
    public var unitCentimetres: Double = 0.025

    public init() {}

    /// The packages a document needs to typeset the output.
    public static let requiredPackages = ["tikz"]

    public func write(_ scene: PlotScene) -> String {
        let pt = unitCentimetres / 2.54 * 72.27  // points per page unit
        func lw(_ units: Double) -> String { PageNumber.fixed(units * pt, decimals: 2) + "pt" }
        var o = "% Figure \(comment(scene.figureID)): \(comment(scene.title))\n"
        o += "\\begin{tikzpicture}[x=\(PageNumber.fixed(unitCentimetres, decimals: 4))cm,"
        o += "y=-\(PageNumber.fixed(unitCentimetres, decimals: 4))cm,font=\\footnotesize,line cap=round,line join=round]\n"
        o += "\\definecolor{cgfg}{HTML}{222222}\\definecolor{cgarrow}{HTML}{555555}\\definecolor{cgpath}{HTML}{D1495B}\n"
        for (i, level) in scene.levels.enumerated() {
            o += "\\definecolor{cgl\(letters(i))}{HTML}{\(Colormap.hex(level.color).dropFirst().uppercased())}\n"
        }

        // Level lines.
        for (i, level) in scene.levels.enumerated() {
            for line in level.lines where line.points.count >= 2 {
                o += "\\draw[cgl\(letters(i)),line width=\(lw(1.5))] "
                o += line.points.map(c).joined(separator: "--")
                o += line.isClosed ? "--cycle;\n" : ";\n"
            }
        }

        // Frame and ticks over the lines, as in the SVG.
        let f = scene.frame
        o += "\\draw[cgfg,line width=\(lw(1))] \(c(Point(f.minX, f.minY))) rectangle \(c(Point(f.maxX, f.maxY)));\n"
        let fs = scene.fontSize
        for t in scene.xTicks {
            o += "\\draw[cgfg,line width=\(lw(1))] \(c(Point(t.position, f.maxY)))--\(c(Point(t.position, f.maxY + 4)));"
            o += "\\node[cgfg] at \(c(Point(t.position, f.maxY + 7 + fs / 2))) {\(t.latex)};\n"
        }
        for t in scene.yTicks {
            o += "\\draw[cgfg,line width=\(lw(1))] \(c(Point(f.minX, t.position)))--\(c(Point(f.minX - 4, t.position)));"
            o += "\\node[cgfg,anchor=east,inner sep=0pt] at \(c(Point(f.minX - 6, t.position))) {\(t.latex)};\n"
        }
        o += node(scene.xAxisLabel, halo: false)
        o += node(scene.yAxisLabel, halo: false)

        // Arrows.
        for a in scene.arrows {
            o += "\\draw[cgarrow,line width=\(lw(1.1))] \(c(a.tail))--\(c(a.shaftEnd));"
            o += "\\fill[cgarrow] \(c(a.tip))--\(c(a.headLeft))--\(c(a.headRight))--cycle;\n"
        }

        // Descent path.
        if let path = scene.descent, let start = path.points.first, let end = path.points.last {
            o += "\\draw[cgpath,line width=\(lw(2))] " + path.points.map(c).joined(separator: "--") + ";\n"
            for p in path.points.dropFirst().dropLast() where path.marksIterates {
                o += "\\fill[cgpath] \(c(p)) circle[radius=\(lw(2.25))];"
            }
            o += "\n\\filldraw[fill=white,draw=cgpath,line width=\(lw(2))] \(c(start)) circle[radius=\(lw(3.5))];"
            o += "\\fill[cgpath] \(c(end)) circle[radius=\(lw(3.5))];\n"
        }

        // Marks.
        for m in scene.marks {
            let p = m.point
            o += "\\draw[cgfg,line width=\(lw(2))] \(c(Point(p.x - 3.5, p.y - 3.5)))--\(c(Point(p.x + 3.5, p.y + 3.5)))"
            o += " \(c(Point(p.x - 3.5, p.y + 3.5)))--\(c(Point(p.x + 3.5, p.y - 3.5)));\n"
        }

        // Texts with a white background, which breaks the line under a level label.
        for label in scene.levelLabels { o += node(label, halo: true) }
        for m in scene.marks { o += node(m.label, halo: true) }
        if let path = scene.descent {
            for label in [path.startLabel, path.endLabel].compactMap({ $0 }) { o += node(label, halo: true) }
        }

        // Legend.
        for entry in scene.legend {
            let s = entry.sample
            let midY = (s.minY + s.maxY) / 2
            switch entry.kind {
            case .levels:
                for swatch in entry.levelSwatches(levelCount: scene.levels.count) {
                    o += "\\draw[cgl\(letters(swatch.level)),line width=\(lw(1.5)),line cap=butt] \(c(Point(swatch.fromX, swatch.y)))--\(c(Point(swatch.toX, swatch.y)));"
                }
            case .arrow:
                o += "\\draw[cgarrow,line width=\(lw(1.1))] \(c(Point(s.minX + 2, midY)))--\(c(Point(s.maxX - 5, midY)));"
                o += "\\fill[cgarrow] \(c(Point(s.maxX - 2, midY)))--\(c(Point(s.maxX - 7, midY - 2.25)))--\(c(Point(s.maxX - 7, midY + 2.25)))--cycle;"
            case .path:
                o += "\\draw[cgpath,line width=\(lw(2))] \(c(Point(s.minX + 3, midY)))--\(c(Point(s.maxX - 3, midY)));"
                o += "\\filldraw[fill=white,draw=cgpath,line width=\(lw(2))] \(c(Point(s.minX + 3, midY))) circle[radius=\(lw(3))];"
                o += "\\fill[cgpath] \(c(Point(s.maxX - 3, midY))) circle[radius=\(lw(3))];"
            }
            o += "\n" + node(entry.label, halo: false)
        }
        o += "\\end{tikzpicture}\n"
        return o
    }

    private func c(_ p: Point) -> String {
        "(\(PageNumber.fixed(p.x, decimals: 2)),\(PageNumber.fixed(p.y, decimals: 2)))"
    }

    private func node(_ t: SceneText, halo: Bool) -> String {
        let anchor: String
        switch t.anchor {
        case .start: anchor = "west"
        case .middle: anchor = "center"
        case .end: anchor = "east"
        }
        let fill = halo ? "fill=white," : ""
        return "\\node[cgfg,\(fill)anchor=\(anchor),inner sep=1pt] at \(c(t.position)) {\(t.latex)};\n"
    }

    /// A colour-name suffix made of letters only (0 -> a, 25 -> z, 26 -> ba), so names
    /// stay plain control-word-safe identifiers whatever package reads them.
    private func letters(_ i: Int) -> String {
        var n = i
        var s = ""
        repeat {
            s = String(UnicodeScalar(UInt8(97 + n % 26))) + s
            n /= 26
        } while n > 0
        return s
    }

    /// Text for a `%` comment: one line, nothing that ends it early.
    private func comment(_ s: String) -> String {
        String(s.map { $0 == "\n" || $0 == "\r" ? " " : $0 })
    }
}
