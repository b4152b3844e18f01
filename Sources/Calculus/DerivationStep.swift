/// The rule a derivation step applies.
public enum DerivationRule: Hashable, Sendable {
    /// d/dx c = 0 for a number or constant such as pi.
    case constant
    /// Differentiating by x, these other variables are held constant: d/dx g(y) = 0.
    case heldConstant([String])
    /// d/dx x = 1.
    case variable
    case sum
    /// (c·u)' = c·u' for a factor c free of the variable.
    case constantMultiple
    /// d/dx xⁿ = n xⁿ⁻¹ (the variable itself as the base).
    case power
    /// d/dx √x = 1/(2√x).
    case squareRoot
    case product
    /// (N/D)' = (N'D − ND')/D², used when a product has a negative-power factor.
    case quotient
    /// Outer rule (power, square root, exponential or a table function) times the inner derivative.
    case chain(outer: ChainOuter)
    /// d/dx aˣ = aˣ ln a (and eˣ).
    case exponential
    /// (fᵍ)' = fᵍ (g' ln f + g f'/f), when both base and exponent vary.
    case variablePower
    /// A table rule for a function applied to the variable itself.
    case function(Function)
    /// Each piece differentiated (valid away from the boundaries).
    case piecewise

    /// What the outer function of a chain rule is.
    public enum ChainOuter: Hashable, Sendable {
        case power, squareRoot, exponential
        case function(Function)
    }

    /// The rule's name as a step list shows it.
    public var name: String {
        switch self {
        case .constant: return "constant rule"
        case .heldConstant(let names):
            let list = names.count <= 1 ? names.joined()
                : names.dropLast().joined(separator: ", ") + " and " + names[names.count - 1]
            return "\(list) \(names.count == 1 ? "is" : "are") held constant"
        case .variable: return "variable rule"
        case .sum: return "sum rule"
        case .constantMultiple: return "constant multiple rule"
        case .power: return "power rule"
        case .squareRoot: return "square root rule"
        case .product: return "product rule"
        case .quotient: return "quotient rule"
        case .chain(let outer):
            switch outer {
            case .power: return "chain rule with the power rule"
            case .squareRoot: return "chain rule with the square root rule"
            case .exponential: return "chain rule with the exponential rule"
            case .function(let f): return "chain rule with the \(DerivativeRule.for(f).name)"
            }
        case .exponential: return "exponential rule"
        case .variablePower: return "logarithmic differentiation"
        case .function(let f): return DerivativeRule.for(f).name
        case .piecewise: return "piecewise rule"
        }
    }
}

/// One node of a derivation tree: the expression differentiated, the rule applied, the
/// derivatives of its parts (`substeps`) and the result.
public struct DerivationStep: Sendable, Hashable {
    /// The expression being differentiated.
    public var expression: Expr
    /// The variable of differentiation.
    public var variable: String
    public var rule: DerivationRule
    /// Derivations of the parts the rule needs, in the rule's order (product: each factor;
    /// quotient: numerator then denominator; chain: the inner function).
    public var substeps: [DerivationStep]
    /// For `constantMultiple`: the constant factor; for `quotient`: numerator and
    /// denominator; for `chain`: the outer derivative evaluated at the inner function.
    public var parts: [Expr]
    /// The derivative (canonical, not yet simplified for display).
    public var result: Expr

    /// Every step of the tree, parents before children.
    public var allSteps: [DerivationStep] { [self] + substeps.flatMap(\.allSteps) }

    /// The depth of the tree (a leaf has depth 1).
    public var depth: Int { 1 + (substeps.map(\.depth).max() ?? 0) }
}
