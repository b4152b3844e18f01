import MarkdownSyntax

/// A file's text with fast access to its lines, for building diagnostics.
struct SourceFile: Sendable {
    /// The path as shown in diagnostics (e.g. `Content/01-limits.md`).
    var displayPath: String
    var text: String
    private var lines: [Substring]

    init(displayPath: String, text: String) {
        self.displayPath = displayPath
        self.text = text
        self.lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// The text of a 1-based line without its line ending; empty when out of range.
    func line(_ number: Int) -> String {
        guard number >= 1, number <= lines.count else { return "" }
        var line = lines[number - 1]
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
            bytes += String(scalar).utf8.count
            scalars += 1
        }
        return bytes + 1 + max(0, scalarColumn - 1 - scalars)
    }
}
