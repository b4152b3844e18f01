import Calculus

/// Plain-text output of evaluated blocks, for the terminal.
public enum CalcTextRenderer {
    public static func text(_ evaluated: EvaluatedCalcBlock) -> String {
        var out = ""
        for (index, r) in evaluated.results.enumerated() {
            if evaluated.block.kind == .exercise { out += "(\(CalcTextRenderer.partLetter(index))) " }
            out += r.request.text + "\n"
            out += "  " + r.functionText + "\n"
            for step in r.steps { out += "  " + step.plainText + "\n" }
            if let table = r.table {
                out += "  " + table.header.joined(separator: " | ") + "\n"
                for (i, row) in table.rows.enumerated() {
                    if let cut = table.omittedAfterRow, i == cut { out += "  ...\n" }
                    out += "  " + row.joined(separator: " | ") + "\n"
                }
            }
            if let remark = r.remark { out += "  " + remark + "\n" }
            if case .plane(let e) = r.value {
                out += "  result: \(r.resultLabel) = \(e.plainText)\n"
            } else {
                out += "  result: \(r.resultLabel) = \(r.value.plainText)\n"
            }
            if let a = r.approximation { out += "  approx: \(a)\n" }
            out += "  verified: \(r.verified ? "yes" : "NO") (\(r.checks.count) check\(r.checks.count == 1 ? "" : "s"))\n"
        }
        if let figure = evaluated.figure {
            out += "figure" + (figure.label.map { " \($0)" } ?? "") + ": " + figure.alt + "\n"
        }
        return out
    }

    /// a, b, c, ... z, then aa, ab ...
    static func partLetter(_ index: Int) -> String {
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        return index < 26 ? String(letters[index]) : partLetter(index / 26 - 1) + String(letters[index % 26])
    }
}
