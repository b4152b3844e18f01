/// A figure as format-neutral geometry in page units, ready for a writer.
///
/// Page coordinates run right and *down* from the top-left corner of the figure, like SVG;
/// the TikZ writer flips y. One page unit is one CSS pixel in the SVG and
/// `TikZWriter.unitCentimetres` in TikZ. The frame has equal aspect: one unit of x and one
/// unit of y cover the same page length, so gradient arrows meet level curves at right angles.
public struct PlotScene: Sendable {
    public var figureID: String
    /// Size of the whole figure, frame, ticks and legend included.
    public var width: Double
    public var height: Double
    /// The plot area (the window [A, B] x [C, D] on the page).
    public var frame: PageRect
    /// Page units per unit of x (and of y: the frame has equal aspect).
    public var scale: Double
    public var xTicks: [Tick]
    public var yTicks: [Tick]
    /// Where the axis names "x" and "y" go.
    public var xAxisLabel: SceneText
    public var yAxisLabel: SceneText
    /// One entry per level value, in increasing order, each with all its pieces.
    public var levels: [SceneLevel]
    public var levelLabels: [SceneText]
    public var arrows: [SceneArrow]
    public var descent: SceneDescentPath?
    public var marks: [SceneMark]
    public var legend: [LegendEntry]
    /// Short accessible name (SVG `<title>`).
    public var title: String
    /// Long description (SVG `<desc>`, the alt text).
    public var description: String
    /// Typical text size in page units (tick labels, level labels, legend).
    public var fontSize: Double
}

/// A tick on an axis: where it sits along the axis (page units) and its label.
public struct Tick: Hashable, Sendable {
    public var position: Double
    public var value: Double
    /// The label as plain text (Unicode minus for negatives).
    public var text: String
    /// The label for LaTeX math mode.
    public var latex: String
}

/// All the pieces of one level value.
public struct SceneLevel: Hashable, Sendable {
    public var value: Double
    /// Colour from the colormap, as 0xRRGGBB.
    public var color: UInt32
    public var lines: [ScenePolyline]
}

/// A polyline in page units.
public struct ScenePolyline: Hashable, Sendable {
    public var points: [Point]
    public var isClosed: Bool
}

/// One gradient arrow: a shaft from `tail` to `shaftEnd` and a filled triangular head.
public struct SceneArrow: Hashable, Sendable {
    public var tail: Point
    public var shaftEnd: Point
    public var tip: Point
    /// The two back corners of the head; with `tip` they make the triangle.
    public var headLeft: Point
    public var headRight: Point
    /// The grid point the arrow stands for, in function coordinates.
    public var at: Point
    /// The gradient there, in function coordinates.
    public var gradient: Point
}

/// The gradient-descent path as drawn.
public struct SceneDescentPath: Hashable, Sendable {
    /// Iterates in page units, start first; cut where the path leaves the window.
    public var points: [Point]
    /// Iterates in function coordinates, all of them (for the alt text).
    public var iterates: [Point]
    /// True when some iterate fell outside the window and the drawing stops there.
    public var leavesWindow: Bool
    /// Whether each iterate gets a dot: up to `PlotSceneBuilder.maximumIterateDots`
    /// points; longer paths show only the line, the start and the end.
    public var marksIterates: Bool
    /// `start` and `end` beside their points; nil where no free spot was found (the
    /// hollow and filled circles still tell them apart).
    public var startLabel: SceneText?
    public var endLabel: SceneText?
}

/// A user mark: a dot and its label.
public struct SceneMark: Hashable, Sendable {
    public var point: Point
    public var at: Point
    public var label: SceneText
}

/// One legend row: a sample drawing and a text.
public struct LegendEntry: Hashable, Sendable {
    public enum Kind: Hashable, Sendable { case levels, arrow, path }
    public var kind: Kind
    /// The sample occupies this box.
    public var sample: PageRect
    public var label: SceneText
}

extension LegendEntry {
    /// The level-line swatches of a `.levels` sample: the lowest, middle and highest level
    /// (all of them when there are fewer than three), side by side along the sample's
    /// middle line. Both writers draw exactly these.
    public func levelSwatches(levelCount count: Int) -> [(level: Int, fromX: Double, toX: Double, y: Double)] {
        let picks = count >= 3 ? [0, count / 2, count - 1] : Array(0..<count)
        let w = sample.width / Double(max(picks.count, 1))
        let midY = (sample.minY + sample.maxY) / 2
        return picks.enumerated().map { k, i in
            let x = sample.minX + Double(k) * w
            return (i, x, x + w, midY)
        }
    }
}
