/// Everything a `calc plot` block asks for, already parsed: the window, the levels, the
/// arrows, the descent path, the marks and the words around the figure.
///
/// The Plotting library never sees an expression: the function and its gradient arrive as
/// closures next to this value, and the two descriptions of f (LaTeX and plain text) are
/// supplied by the caller for the caption and the alt text.
public struct PlotSpecification: Sendable {
    /// Identifies the figure on its page; every SVG id is prefixed with it.
    public var figureID: String
    /// The x interval of the window, in the function's units.
    public var xRange: ClosedRange<Double>
    /// The y interval of the window, in the function's units.
    public var yRange: ClosedRange<Double>
    /// Which level values to draw.
    public var levels: PlotLevels
    /// Samples per side of the grid the contours are traced on.
    public var gridResolution: Int
    /// Arrows per side of the gradient field; nil draws no field.
    public var fieldCount: Int?
    /// The gradient-descent path to draw, if any.
    public var descent: DescentRequest?
    /// Labelled points to mark.
    public var marks: [PlotMark]
    /// The caption as written (Markdown with math); the writers do not render it.
    public var caption: String?
    /// An alt text written by the author; when nil one is generated from the math.
    public var altText: String?
    /// f(x, y) in LaTeX, e.g. `x^{2} + 2 y^{2}`.
    public var functionLaTeX: String
    /// f(x, y) in plain text for screen readers, e.g. `x^2 + 2 y^2`.
    public var functionText: String
    /// The function's name as the author wrote it (`f`, `L`), for the generated alt text.
    public var functionName: String
    /// The names of the horizontal and vertical variables (`x`, `y`; `w`, `theta`).
    public var variableNames: (x: String, y: String)

    public init(
        figureID: String,
        xRange: ClosedRange<Double>,
        yRange: ClosedRange<Double>,
        levels: PlotLevels = .count(10),
        gridResolution: Int = 201,
        fieldCount: Int? = nil,
        descent: DescentRequest? = nil,
        marks: [PlotMark] = [],
        caption: String? = nil,
        altText: String? = nil,
        functionLaTeX: String,
        functionText: String,
        functionName: String = "f",
        variableNames: (x: String, y: String) = ("x", "y")
    ) {
        self.figureID = figureID
        self.xRange = xRange
        self.yRange = yRange
        self.levels = levels
        self.gridResolution = gridResolution
        self.fieldCount = fieldCount
        self.descent = descent
        self.marks = marks
        self.caption = caption
        self.altText = altText
        self.functionLaTeX = functionLaTeX
        self.functionText = functionText
        self.functionName = functionName
        self.variableNames = variableNames
    }
}

/// How the author asked for level values (CALC.md 2.4).
public enum PlotLevels: Hashable, Sendable {
    /// `levels N`: about N nice round values inside the function's range.
    case count(Int)
    /// `levels R, R, R`: exactly these values.
    case explicit([Double])
    /// `levels R to R step R`.
    case range(from: Double, to: Double, step: Double)
}

/// `descent from P rate R steps N`.
public struct DescentRequest: Hashable, Sendable {
    public var start: Point
    public var rate: Double
    public var steps: Int
    public init(start: Point, rate: Double, steps: Int) {
        self.start = start; self.rate = rate; self.steps = steps
    }
}

/// `mark P "label"`: a labelled point on the figure.
public struct PlotMark: Hashable, Sendable {
    public var point: Point
    public var label: String
    public init(point: Point, label: String) { self.point = point; self.label = label }
}
