/// Both mixed partials f_xy = ∂/∂y(∂f/∂x) and f_yx = ∂/∂x(∂f/∂y), each computed in its
/// own order, and whether they agree (Clairaut's theorem, where f is smooth enough).
public struct MixedPartials: Sendable {
    public let first: String
    public let second: String
    /// f_{first second}: differentiate by `first`, then by `second`.
    public let inOrder: Expr
    /// f_{second first}.
    public let reversed: Expr
    public let equal: Bool
    public let steps: [WorkStep]

    public init(of f: Expr, _ first: String, _ second: String, variables: [String], name: String = "f") {
        self.first = first
        self.second = second
        let d1 = Derivation.partial(f, wrt: first), d2 = Derivation.partial(f, wrt: second)
        let d12 = Derivation.partial(d1.result, wrt: second), d21 = Derivation.partial(d2.result, wrt: first)
        inOrder = DerivativeDisplay.simplify(d12.result)
        reversed = DerivativeDisplay.simplify(d21.result)
        equal = inOrder == reversed || Equivalence.areEquivalent(inOrder, reversed, variables: variables).equivalent
        let (a, b) = (DerivativeDisplay.latex(.symbol(first)), DerivativeDisplay.latex(.symbol(second)))
        steps = [
            WorkStep(label: "\(name)_\(first)", latexLabel: "\(name)_{\(a)}", value: .scalar(DerivativeDisplay.simplify(d1.result)), derivations: [d1]),
            WorkStep(label: "\(name)_\(first)\(second)", latexLabel: "\(name)_{\(a)\(b)}", value: .scalar(inOrder), derivations: [d12]),
            WorkStep(label: "\(name)_\(second)", latexLabel: "\(name)_{\(b)}", value: .scalar(DerivativeDisplay.simplify(d2.result)), derivations: [d2]),
            WorkStep(label: "\(name)_\(second)\(first)", latexLabel: "\(name)_{\(b)\(a)}", value: .scalar(reversed),
                     note: equal ? "equal to \(name)_\(first)\(second)" : "differs from \(name)_\(first)\(second)",
                     latexNote: "\\text{\(equal ? "equal to" : "differs from") } \(name)_{\(a)\(b)}", derivations: [d21]),
        ]
    }
}
