/// A request's text cut at its option words (`at`, `toward`, `rate`, ...), which count only
/// outside parentheses and brackets, so `(1, 0)` stays one value.
///
/// An option word is a whole word: it starts after a blank, an opening or closing
/// bracket or the start of the text, and ends at a blank, a bracket or the end, so
/// `along(t, 2 t)` and `at(1, 2)` are cut like `along (t, 2 t)`. Everything between two
/// option words is one value, handed whole to the expression parser (`y = 2 x`).
struct CalcClauses {
    struct Clause {
        var keyword: String
        var keywordSpan: CalcSpan
        var value: CalcSpan
    }

    /// Text before the first option word (a variable list, or nothing).
    var lead: CalcSpan
    var clauses: [Clause]

    init(_ span: CalcSpan, keywords: Set<String>) {
        let scalars = Array(span.text.unicodeScalars)
        var depth = 0
        var cuts: [(keyword: String, start: Int, end: Int)] = []
        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            if c == "(" || c == "[" { depth += 1; i += 1; continue }
            if c == ")" || c == "]" { depth = max(0, depth - 1); i += 1; continue }
            if depth == 0, CalcClauses.isWordStart(c), i == 0 || CalcClauses.isWordBoundary(scalars[i - 1]) {
                var j = i
                while j < scalars.count, CalcClauses.isWordPart(scalars[j]) { j += 1 }
                let word = String(String.UnicodeScalarView(scalars[i..<j]))
                if keywords.contains(word), j == scalars.count || CalcClauses.isWordBoundary(scalars[j]) {
                    cuts.append((word, i, j))
                }
                i = j
                continue
            }
            i += 1
        }
        lead = span.slice(0..<(cuts.first?.start ?? scalars.count)).trimmed
        clauses = cuts.enumerated().map { index, cut in
            let end = index + 1 < cuts.count ? cuts[index + 1].start : scalars.count
            return Clause(keyword: cut.keyword, keywordSpan: span.slice(cut.start..<cut.end),
                          value: span.slice(cut.end..<end).trimmed)
        }
    }

    /// A character that may stand next to an option word: a blank or a bracket.
    static func isWordBoundary(_ c: Unicode.Scalar) -> Bool {
        c.properties.isWhitespace || c == "(" || c == ")" || c == "[" || c == "]"
    }

    static func isWordStart(_ c: Unicode.Scalar) -> Bool { c.properties.isAlphabetic || c == "_" }
    static func isWordPart(_ c: Unicode.Scalar) -> Bool {
        c.properties.isAlphabetic || c == "_" || ("0"..."9").contains(c)
    }

    /// Words standing after a finished value at the top level, such as `towards` in
    /// `(1, 0) towards (1, 1)` or `step` in `0.1 step 25`: likely misspelled option words.
    static func strayWords(in span: CalcSpan) -> [CalcSpan] {
        let scalars = Array(span.text.unicodeScalars)
        var depth = 0
        var out: [CalcSpan] = []
        var lastSignificant: Unicode.Scalar?
        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            if c == "(" || c == "[" { depth += 1 }
            if c == ")" || c == "]" { depth = max(0, depth - 1) }
            if depth == 0, isWordStart(c), i > 0, scalars[i - 1].properties.isWhitespace,
               let last = lastSignificant, last == ")" || last == "]" || ("0"..."9").contains(last) {
                var j = i
                while j < scalars.count, isWordPart(scalars[j]) { j += 1 }
                out.append(span.slice(i..<j))
                lastSignificant = scalars[j - 1]
                i = j
                continue
            }
            if !c.properties.isWhitespace { lastSignificant = c }
            i += 1
        }
        return out
    }
}
