/// Escaping of plain text for LaTeX text mode.
enum LaTeXText {
    /// `text` with LaTeX's special characters made literal. Unicode minus becomes `-`.
    static func escape(_ text: String) -> String {
        var out = ""
        for ch in text {
            switch ch {
            case "\\": out += "\\textbackslash{}"
            case "{": out += "\\{"
            case "}": out += "\\}"
            case "$": out += "\\$"
            case "&": out += "\\&"
            case "#": out += "\\#"
            case "%": out += "\\%"
            case "_": out += "\\_"
            case "^": out += "\\textasciicircum{}"
            case "~": out += "\\textasciitilde{}"
            case "<": out += "\\textless{}"
            case ">": out += "\\textgreater{}"
            case "\u{2212}": out += "-"
            default: out.append(ch)
            }
        }
        return out
    }

    /// A number for math mode: `-1.5` stays `-1.5` (TeX sets a proper minus in math).
    static func mathNumber(_ plain: String) -> String {
        "$" + plain.replacingMinus() + "$"
    }
}

extension String {
    /// The ASCII hyphen-minus in place of U+2212.
    func replacingMinus() -> String {
        String(self.map { $0 == "\u{2212}" ? "-" : $0 })
    }
}
