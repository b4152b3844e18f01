import Testing
@testable import Calculus

@Suite struct DiffDerivationTests {
    @Test func showsSteps() {
        for text in ["x^2 y + sin(y)", "x y/(x^2 + y^2)", "exp(x^2 + y^2)", "x^y", "sqrt(x^2+y^2)", "sigmoid(w x + b)"] {
            let step = Derivation.partial(diffParse(text), wrt: "x")
            print(DerivationRenderer.plainText(step))
            print(DerivationRenderer.latex(step))
        }
    }
}
