import Calculus

/// LaTeX output of evaluated blocks: each request's steps as an aligned derivation.
public enum CalcLaTeXRenderer {
    public static func latex(_ evaluated: EvaluatedCalcBlock) -> String {
        var out = ""
        for r in evaluated.results { out += latex(r) }
        if let figure = evaluated.figure { out += figure.tikz.hasSuffix("\n") ? figure.tikz : figure.tikz + "\n" }
        return out
    }

    /// One result: the function, the aligned steps and the boxed result.
    public static func latex(_ r: CalcResult) -> String {
        var out = "% \(r.request.text)\n"
        out += "\\[ \(r.functionLaTeX) \\]\n"
        if !r.steps.isEmpty { out += "\\[\n" + CalcWorkLines.aligned(r.steps) + "\n\\]\n" }
        if case .plane(let e) = r.value {
            out += "\\[ \(r.latexResultLabel) = \(e.latex)"
        } else {
            out += "\\[ \(r.latexResultLabel) = \(r.value.latex)"
        }
        if let a = r.approximation { out += " \\approx \(a)" }
        out += " \\]\n"
        return out
    }
}
