/// One line of shown work in a multivariable computation: a labelled value with a note,
/// kept format-neutral so a renderer can print it as text or LaTeX later.
public struct WorkStep: Sendable, Hashable {
    /// What the line computes, in plain text ("‖v‖", "∇f(1, 2)").
    public var label: String
    /// The same label in LaTeX.
    public var latexLabel: String
    /// The value shown on the right-hand side.
    public var value: Value
    /// Why (plain text, may be empty): "normalize the direction", "check: ∇f = 0".
    public var note: String
    /// The note in LaTeX (text mode pieces in `\text{...}`, math as math); empty with the note.
    public var latexNote: String
    /// Derivations behind this value (e.g. each partial), in order.
    public var derivations: [DerivationStep]

    /// A work line; without `latexNote` the note is set in `\text{...}` with LaTeX's special
    /// characters escaped (so notes that contain math should pass their own LaTeX).
    public init(label: String, latexLabel: String, value: Value, note: String = "", latexNote: String? = nil,
                derivations: [DerivationStep] = []) {
        self.label = label
        self.latexLabel = latexLabel
        self.value = value
        self.note = note
        self.latexNote = latexNote ?? (note.isEmpty ? "" : "\\text{\(Self.escapeText(note))}")
        self.derivations = derivations
    }

    /// Escapes the characters LaTeX treats specially in text mode.
    static func escapeText(_ s: String) -> String {
        var out = ""
        for ch in s {
            switch ch {
            case "\\": out += "\\textbackslash{}"
            case "_", "%", "&", "#", "$", "{", "}": out += "\\\(ch)"
            case "^": out += "\\^{}"
            case "~": out += "\\~{}"
            default: out.append(ch)
            }
        }
        return out
    }

    /// `label = value    [note]` in plain text.
    public var plainText: String {
        let v: String
        switch value {
        case .scalar(let e): v = DerivativeDisplay.plain(e)
        case .vector(let xs): v = "(" + xs.map(DerivativeDisplay.plain).joined(separator: ", ") + ")"
        case .matrix(let rows):
            v = "[" + rows.map { "[" + $0.map(DerivativeDisplay.plain).joined(separator: ", ") + "]" }
                .joined(separator: ", ") + "]"
        }
        return note.isEmpty ? "\(label) = \(v)" : "\(label) = \(v)    [\(note)]"
    }

    /// `label &= value` as a LaTeX aligned row (without the line break).
    public var latex: String {
        let v: String
        switch value {
        case .scalar(let e): v = DerivativeDisplay.latex(e)
        case .vector(let xs): v = "\\left(" + xs.map(DerivativeDisplay.latex).joined(separator: ", ") + "\\right)"
        case .matrix(let rows):
            v = "\\begin{pmatrix}" + rows.map { $0.map { Value.entry(DerivativeDisplay.latex($0)) }.joined(separator: " & ") }
                .joined(separator: " \\\\ ") + "\\end{pmatrix}"
        }
        return latexNote.isEmpty ? "\(latexLabel) &= \(v)" : "\(latexLabel) &= \(v) && \(latexNote)"
    }

    /// Work lines as one aligned block.
    public static func aligned(_ steps: [WorkStep]) -> String {
        "\\begin{aligned}\n" + steps.map(\.latex).joined(separator: " \\\\\n") + "\n\\end{aligned}"
    }
}

extension WorkStep {
    /// A point or vector in plain text: `(1, 2)`.
    static func tuple(_ xs: [Expr]) -> String { "(" + xs.map(DerivativeDisplay.plain).joined(separator: ", ") + ")" }
    /// A point or vector in LaTeX: `\left(1, 2\right)`.
    static func latexTuple(_ xs: [Expr]) -> String {
        "\\left(" + xs.map(DerivativeDisplay.latex).joined(separator: ", ") + "\\right)"
    }
}
