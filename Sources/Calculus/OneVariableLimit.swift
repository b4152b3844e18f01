/// The limit of a function of one variable from one side.
public enum OneSidedLimit: Hashable, Sendable {
    /// A finite exact value.
    case finite(Expr)
    case positiveInfinity
    case negativeInfinity
    /// Unbounded, with a sign that depends on a parameter.
    case unbounded
    /// The function is not defined on this side near the point (the reason says why).
    case undefined(String)
    /// The expansion could not decide it (the reason says what is missing).
    case undetermined(String)
}

/// What the two one-sided limits say together.
public enum LimitOutcome: Hashable, Sendable {
    /// The limit exists and is this exact value (when the function is defined on one side
    /// only, the limit from that side).
    case value(Expr)
    case positiveInfinity
    case negativeInfinity
    /// The limit does not exist; the reason says why (the sides differ, unbounded with
    /// both signs).
    case doesNotExist(String)
    /// The function is not defined near the point at all.
    case undefined(String)
    /// The computation could not decide.
    case undetermined(String)
}

/// The limit of a one-variable function `g(t)` as `t -> a`, with both one-sided limits.
///
/// Works by expanding `g(a ± w^D)` as a Laurent series in a small `w > 0` with exact
/// coefficients: the leading term gives the limit (a positive power: 0; the constant
/// term: its value; a negative power: ±∞ by the sign of the coefficient). This handles
/// rational functions (a removable 0/0 cancels in the series just as the common factor
/// cancels) and removable 0/0 forms with sin, cos, exp, log, atan and roots, repeatedly if
/// needed: the number of terms doubles until the leading term is known, up to a bound.
/// For rational functions the cancelled form is reported as well.
public struct OneVariableLimit: Hashable, Sendable {
    public let function: Expr
    public let variable: String
    public let point: Expr
    /// For a rational function with rational coefficients whose numerator and denominator
    /// share a factor: the function after cancelling it.
    public let cancelledForm: Expr?
    public let fromLeft: OneSidedLimit
    public let fromRight: OneSidedLimit
    public let outcome: LimitOutcome
    /// Parameters (symbols other than the variable) that the value depends on.
    public let parametersInValue: [String]

    /// Working precisions tried in turn (terms kept after the leading one).
    static let precisions = [2, 4, 8, 16, 32, 64]

    /// Computes the limit of `function` as `variable -> point`. Other symbols are parameters
    /// with generic values.
    public init(of function: Expr, as variable: String, approaches point: Expr) {
        self.init(expanding: function, bindings: [:], shown: function, as: variable, approaches: point)
    }

    /// The limit of `expanded` with `bindings` expanded in place of their symbols;
    /// `shown` is the same function after substitution, for display.
    init(expanding expanded: Expr, bindings: [String: Expr], constants: [String: SeriesCoefficient] = [:],
         shown function: Expr, as variable: String, approaches point: Expr)
    {
        self.function = function
        self.variable = variable
        self.point = point
        cancelledForm = Self.cancelled(function, variable)

        let a = SeriesCoefficient(point)
        var sides: [(OneSidedLimit, SeriesCoefficient?)] = []
        for direction in [-1, 1] {
            sides.append(Self.oneSided(expanded, bindings, constants, variable, a, direction))
        }
        fromLeft = sides[0].0
        fromRight = sides[1].0
        var outcome = Self.combine(left: sides[0], right: sides[1])
        var parameters: [String] = []
        if case .value = outcome, let c = sides[1].1 ?? sides[0].1 {
            let (value, params) = Self.valueAndParameters(c)
            outcome = .value(value)
            parameters = params
        }
        self.outcome = outcome
        parametersInValue = parameters
    }

    /// The limit value when it exists and is finite.
    public var value: Expr? {
        if case .value(let v) = outcome { return v }
        return nil
    }

    private static func cancelled(_ g: Expr, _ t: String) -> Expr? {
        guard let r = UnivariateRationalFunction(g, in: t), r.denominator.degree > 0 else { return nil }
        let reduced = r.reduced
        guard reduced.denominator.degree < r.denominator.degree else { return nil }
        return reduced.expression(in: t)
    }

    /// One side: the limit and, when finite, its exact coefficient.
    static func oneSided(_ g: Expr, _ bindings: [String: Expr], _ constants: [String: SeriesCoefficient],
                         _ t: String, _ a: SeriesCoefficient, _ direction: Int) -> (OneSidedLimit, SeriesCoefficient?)
    {
        let baseDegree = SeriesRootDegree.of(g, bindings: bindings)
        var lastProblem = "the expansion needs more terms than allowed"
        for degree in Set([baseDegree, baseDegree * baseDegree]).sorted() {
            for terms in precisions {
                let expansion = SeriesExpansion(variable: t, point: a, direction: direction,
                                                rootDegree: degree, terms: terms * degree, bindings: bindings,
                                                constants: constants)
                let series: LaurentSeries
                do {
                    series = try expansion.expand(g)
                } catch {
                    switch error {
                    case .precisionExhausted:
                        continue
                    case .divisionByZero:
                        return (.undefined("division by zero"), nil)
                    case .outsideDomain(let why):
                        return (.undefined(why), nil)
                    case .unsupported(let why):
                        lastProblem = why
                        if why.hasPrefix("a fractional power") { break }
                        return (.undetermined(why), nil)
                    }
                    break
                }
                if series.isExactlyZero { return (.finite(.zero), .zero) }
                guard let lead = series.leadingCoefficient else {
                    // Zero to the known order: the limit is 0 when that order is positive.
                    if let order = series.order, order > 0 { return (.finite(.zero), .zero) }
                    continue
                }
                if series.valuation > 0 { return (.finite(.zero), .zero) }
                if series.valuation == 0 { return (.finite(lead.expression), lead) }
                guard let sign = lead.sign else { return (.unbounded, nil) }
                return (sign > 0 ? .positiveInfinity : .negativeInfinity, nil)
            }
        }
        return (.undetermined(lastProblem), nil)
    }

    private static func combine(left: (OneSidedLimit, SeriesCoefficient?), right: (OneSidedLimit, SeriesCoefficient?))
        -> LimitOutcome
    {
        switch (left.0, right.0) {
        case (.finite(let l), .finite):
            guard let lc = left.1, let rc = right.1 else { return .value(l) }
            if (lc - rc).isZero { return .value(l) }
            return .doesNotExist("the limits from the left and from the right differ")
        case (.positiveInfinity, .positiveInfinity): return .positiveInfinity
        case (.negativeInfinity, .negativeInfinity): return .negativeInfinity
        case (.undefined(let why), .undefined):
            return .undefined("the function is not defined near the point (\(why))")
        case (.undefined, .finite(let v)), (.finite(let v), .undefined): return .value(v)
        case (.undefined, .positiveInfinity), (.positiveInfinity, .undefined): return .positiveInfinity
        case (.undefined, .negativeInfinity), (.negativeInfinity, .undefined): return .negativeInfinity
        case (.undetermined(let why), _), (_, .undetermined(let why)): return .undetermined(why)
        case (.unbounded, _), (_, .unbounded):
            return .doesNotExist("the function is unbounded near the point")
        case (.positiveInfinity, .negativeInfinity), (.negativeInfinity, .positiveInfinity):
            return .doesNotExist("the function tends to +∞ on one side and to -∞ on the other")
        case (.finite, .positiveInfinity), (.finite, .negativeInfinity),
             (.positiveInfinity, .finite), (.negativeInfinity, .finite):
            return .doesNotExist("the function is unbounded on one side only")
        }
    }

    /// The value as an expression, and the parameters it really depends on: a parameter
    /// that only seems to appear (`2m/m`) is detected by trying two values for it.
    static func valueAndParameters(_ c: SeriesCoefficient) -> (Expr, [String]) {
        let params = c.parameters
        if params.isEmpty { return (c.expression, []) }
        let trials: [Rational] = [Rational(3, 7), Rational(-5, 11), Rational(13, 17)]
        var values: [SeriesCoefficient] = []
        for trial in trials {
            let map = Dictionary(uniqueKeysWithValues: params.map { ($0, Expr.number(trial)) })
            let substituted = c.expression.substituting(map)
            let reread = SeriesExpansion(variable: "", point: .zero, direction: 1, rootDegree: 1, terms: 4)
            guard let s = try? reread.expand(substituted), s.order == nil, s.valuation >= 0 || s.isExactlyZero
            else { continue }
            values.append(s.constantTerm)
        }
        if values.count >= 2, values.dropFirst().allSatisfy({ ($0 - values[0]).isZero }) {
            return (values[0].expression, [])
        }
        return (c.expression, params)
    }
}
