/// The display hooks the derivative renderers use: the textbook simplifier and the two
/// printers. Kept in one place so the step renderers, the verification summaries and the
/// multivariable results all print alike.
enum DerivativeDisplay {
    /// The display form of an expression (the simplifier's textbook form).
    static func simplify(_ e: Expr) -> Expr { Simplify.display(e) }

    /// Plain text in the calc syntax.
    static func plain(_ e: Expr) -> String { e.plainText }

    /// LaTeX.
    static func latex(_ e: Expr) -> String { e.latex }
}
