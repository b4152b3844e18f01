import MarkdownSyntax

/// One line of a calc block with where it stands in the lesson file, so that a problem
/// found at a character of the line is reported at the right file line and column.
public struct CalcLine: Hashable, Sendable {
    /// The line's text inside the block (without the fence's indentation or a callout's `>`).
    public var text: String
    /// 1-based line in the lesson file.
    public var line: Int
    /// File column (1-based, UTF-8 bytes) where `text` starts.
    public var column: Int

    public init(text: String, line: Int, column: Int) {
        self.text = text; self.line = line; self.column = column
    }

    public init(_ code: CodeLine) { self.init(text: code.text, line: code.line, column: code.column) }

    /// The file location of the character at `offset` (0-based, in Unicode scalars of `text`).
    func location(atScalar offset: Int) -> SourceLocation {
        SourceLocation(line: line, column: column + utf8Count(scalars: 0..<max(0, offset)))
    }

    /// UTF-8 bytes taken by the scalars in `range` of `text` (clamped to the text).
    func utf8Count(scalars range: Range<Int>) -> Int {
        let scalars = Array(text.unicodeScalars)
        let lower = min(max(range.lowerBound, 0), scalars.count)
        let upper = min(max(range.upperBound, lower), scalars.count)
        return scalars[lower..<upper].reduce(0) { $0 + String($1).utf8.count }
    }

    /// An error underlining `length` scalars from `offset` in this line.
    func diagnostic(_ file: String, atScalar offset: Int, length: Int, _ message: String,
                    severity: Diagnostic.Severity = .error) -> Diagnostic {
        // The source line is rebuilt from the block line: the formatter drops leading blanks,
        // so padding up to the line's column places the caret correctly.
        let padded = String(repeating: " ", count: max(0, column - 1)) + text
        return Diagnostic(severity, file: file, location: location(atScalar: offset),
                          length: max(1, utf8Count(scalars: offset..<(offset + max(1, length)))),
                          message: message, sourceLine: padded)
    }
}

/// A piece of a calc line: some text and the scalar offset where it starts in its line.
struct CalcSpan: Hashable, Sendable {
    var text: String
    var offset: Int

    /// The span without surrounding blanks, its offset moved past the leading ones.
    var trimmed: CalcSpan {
        let scalars = Array(text.unicodeScalars)
        var start = 0, end = scalars.count
        while start < end, scalars[start].properties.isWhitespace { start += 1 }
        while end > start, scalars[end - 1].properties.isWhitespace { end -= 1 }
        return CalcSpan(text: String(String.UnicodeScalarView(scalars[start..<end])), offset: offset + start)
    }

    var length: Int { text.unicodeScalars.count }
    var isEmpty: Bool { text.unicodeScalars.allSatisfy { $0.properties.isWhitespace } }

    /// The sub-span of scalars `range` (relative to this span).
    func slice(_ range: Range<Int>) -> CalcSpan {
        let scalars = Array(text.unicodeScalars)
        let lower = min(max(range.lowerBound, 0), scalars.count)
        let upper = min(max(range.upperBound, lower), scalars.count)
        return CalcSpan(text: String(String.UnicodeScalarView(scalars[lower..<upper])), offset: offset + lower)
    }
}
