import Calculus
import MarkdownSyntax

/// The three kinds of calc block (CALC.md 2), named by the info string.
public enum CalcBlockKind: String, Hashable, Sendable {
    /// ```` ```calc ````: a worked example.
    case example
    /// ```` ```calc exercise ````: a numbered exercise.
    case exercise
    /// ```` ```calc plot ````: a numbered figure.
    case plot
}

/// A function or constant defined in a block, with the line that defined it.
public struct CalcDefinition: Hashable, Sendable {
    public var function: FunctionDefinition
    public var line: CalcLine
}

/// A request as written: what it asks, about which function, and where.
public struct CalcRequestLine: Hashable, Sendable {
    public var request: CalcRequest
    /// The name of the function the request is about.
    public var functionName: String
    /// `approx` at the end: also show a decimal.
    public var approx: Bool
    public var line: CalcLine
    /// Where the request's text starts in the line (after `ask`).
    var span: CalcSpan
    /// Where the point of the request was written, for errors found while evaluating.
    var pointSpan: CalcSpan?
    /// The request text as written (without `approx`, comment or `ask`).
    public var text: String { span.text }
}

/// `answer VALUE` under an `ask`.
public struct CalcAnswerLine: Hashable, Sendable {
    public var text: String
    public var line: CalcLine
    var span: CalcSpan
}

/// One part of an exercise: the question and, when given, the author's answer.
public struct CalcExercisePart: Hashable, Sendable {
    public var ask: CalcRequestLine
    public var answer: CalcAnswerLine?
}

/// The plot lines of a `calc plot` block (CALC.md 2.4).
public struct CalcPlotRequest: Hashable, Sendable {
    public var xVariable: String
    public var xRange: ClosedRange<Double>
    public var yVariable: String
    public var yRange: ClosedRange<Double>
    public var levels: CalcPlotLevels?
    public var grid: Int?
    public var field: Int?
    public var descent: CalcPlotDescent?
    public var marks: [CalcPlotMark] = []
    public var caption: String?
    public var alt: String?
    public var line: CalcLine
}

/// Level values as the author asked for them.
public enum CalcPlotLevels: Hashable, Sendable {
    case count(Int)
    case list([Double])
    case range(from: Double, to: Double, step: Double)
}

/// `descent from P rate R steps N` in a plot.
public struct CalcPlotDescent: Hashable, Sendable {
    public var start: [Double]
    public var rate: Double
    public var steps: Int
}

/// `mark P "label"`.
public struct CalcPlotMark: Hashable, Sendable {
    public var point: [Double]
    public var label: String
}

/// A parsed calc block: its kind, label, definitions and what it asks.
public struct CalcBlock: Hashable, Sendable {
    public var kind: CalcBlockKind
    /// `{#ex-...}` or `{#fig-...}` from the info string.
    public var label: String?
    public var definitions: [CalcDefinition] = []
    /// Named constants (`a = 3`) defined in the block.
    public var constants: [String: Expr] = [:]
    /// The requests of a worked example, in order.
    public var requests: [CalcRequestLine] = []
    /// The parts of an exercise, in order.
    public var parts: [CalcExercisePart] = []
    public var hint: String?
    /// The plot lines of a `calc plot` block, or of a worked example that plots.
    public var plot: CalcPlotRequest?
    /// Where the block starts (the opening fence).
    public var start: SourceLocation

    /// The function a request names, or the first function defined.
    func function(named name: String) -> FunctionDefinition? {
        definitions.first { $0.function.name == name }?.function
    }
}
