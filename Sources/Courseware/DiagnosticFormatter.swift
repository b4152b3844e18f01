import MarkdownSyntax

/// Prints diagnostics the way CALC.md section 4 shows them:
///
///     Content/03-x.md:42:17: error: unknown request 'gradeint'
///         gradeint at (1, 0)
///         ^~~~~~~~
///
/// A diagnostic at line 0 concerns a whole file or folder and has no source line.
public enum DiagnosticFormatter {
    /// The full report of one diagnostic, ending in a newline.
    public static func format(_ diagnostic: Diagnostic) -> String {
        var out = ""
        if diagnostic.location.line > 0 {
            out += "\(diagnostic.file):\(diagnostic.location.line):\(diagnostic.location.column): "
        } else {
            out += "\(diagnostic.file): "
        }
        out += "\(diagnostic.severity.rawValue): \(diagnostic.message)\n"
        if diagnostic.location.line > 0, let excerpt = excerpt(diagnostic) {
            out += excerpt
        }
        return out
    }

    /// Every diagnostic in order, as one text.
    public static func format(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map(format).joined()
    }

    /// The source line (leading blanks removed, indented by four spaces) and the caret line
    /// under it; nil when the line is empty.
    static func excerpt(_ diagnostic: Diagnostic) -> String? {
        let bytes = Array(diagnostic.sourceLine.utf8)
        // Leading blanks are dropped so that deeply quoted or indented lines stay readable.
        var firstShown = 0
        while firstShown < bytes.count, bytes[firstShown] == UInt8(ascii: " ") || bytes[firstShown] == UInt8(ascii: "\t") {
            firstShown += 1
        }
        guard firstShown < bytes.count else { return nil }
        let shown = Array(bytes[firstShown...])
        // Columns count UTF-8 bytes; the caret is placed by characters so it lines up on screen.
        let caretByte = min(max(diagnostic.location.column - 1 - firstShown, 0), shown.count)
        let underlinedBytes = max(1, min(diagnostic.length, shown.count - caretByte))
        let before = displayWidth(shown[0..<caretByte])
        let underlined = caretByte < shown.count ? displayWidth(shown[caretByte..<(caretByte + underlinedBytes)]) : 1
        let text = String(decoding: shown, as: UTF8.self).replacingTabs()
        return "    " + text + "\n" + "    " + String(repeating: " ", count: before)
            + "^" + String(repeating: "~", count: max(0, underlined - 1)) + "\n"
    }

    /// How many characters a run of UTF-8 bytes shows as (continuation bytes do not count).
    private static func displayWidth(_ bytes: ArraySlice<UInt8>) -> Int {
        bytes.reduce(0) { $0 + (($1 & 0xC0) == 0x80 ? 0 : 1) }
    }
}

extension String {
    /// Tabs shown as single spaces so the caret line matches byte for character.
    fileprivate func replacingTabs() -> String {
        String(map { $0 == "\t" ? " " : $0 })
    }
}
