/// A partial derivative at a point computed from the definition:
/// `f_x(a, b) = lim_{h -> 0} (f(a + h, b) - f(a, b)) / h`.
///
/// This is what a piecewise function at its special point needs: `f(a, b)` is the value of
/// the piece that holds *at* the point, while `f(a + h, b)` for `h != 0` uses the piece that
/// holds near it. Coordinates of the point may contain parameters (a generic `k`), which
/// is how mixed partials at the point are found.
public struct DefinitionPartial: Hashable, Sendable {
    public let function: Expr
    public let variables: [String]
    public let point: [Expr]
    public let variable: String
    /// The name of the increment (`h`, or another name when `h` is taken).
    public let increment: String
    /// f at the point, exactly.
    public let valueAtPoint: Expr
    /// `(f(point + increment e_i) - f(point)) / increment` as a function of the increment.
    public let differenceQuotient: Expr
    public let limit: OneVariableLimit

    public init(of function: Expr, variables: [String], at point: [Expr], withRespectTo variable: String,
                increment preferred: String = "h") throws(LimitError)
    {
        guard point.count == variables.count else {
            throw .pointDimension(expected: variables.count, got: point.count)
        }
        guard let index = variables.firstIndex(of: variable) else { throw .unknownVariable(variable) }
        var taken = Set(variables)
        for c in point { taken.formUnion(c.symbols) }
        taken.formUnion(function.symbols)
        var name = preferred
        var n = 1
        while taken.contains(name) { name = "\(preferred)_\(n)"; n += 1 }

        let exactAtPoint = try DefinitionPartial.exactValue(of: function, variables: variables, at: point)
        let atPoint = exactAtPoint.expression
        var shifted = point
        shifted[index] = point[index] + .symbol(name)
        let bindings = Dictionary(zip(variables, shifted), uniquingKeysWith: { first, _ in first })
        let moved = function.substituting(bindings)
        let quotient = (moved - atPoint) / .symbol(name)

        self.function = function
        self.variables = variables
        self.point = point
        self.variable = variable
        increment = name
        valueAtPoint = atPoint
        differenceQuotient = quotient
        // Expanded through bindings, so nothing is folded before the expansion sees it, and
        // with f(point) kept as the exact coefficient it was computed as.
        let valueName = "\u{0}f(point)"
        limit = OneVariableLimit(expanding: (function - .symbol(valueName)) / .symbol(name), bindings: bindings,
                                 constants: [valueName: exactAtPoint], shown: quotient, as: name, approaches: .zero)
    }

    /// The partial derivative when the limit exists and is finite.
    public var value: Expr? { limit.value }

    /// The exact value of `function` at `point`, choosing the piece that holds at the
    /// point; throws when the function has no value there.
    public static func value(of function: Expr, variables: [String], at point: [Expr]) throws(LimitError) -> Expr {
        try exactValue(of: function, variables: variables, at: point).expression
    }

    static func exactValue(of function: Expr, variables: [String], at point: [Expr]) throws(LimitError)
        -> SeriesCoefficient
    {
        guard point.count == variables.count else {
            throw .pointDimension(expected: variables.count, got: point.count)
        }
        // With no variable left, the expansion is exact arithmetic on the coefficients.
        let exact = SeriesExpansion(variable: "", point: .zero, direction: 1, rootDegree: 1, terms: 4,
                                    bindings: Dictionary(zip(variables, point), uniquingKeysWith: { first, _ in first }))
        let s: LaurentSeries
        do {
            s = try exact.expand(function)
        } catch {
            switch error {
            case .divisionByZero: throw .undefinedAtPoint("division by zero")
            case .outsideDomain(let why), .unsupported(let why): throw .undefinedAtPoint(why)
            case .precisionExhausted: throw .undefinedAtPoint("not an exact value")
            }
        }
        if s.isExactlyZero { return .zero }
        guard (s.order ?? 1) > 0, s.hasNoKnownTerms || s.valuation >= 0 else {
            throw .undefinedAtPoint("not an exact value")
        }
        return s.constantTerm
    }
}

/// A second partial derivative at a point from the definition, in the order of CALC.md:
/// `f_xy(a, b)` differentiates by x first, then by y:
/// `f_xy(a, b) = lim_{k -> 0} (f_x(a, b + k) - f_x(a, b)) / k`, where `f_x(a, b + k)` is
/// itself the limit of a difference quotient with `k` a generic non-zero parameter.
///
/// For the textbook `x y (x^2 - y^2)/(x^2 + y^2)` (0 at the origin) this gives
/// f_xy(0, 0) = -1 and f_yx(0, 0) = 1.
public struct MixedPartialByDefinition: Hashable, Sendable {
    public let first: String
    public let second: String
    /// `f_first` at the point moved by `k` along `second`: a function of `k`.
    public let firstPartialNearPoint: DefinitionPartial
    /// `f_first` at the point itself.
    public let firstPartialAtPoint: DefinitionPartial
    /// The name of the second increment (`k` unless taken).
    public let increment: String
    /// `(f_first(point + k e_second) - f_first(point)) / k`.
    public let differenceQuotient: Expr
    public let limit: OneVariableLimit

    public init(of function: Expr, variables: [String], at point: [Expr], first: String, then second: String)
        throws(LimitError)
    {
        guard let secondIndex = variables.firstIndex(of: second) else { throw .unknownVariable(second) }
        guard variables.contains(first) else { throw .unknownVariable(first) }
        var taken = Set(variables).union(function.symbols)
        for c in point { taken.formUnion(c.symbols) }
        var name = "k"
        var n = 1
        while taken.contains(name) { name = "k_\(n)"; n += 1 }

        let atPoint = try DefinitionPartial(of: function, variables: variables, at: point, withRespectTo: first)
        guard let atValue = atPoint.value else {
            throw .limitFailed("f_\(first) at the point: \(MixedPartialByDefinition.explain(atPoint.limit.outcome))")
        }
        var moved = point
        moved[secondIndex] = point[secondIndex] + .symbol(name)
        let near = try DefinitionPartial(of: function, variables: variables, at: moved, withRespectTo: first)
        guard let nearValue = near.value else {
            throw .limitFailed("f_\(first) near the point: \(MixedPartialByDefinition.explain(near.limit.outcome))")
        }
        self.first = first
        self.second = second
        firstPartialNearPoint = near
        firstPartialAtPoint = atPoint
        increment = name
        differenceQuotient = (nearValue - atValue) / .symbol(name)
        limit = OneVariableLimit(of: differenceQuotient, as: name, approaches: .zero)
    }

    /// The mixed partial when the limit exists and is finite.
    public var value: Expr? { limit.value }

    static func explain(_ outcome: LimitOutcome) -> String {
        switch outcome {
        case .value: return "exists"
        case .positiveInfinity: return "the limit is +∞"
        case .negativeInfinity: return "the limit is -∞"
        case .doesNotExist(let why): return "the limit does not exist (\(why))"
        case .undefined(let why): return why
        case .undetermined(let why): return "the limit could not be determined (\(why))"
        }
    }
}
