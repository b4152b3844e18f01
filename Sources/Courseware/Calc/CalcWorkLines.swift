import Calculus

/// The work lines of a result as one LaTeX `aligned` display that fits a lesson column.
///
/// A line whose note would make it wide (the linearization's point-slope form, a long
/// check) keeps `label = value` on its row and moves the note to a row of its own,
/// indented under the value, instead of widening the whole display.
enum CalcWorkLines {
    /// Rows longer than this many plain-text characters, value and note together, are broken.
    static let widestRow = 64

    static func aligned(_ steps: [WorkStep]) -> String {
        "\\begin{aligned}\n" + steps.map(row).joined(separator: " \\\\\n") + "\n\\end{aligned}"
    }

    static func row(_ step: WorkStep) -> String {
        let latex = step.latex
        let noteSuffix = " && " + step.latexNote
        guard !step.latexNote.isEmpty, step.plainText.count > widestRow, latex.hasSuffix(noteSuffix) else { return latex }
        return String(latex.dropLast(noteSuffix.count)) + " \\\\\n&\\qquad " + step.latexNote
    }
}
