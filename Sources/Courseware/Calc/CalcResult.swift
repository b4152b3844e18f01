import Calculus

/// What a request computed, in the form an answer is compared with.
public enum CalcResultValue: Hashable, Sendable {
    /// An exact scalar, vector or matrix.
    case exact(Value)
    /// `z = EXPR` (tangent plane) or `L = EXPR` (linearization): the right-hand side.
    case plane(Expr)
    /// A classification word: minimum, maximum, saddle, inconclusive, not critical.
    case word(String)
    /// A point known only in decimals (the end of gradient descent).
    case decimalPoint([Double])
    /// A limit that is not a finite number: "does not exist", "+infinity", ...
    case limitText(String)

    /// Calc syntax (parses back with the expression parser where it is a value).
    public var plainText: String {
        switch self {
        case .exact(let v): return v.plainText
        case .plane(let e): return "z = " + e.plainText
        case .word(let w): return w
        case .decimalPoint(let p): return "(" + p.map { Expr.formatDecimal($0) }.joined(separator: ", ") + ")"
        case .limitText(let t): return t
        }
    }

    public var latex: String {
        switch self {
        case .exact(let v): return v.latexPoint
        case .plane(let e): return "z = " + e.latex
        case .word(let w): return "\\text{\(w)}"
        case .decimalPoint(let p): return "\\left(" + p.map { Expr.formatDecimal($0) }.joined(separator: ", ") + "\\right)"
        case .limitText(let t):
            switch t {
            case "+infinity": return "+\\infty"
            case "-infinity": return "-\\infty"
            default: return "\\text{\(t)}"
            }
        }
    }

    /// A decimal approximation where the value is a number or numbers.
    public var approximation: String? {
        switch self {
        case .exact(let v): return v.approximation
        case .plane: return nil
        case .word: return nil
        case .decimalPoint: return plainText
        case .limitText: return nil
        }
    }
}

/// A small table shown with a result: descent iterates, finite differences.
public struct CalcTable: Hashable, Sendable {
    public var header: [String]
    /// Rows of plain-text cells (numbers already formatted).
    public var rows: [[String]]
    /// Rows left out in the middle of a long table (shown as an ellipsis row).
    public var omittedAfterRow: Int?
    /// The LaTeX of cells that are math rather than numbers (a variable, an exact value),
    /// row by row; nil where the plain cell is shown. The HTML page typesets these.
    public var latexRows: [[String?]]? = nil
}

/// One worked request: the steps, the exact result, its verification.
public struct CalcResult: Hashable, Sendable {
    public var request: CalcRequestLine
    /// What is asked, in words: "gradient of f at (1, 2)".
    public var title: String
    /// The definition the request is about, as `f(x, y) = ...`.
    public var functionText: String
    public var functionLaTeX: String
    public var steps: [WorkStep]
    /// A line of words to read after the steps ("the limit does not exist: ...").
    public var remark: String?
    public var table: CalcTable?
    /// The result label: "∇f(1, 2)", "D_u f(1, 2)".
    public var resultLabel: String
    public var latexResultLabel: String
    public var value: CalcResultValue
    /// Other forms an answer may take (the rate of steepest ascent next to its direction).
    public var alternatives: [CalcResultValue]
    /// The decimal to show when `approx` was asked.
    public var approximation: String? { request.approx ? value.approximation : nil }
    /// Every printed derivative agreed with dual numbers and finite differences.
    public var verified: Bool
    /// One line per check made, for `coursegen check` and the JSON.
    public var checks: [String]
}

/// A worked example, an exercise or a figure, evaluated.
public struct EvaluatedCalcBlock: Sendable {
    public var block: CalcBlock
    /// For an example, one result per request; for an exercise, one per part.
    public var results: [CalcResult]
    public var figure: CalcFigure?
    /// How many author answers were checked and agreed.
    public var answersChecked: Int
}
