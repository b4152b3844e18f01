/// Why a limit request cannot be carried out as asked.
public enum LimitError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The path has a different number of components than the function has variables.
    case pathDimension(expected: Int, got: Int)
    /// The point has a different number of coordinates than the function has variables.
    case pointDimension(expected: Int, got: Int)
    /// `variable` is not one of the function's variables.
    case unknownVariable(String)
    /// The path does not reach the point as the parameter tends to its value.
    case pathMissesPoint(String)
    /// The function has no value at the point (needed by the difference quotient).
    case undefinedAtPoint(String)
    /// A limit that the difference quotient needs does not exist or could not be found.
    case limitFailed(String)

    public var description: String {
        switch self {
        case .pathDimension(let e, let g): return "the path has \(g) components but the function has \(e) variables"
        case .pointDimension(let e, let g): return "the point has \(g) coordinates but the function has \(e) variables"
        case .unknownVariable(let v): return "'\(v)' is not a variable of the function"
        case .pathMissesPoint(let why): return "the path does not pass through the point: \(why)"
        case .undefinedAtPoint(let why): return "the function has no value at the point: \(why)"
        case .limitFailed(let why): return why
        }
    }
}

/// The limit of a function of several variables along a path, as the path parameter tends
/// to a value: `limit at (0, 0) along y = m x` or `along (t, t^2) as t -> 0`.
///
/// Substituting the path gives a one-variable function (`restricted`, shown to the reader);
/// its limit is the limit along the path. When the value depends on a parameter of the path
/// (the slope `m`), different paths give different limits, so the limit of the function at
/// the point does not exist.
public struct PathLimit: Hashable, Sendable {
    public let function: Expr
    public let variables: [String]
    /// The path's components, in the order of `variables`.
    public let path: [Expr]
    public let parameter: String
    public let parameterLimit: Expr
    /// The function along the path: a function of `parameter` alone.
    public let restricted: Expr
    public let limit: OneVariableLimit

    /// Along `(path[0](t), path[1](t), ...)` as `parameter -> value`. The path must tend to
    /// the point `point` when given (checked exactly).
    public init(of function: Expr, variables: [String], along path: [Expr], as parameter: String,
                approaches value: Expr, point: [Expr]? = nil) throws(LimitError)
    {
        guard path.count == variables.count else {
            throw .pathDimension(expected: variables.count, got: path.count)
        }
        if let point {
            guard point.count == variables.count else {
                throw .pointDimension(expected: variables.count, got: point.count)
            }
            for (component, coordinate) in zip(path, point) {
                let reach = OneVariableLimit(of: component - coordinate, as: parameter, approaches: value)
                guard case .value(let v) = reach.outcome, SeriesCoefficient(v).isZero else {
                    throw .pathMissesPoint("\(PathLimit.describe(component)) does not tend to \(PathLimit.describe(coordinate))")
                }
            }
        }
        self.function = function
        self.variables = variables
        self.path = path
        self.parameter = parameter
        parameterLimit = value
        let bindings = Dictionary(zip(variables, path), uniquingKeysWith: { first, _ in first })
        // Shown: the branch that holds near the point (a limit never looks at the point
        // itself), so `g = x y/(x^2 + y^2) if (x, y) != (0, 0) else 0` along y = x reads
        // 1/2, not `1/2 if (x, x) != (0, 0) else 0`.
        let near = point.map { PathLimit.branchNear(function, variables: variables, point: $0) } ?? function
        restricted = Simplify.display(near.substituting(bindings))
        limit = OneVariableLimit(expanding: function, bindings: bindings, shown: restricted, as: parameter,
                                 approaches: value)
    }

    /// Along the curve `variable = curve` (an expression in the other variable of a
    /// two-variable function) towards `point`: `y = m x` at (0, 0) is the path `(x, m x)` as
    /// `x -> 0`.
    public init(of function: Expr, variables: [String], along variable: String, equals curve: Expr,
                at point: [Expr]) throws(LimitError)
    {
        guard variables.count == 2 else { throw .pathDimension(expected: variables.count, got: 2) }
        guard point.count == 2 else { throw .pointDimension(expected: 2, got: point.count) }
        guard let index = variables.firstIndex(of: variable) else { throw .unknownVariable(variable) }
        let other = 1 - index
        var path = variables.map { Expr.symbol($0) }
        path[index] = curve
        try self.init(of: function, variables: variables, along: path, as: variables[other],
                      approaches: point[other], point: point)
    }

    /// True when the value along the path depends on a parameter of the path, which shows
    /// that the limit of the function at the point does not exist.
    public var dependsOnPathParameters: Bool { !limit.parametersInValue.isEmpty }

    static func describe(_ e: Expr) -> String { e.plainText }

    /// The branch of a piecewise function that holds at every point near `point` other
    /// than the point itself, when its conditions say so plainly (`(x, y) != P` holds there,
    /// `(x, y) == P` does not); otherwise the function as it is.
    static func branchNear(_ function: Expr, variables: [String], point: [Expr]) -> Expr {
        guard case .piecewise(let pieces, let otherwise) = function else { return function }
        let symbols = variables.map { Expr.symbol($0) }
        for piece in pieces {
            guard case .pointCompare(let left, let comparison, let right) = piece.condition else { return function }
            let isThePoint = (left == symbols && right == point) || (right == symbols && left == point)
            guard isThePoint else { return function }
            switch comparison {
            case .notEqual: return piece.value
            case .equal: continue
            case .less, .lessEqual, .greater, .greaterEqual: return function
            }
        }
        return otherwise
    }
}
