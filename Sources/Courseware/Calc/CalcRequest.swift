import Calculus

/// One request of CALC.md 2.3, with its points and options already parsed to exact values.
public enum CalcRequest: Hashable, Sendable {
    case value(at: [Expr])
    case partials
    /// `partial x` (one variable) or `partial x, y` (f_xy: by x, then by y).
    case partial([String])
    case gradient(at: [Expr]?)
    case directional(at: [Expr], toward: [Expr])
    case steepest(at: [Expr])
    case hessian(at: [Expr]?)
    case clairaut(at: [Expr]?)
    case jacobian(at: [Expr]?)
    case tangentPlane(at: [Expr])
    case linearization(at: [Expr])
    /// `chain x = EXPR, y = EXPR wrt t`: the substitutions in variable order of the text.
    case chain([ChainSubstitution], parameter: String)
    /// `limit at P along y = EXPR`.
    case limitAlongCurve(at: [Expr], variable: String, curve: Expr)
    /// `limit at P along (EXPR, EXPR) as t -> R`.
    case limitAlongPath(at: [Expr], path: [Expr], parameter: String, approaches: Expr)
    case definitionPartial(String, at: [Expr])
    case classify(at: [Expr])
    case descent(from: [Expr], rate: Expr, steps: Int)
    case check(at: [Expr])

    /// The request's name as an author writes it.
    public var name: String {
        switch self {
        case .value: return "value"
        case .partials: return "partials"
        case .partial: return "partial"
        case .gradient: return "gradient"
        case .directional: return "directional"
        case .steepest: return "steepest"
        case .hessian: return "hessian"
        case .clairaut: return "clairaut"
        case .jacobian: return "jacobian"
        case .tangentPlane: return "tangent plane"
        case .linearization: return "linearization"
        case .chain: return "chain"
        case .limitAlongCurve, .limitAlongPath: return "limit"
        case .definitionPartial: return "definition partial"
        case .classify: return "classify"
        case .descent: return "descent"
        case .check: return "check"
        }
    }

    /// Every request name, for suggestions.
    static let names = ["value", "partials", "partial", "gradient", "directional", "steepest", "hessian",
                        "clairaut", "jacobian", "tangent", "linearization", "chain", "limit", "definition",
                        "classify", "descent", "check"]

    /// Whether the request works on a vector field (Jacobian) rather than a scalar field.
    var needsVectorField: Bool {
        if case .jacobian = self { return true }
        return false
    }
}

/// `x = cos(t)` in a chain request.
public struct ChainSubstitution: Hashable, Sendable {
    public var variable: String
    public var expression: Expr
    public init(variable: String, expression: Expr) { self.variable = variable; self.expression = expression }
}
