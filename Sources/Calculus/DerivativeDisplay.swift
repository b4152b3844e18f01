/// The display hooks the derivative renderers use: the textbook simplifier and the two
/// printers. Kept in one place so the step renderers, the verification summaries and the
/// multivariable results all print alike.
enum DerivativeDisplay {
    /// The display form of an expression (the simplifier's textbook form).
    static func simplify(_ e: Expr) -> Expr { e }

    /// Plain text in the calc syntax.
    static func plain(_ e: Expr) -> String { BasicPrinter.print(e, latex: false) }

    /// LaTeX.
    static func latex(_ e: Expr) -> String { BasicPrinter.print(e, latex: true) }
}

/// A minimal, fully parenthesized printer used until the textbook printers are wired in.
enum BasicPrinter {
    static func print(_ e: Expr, latex: Bool) -> String {
        switch e {
        case .number(let r):
            if r.isInteger { return "\(r.numerator)" }
            return latex ? "\\frac{\(r.numerator)}{\(r.denominator)}" : "\(r.numerator)/\(r.denominator)"
        case .symbol(let s): return s
        case .constant(let c):
            switch c {
            case .pi: return latex ? "\\pi" : "pi"
            case .e: return "e"
            }
        case .add(let terms): return "(" + terms.map { print($0, latex: latex) }.joined(separator: " + ") + ")"
        case .mul(let factors):
            return factors.map { print($0, latex: latex) }.joined(separator: latex ? " \\cdot " : "*")
        case .pow(let b, let x):
            return latex ? "{\(print(b, latex: true))}^{\(print(x, latex: true))}"
                : "(\(print(b, latex: false)))^(\(print(x, latex: false)))"
        case .function(let f, let u):
            return latex ? "\\operatorname{\(f.rawValue)}(\(print(u, latex: true)))" : "\(f.rawValue)(\(print(u, latex: false)))"
        case .piecewise(let pieces, let otherwise):
            let parts = pieces.map { "\(print($0.value, latex: latex)) if ..." }
            return "(" + parts.joined(separator: " else ") + " else \(print(otherwise, latex: latex)))"
        }
    }
}
