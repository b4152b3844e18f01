import MarkdownSyntax
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
        var text = self.text
        return text.withUTF8 { bytes -> String in
            guard let base = bytes.baseAddress else { return "" }
            let newline = Int32(UInt8(ascii: "\n"))
            var start = 0
            var current = 1
            // memchr from line break to line break: lines are looked up one by one (a YAML
            // node's position, a diagnostic), so this stays cheap for long files too.
            while current < number {
                guard start < bytes.count, let found = memchr(base + start, newline, bytes.count - start) else { return "" }
                start = UnsafePointer<UInt8>(found.assumingMemoryBound(to: UInt8.self)) - base + 1
                current += 1
            }
            if start > bytes.count { return "" }
            var end = start
            if start < bytes.count, let found = memchr(base + start, newline, bytes.count - start) {
                end = UnsafePointer<UInt8>(found.assumingMemoryBound(to: UInt8.self)) - base
            } else {
                end = bytes.count
            }
            if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        }
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
