import MarkdownSyntax

/// A file's text with fast access to its lines, for building diagnostics.
struct SourceFile: Sendable {
    /// The path as shown in diagnostics (e.g. `Content/01-limits.md`).
    var displayPath: String
    var text: String

    init(displayPath: String, text: String) {
        self.displayPath = displayPath
        self.text = text
    }

    /// The text of a 1-based line without its line ending; empty when out of range.
    /// Lines are found on demand: only diagnostics and labels ask, so a build of a clean
    /// course never splits its files into lines.
    func line(_ number: Int) -> String {
        guard number >= 1 else { return "" }
        let bytes = text.utf8
        var current = 1
        var start = bytes.startIndex
        if number > 1 {
            var index = bytes.startIndex
            while index != bytes.endIndex {
                if bytes[index] == UInt8(ascii: "\n") {
                    current += 1
                    if current == number { start = bytes.index(after: index); break }
                }
                index = bytes.index(after: index)
            }
            guard current == number else { return "" }
        }
        var end = start
        while end != bytes.endIndex, bytes[end] != UInt8(ascii: "\n") { end = bytes.index(after: end) }
        var line = Substring(text.utf8[start..<end])
        if line.hasSuffix("\r") { line = line.dropLast() }
        return String(line)
    }

    /// A diagnostic at a position of this file, quoting its line.
    func diagnostic(_ severity: Diagnostic.Severity, at location: SourceLocation, length: Int = 1,
                    _ message: String) -> Diagnostic {
        Diagnostic(severity, file: displayPath, location: location, length: length,
                   message: message, sourceLine: line(location.line))
    }

    /// A diagnostic about the whole file (no line to quote).
    func fileDiagnostic(_ severity: Diagnostic.Severity, _ message: String) -> Diagnostic {
        Diagnostic(severity, file: displayPath, location: SourceLocation(line: 0, column: 0),
                   message: message, sourceLine: "")
    }

    /// Converts a column counted in Unicode scalars (as libyaml counts) on `line` into the
    /// UTF-8 byte column used everywhere else.
    func byteColumn(line number: Int, scalarColumn: Int) -> Int {
        let text = line(number)
        var bytes = 0
        var scalars = 0
        for scalar in text.unicodeScalars {
            if scalars >= scalarColumn - 1 { break }
            bytes += scalar.utf8.count
            scalars += 1
        }
        return bytes + 1 + max(0, scalarColumn - 1 - scalars)
    }
}
