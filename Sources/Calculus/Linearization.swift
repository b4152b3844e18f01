/// The first-order Taylor polynomial L(x) = f(a) + Σ f_{xᵢ}(a)(xᵢ − aᵢ) in n variables;
/// for two variables it is the tangent plane z = L(x, y).
public struct Linearization: Sendable {
    public let variables: [String]
    public let point: [Expr]
    /// f(a), exact.
    public let value: Expr
    /// f_{xᵢ}(a), exact.
    public let slopes: [Expr]
    /// L as one canonical, simplified expression in the variables.
    public let expression: Expr
    /// L in point-slope form as printed in textbooks: `1 + 2 (x - 1) - 4 (y - 2)`.
    public let pointSlopeForm: String
    /// The point-slope form in LaTeX.
    public let latexPointSlopeForm: String
    /// Whether L(a) = f(a) exactly (the plane passes through (a, f(a))).
    public let passesThroughPoint: Bool
    public let steps: [WorkStep]

    public init(of f: Expr, variables: [String], at point: [Expr], name: String = "f") throws(EvaluationError) {
        guard point.count == variables.count else { throw .pointDimension(expected: variables.count, got: point.count) }
        let g = Gradient(of: f, variables: variables, name: name)
        let fa = DerivativeDisplay.simplify(try ExactEvaluator.evaluate(f, variables: variables, point: point))
        let slopes = try g.at(point)
        self.variables = variables
        self.point = point
        value = fa
        self.slopes = slopes
        var terms = [fa]
        for (i, v) in variables.enumerated() {
            terms.append(slopes[i] * (.symbol(v) - point[i]))
        }
        let l = DerivativeDisplay.simplify(.sum(terms))
        expression = l
        let atPoint = try ExactEvaluator.evaluate(l, variables: variables, point: point)
        passesThroughPoint = ExactEvaluator.sign(DerivativeDisplay.simplify(atPoint - fa)) == 0
        (pointSlopeForm, latexPointSlopeForm) = Self.pointSlope(value: fa, slopes: slopes, variables: variables, point: point)
        let p = WorkStep.tuple(point), lp = WorkStep.latexTuple(point)
        var steps = [WorkStep(label: "\(name)\(p)", latexLabel: "\(name)\(lp)", value: .scalar(fa))]
        for (i, v) in variables.enumerated() {
            let lv = DerivativeDisplay.latex(.symbol(v))
            steps.append(WorkStep(label: "\(name)_\(v)\(p)", latexLabel: "\(name)_{\(lv)}\(lp)", value: .scalar(slopes[i]),
                                  derivations: [g.derivations[i]]))
        }
        steps.append(WorkStep(label: "L", latexLabel: "L", value: .scalar(l),
                              note: "point-slope form \(pointSlopeForm); passes through the point: \(passesThroughPoint ? "yes" : "no")",
                              latexNote: "\\text{point-slope form } \(latexPointSlopeForm);\\ \\text{passes through the point: \(passesThroughPoint ? "yes" : "no")}"))
        self.steps = steps
    }

    /// Builds `c₀ + c₁ (x − a) + ...`, dropping zero slopes and folding signs.
    static func pointSlope(value: Expr, slopes: [Expr], variables: [String], point: [Expr]) -> (String, String) {
        var plain: [(Bool, String)] = [], latex: [(Bool, String)] = []
        if value != .zero || slopes.allSatisfy({ $0 == .zero }) {
            plain.append((false, DerivativeDisplay.plain(value)))
            latex.append((false, DerivativeDisplay.latex(value)))
        }
        for (i, v) in variables.enumerated() where slopes[i] != .zero {
            let (sp, sl) = shiftText(v, point[i])
            let negative = ExactEvaluator.sign(slopes[i]) == -1
            let c = negative ? DerivativeDisplay.simplify(-slopes[i]) : slopes[i]
            let cp: String, cl: String
            if case .add = c { cp = "(\(DerivativeDisplay.plain(c))) "; cl = "\\left(\(DerivativeDisplay.latex(c))\\right) " }
            else if c == .one { cp = ""; cl = "" }
            else { cp = DerivativeDisplay.plain(c) + " "; cl = DerivativeDisplay.latex(c) + " " }
            plain.append((negative, cp + sp))
            latex.append((negative, cl + sl))
        }
        return (DerivationRenderer.joinSum(plain), DerivationRenderer.joinSum(latex))
    }

    /// `x - a` written variable first, as textbooks do (`x + 1` for a = -1, `x` for a = 0),
    /// parenthesized unless it is the bare variable.
    static func shiftText(_ v: String, _ a: Expr) -> (String, String) {
        let name = Expr.symbol(v)
        guard let s = ExactEvaluator.sign(a), s != 0 else {
            return (DerivativeDisplay.plain(name), DerivativeDisplay.latex(name))
        }
        let magnitude = s < 0 ? DerivativeDisplay.simplify(-a) : a
        var (mp, ml) = (DerivativeDisplay.plain(magnitude), DerivativeDisplay.latex(magnitude))
        if case .add = magnitude { mp = "(\(mp))"; ml = "\\left(\(ml)\\right)" }
        let op = s < 0 ? "+" : "-"
        return ("(\(DerivativeDisplay.plain(name)) \(op) \(mp))",
                "\\left(\(DerivativeDisplay.latex(name)) \(op) \(ml)\\right)")
    }
}
