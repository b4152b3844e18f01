/// Reads a fenced block's info string: `calc`, `calc exercise {#ex-name}`, `calc plot`.
enum CalcInfo {
    struct Problem {
        var offset: Int
        var length: Int
        var message: String
    }

    /// The numbered kind (exercise or figure) and label of a usable calc info string.
    static func numbered(_ info: String) -> (LabelKind, String?)? {
        guard let (kind, label, problem) = read(info), problem == nil else { return nil }
        switch kind {
        case .example: return nil
        case .exercise: return (.exercise, label)
        case .plot: return (.figure, label)
        }
    }

    /// nil when the info string does not start with the word `calc` (not a calc block);
    /// otherwise the kind and label, or a problem with the info string.
    static func read(_ info: String) -> (CalcBlockKind, String?, Problem?)? {
        let span = CalcSpan(text: info, offset: 0).trimmed
        let (first, rest) = CalcBlockParser.firstWord(span)
        guard first.text == "calc" else { return nil }
        var kind = CalcBlockKind.example
        var remainder = rest
        let (word, after) = CalcBlockParser.firstWord(rest)
        if !word.isEmpty && !word.text.hasPrefix("{") {
            switch word.text {
            case "exercise": kind = .exercise
            case "plot": kind = .plot
            default:
                return (.example, nil, Problem(offset: word.offset, length: word.length,
                    message: "unknown calc block kind '\(word.text)'"
                        + CalcSuggestion.hint(for: word.text, among: ["exercise", "plot"])
                        + "; use 'calc', 'calc exercise' or 'calc plot'"))
            }
            remainder = after
        }
        guard !remainder.isEmpty else { return (kind, nil, nil) }
        let text = remainder.text
        guard text.hasPrefix("{#"), text.hasSuffix("}"), text.count > 3 else {
            return (kind, nil, Problem(offset: remainder.offset, length: remainder.length,
                message: "expected a label such as {#ex-name} after the block kind, not '\(text)'"))
        }
        let label = String(text.dropFirst(2).dropLast())
        let prefix = label.split(separator: "-", maxSplits: 1).first.map(String.init) ?? ""
        let expected: [String]
        switch kind {
        case .example: expected = ["exm"]
        case .exercise: expected = ["ex"]
        case .plot: expected = ["fig"]
        }
        guard expected.contains(prefix), label.count > prefix.count + 1 else {
            return (kind, nil, Problem(offset: remainder.offset + 2, length: label.unicodeScalars.count,
                message: "the label '\(label)' does not fit a \(kind == .example ? "worked example" : kind.rawValue): "
                    + "its name must start with '\(expected[0])-'"))
        }
        return (kind, label, nil)
    }
}
