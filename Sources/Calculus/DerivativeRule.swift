/// The table rule for one built-in function: d/du f(u) as an expression in u, with the
/// name a derivation step shows.
///
/// Rules are data: differentiation looks up `DerivativeRule.for(f)` and multiplies by the
/// derivative of the argument (the chain rule), so adding a function means adding one case.
public struct DerivativeRule: Sendable {
    /// The function this rule differentiates.
    public let function: Function
    /// The rule's name in a step list ("sine rule").
    public let name: String
    /// The table entry in plain text, with `u` for the argument ("d/du sin(u) = cos(u)").
    public let formula: String
    /// The table entry in LaTeX.
    public let latexFormula: String
    /// f'(u) for an argument u.
    public let outer: @Sendable (Expr) -> Expr

    /// The rule for `f`.
    public static func `for`(_ f: Function) -> DerivativeRule {
        switch f {
        case .sin:
            return DerivativeRule(function: f, name: "sine rule", formula: "d/du sin(u) = cos(u)",
                                  latexFormula: #"\frac{d}{du}\sin u = \cos u"#) { .apply(.cos, $0) }
        case .cos:
            return DerivativeRule(function: f, name: "cosine rule", formula: "d/du cos(u) = -sin(u)",
                                  latexFormula: #"\frac{d}{du}\cos u = -\sin u"#) { -Expr.apply(.sin, $0) }
        case .tan:
            return DerivativeRule(function: f, name: "tangent rule", formula: "d/du tan(u) = sec(u)^2",
                                  latexFormula: #"\frac{d}{du}\tan u = \sec^{2} u"#) {
                .power(.apply(.sec, $0), .num(2))
            }
        case .sec:
            return DerivativeRule(function: f, name: "secant rule", formula: "d/du sec(u) = sec(u) tan(u)",
                                  latexFormula: #"\frac{d}{du}\sec u = \sec u \tan u"#) {
                .apply(.sec, $0) * .apply(.tan, $0)
            }
        case .csc:
            return DerivativeRule(function: f, name: "cosecant rule", formula: "d/du csc(u) = -csc(u) cot(u)",
                                  latexFormula: #"\frac{d}{du}\csc u = -\csc u \cot u"#) {
                -(Expr.apply(.csc, $0) * .apply(.cot, $0))
            }
        case .cot:
            return DerivativeRule(function: f, name: "cotangent rule", formula: "d/du cot(u) = -csc(u)^2",
                                  latexFormula: #"\frac{d}{du}\cot u = -\csc^{2} u"#) {
                -Expr.power(.apply(.csc, $0), .num(2))
            }
        case .asin:
            return DerivativeRule(function: f, name: "inverse sine rule", formula: "d/du asin(u) = 1/sqrt(1 - u^2)",
                                  latexFormula: #"\frac{d}{du}\arcsin u = \frac{1}{\sqrt{1-u^{2}}}"#) {
                .power(.one - .power($0, .num(2)), .number(Rational(-1, 2)))
            }
        case .acos:
            return DerivativeRule(function: f, name: "inverse cosine rule", formula: "d/du acos(u) = -1/sqrt(1 - u^2)",
                                  latexFormula: #"\frac{d}{du}\arccos u = -\frac{1}{\sqrt{1-u^{2}}}"#) {
                -Expr.power(.one - .power($0, .num(2)), .number(Rational(-1, 2)))
            }
        case .atan:
            return DerivativeRule(function: f, name: "inverse tangent rule", formula: "d/du atan(u) = 1/(1 + u^2)",
                                  latexFormula: #"\frac{d}{du}\arctan u = \frac{1}{1+u^{2}}"#) {
                .power(.one + .power($0, .num(2)), .num(-1))
            }
        case .sinh:
            return DerivativeRule(function: f, name: "hyperbolic sine rule", formula: "d/du sinh(u) = cosh(u)",
                                  latexFormula: #"\frac{d}{du}\sinh u = \cosh u"#) { .apply(.cosh, $0) }
        case .cosh:
            return DerivativeRule(function: f, name: "hyperbolic cosine rule", formula: "d/du cosh(u) = sinh(u)",
                                  latexFormula: #"\frac{d}{du}\cosh u = \sinh u"#) { .apply(.sinh, $0) }
        case .tanh:
            // sech^2 u, written 1/cosh^2 u: as short as 1 - tanh^2 u and, unlike it, it
            // keeps its digits in floating point where tanh u rounds to ±1.
            return DerivativeRule(function: f, name: "hyperbolic tangent rule", formula: "d/du tanh(u) = 1/cosh(u)^2",
                                  latexFormula: #"\frac{d}{du}\tanh u = \frac{1}{\cosh^{2} u}"#) {
                .power(.apply(.cosh, $0), .num(-2))
            }
        case .exp:
            return DerivativeRule(function: f, name: "exponential rule", formula: "d/du exp(u) = exp(u)",
                                  latexFormula: #"\frac{d}{du}e^{u} = e^{u}"#) { .apply(.exp, $0) }
        case .log:
            return DerivativeRule(function: f, name: "logarithm rule", formula: "d/du log(u) = 1/u",
                                  latexFormula: #"\frac{d}{du}\ln u = \frac{1}{u}"#) { .power($0, .num(-1)) }
        case .abs:
            // |u| is differentiable only away from u = 0; there u/|u| is the sign of u.
            return DerivativeRule(function: f, name: "absolute value rule (away from 0)", formula: "d/du abs(u) = u/abs(u)",
                                  latexFormula: #"\frac{d}{du}\lvert u\rvert = \frac{u}{\lvert u\rvert}\ (u \neq 0)"#) {
                $0 * .power(.apply(.abs, $0), .num(-1))
            }
        case .sigmoid:
            return DerivativeRule(function: f, name: "sigmoid rule",
                                  formula: "d/du sigmoid(u) = sigmoid(u) (1 - sigmoid(u))",
                                  latexFormula: #"\frac{d}{du}\sigma(u) = \sigma(u)\,(1-\sigma(u))"#) {
                .apply(.sigmoid, $0) * (.one - .apply(.sigmoid, $0))
            }
        }
    }
}
