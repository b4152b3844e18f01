/// Printers for vectors and matrices, matching the scalar printers.
extension Value {
    /// Calc syntax: `x^2`, `(2 x, 1)`, `[[2, 0], [0, 4]]`; parses back with `parseValue`.
    public var plainText: String {
        switch self {
        case .scalar(let e): return e.plainText
        case .vector(let v): return "(" + v.map(\.plainText).joined(separator: ", ") + ")"
        case .matrix(let m): return "[" + m.map { "[" + $0.map(\.plainText).joined(separator: ", ") + "]" }.joined(separator: ", ") + "]"
        }
    }

    /// LaTeX: vectors as a column `pmatrix`, matrices as a `pmatrix`.
    public var latex: String {
        switch self {
        case .scalar(let e): return e.latex
        case .vector(let v): return "\\begin{pmatrix} " + v.map { Value.entry($0.latex) }.joined(separator: " \\\\ ") + " \\end{pmatrix}"
        case .matrix(let m):
            return "\\begin{pmatrix} " + m.map { $0.map { Value.entry($0.latex) }.joined(separator: " & ") }
                .joined(separator: " \\\\ ") + " \\end{pmatrix}"
        }
    }

    /// An entry of a `pmatrix`: a fraction is set at full size (`\dfrac`), since a matrix
    /// sets its entries in text style, where fractions are too small to read in print.
    static func entry(_ latex: String) -> String {
        if latex.hasPrefix("\\frac{") { return "\\dfrac" + latex.dropFirst(5) }
        if latex.hasPrefix("-\\frac{") { return "-\\dfrac" + latex.dropFirst(6) }
        return latex
    }

    /// LaTeX of a vector written as a point: `\left(1, \frac{1}{2}\right)`; scalars and
    /// matrices as in `latex`.
    public var latexPoint: String {
        if case .vector(let v) = self { return ExpressionPrinter(.latex).tuple(v) }
        return latex
    }

    /// Decimal approximation in the same shape (`(0.707107, 1)`), or nil when an entry
    /// has no numeric value.
    public var approximation: String? {
        switch self {
        case .scalar(let e): return e.approximation
        case .vector(let v):
            let parts = v.compactMap(\.approximation)
            return parts.count == v.count ? "(" + parts.joined(separator: ", ") + ")" : nil
        case .matrix(let m):
            var rows: [String] = []
            for row in m {
                let parts = row.compactMap(\.approximation)
                guard parts.count == row.count else { return nil }
                rows.append("[" + parts.joined(separator: ", ") + "]")
            }
            return "[" + rows.joined(separator: ", ") + "]"
        }
    }
}
