#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds math spans and `@references` in a lesson before cmark sees it, and replaces each
/// by a placeholder token that cmark passes through untouched (CALC.md section 1: math is
/// opaque to Markdown).
///
/// A token is U+E000, the span's number, U+E001. A span that runs over several lines
/// keeps the line count: each further line becomes U+E002, the span's number, `.`, the
/// line's distance from the first, U+E001, which cmark takes as a lazy continuation of
/// the paragraph. Private-use characters of the file itself were replaced beforehand, so a
/// token cannot occur in the text. Scanning works on UTF-8 bytes, in one pass per run of
/// non-blank lines, so it stays linear in the size of the file.
struct MathScanner {
    private let bytes: [UInt8]
    private let text: SourceText
    private let layout: BlockLayout
    private let file: String
    private(set) var spans: [ProtectedSpan] = []
    private(set) var diagnostics: [Diagnostic] = []

    init(text: SourceText, layout: BlockLayout, file: String) {
        self.bytes = text.bytes; self.text = text; self.layout = layout; self.file = file
    }

    // MARK: Finding the spans

    /// Scans every run of consecutive non-blank lines outside code and HTML blocks.
    mutating func scan() {
        var line = 1
        let count = text.lineCount
        while line <= count {
            if breaksRun(line) { line += 1; continue }
            let first = line
            if !layout.singleLineHeading[line] {
                while line + 1 <= count, !breaksRun(line + 1), !layout.singleLineHeading[line + 1] { line += 1 }
            }
            scanRun(from: text.lineStarts[first - 1], to: text.lineEnd(line))
            line += 1
        }
    }

    /// A blank line (also `>` alone, blank inside a quote) or a line of a code or HTML block.
    private func breaksRun(_ line: Int) -> Bool {
        if layout.verbatim[line] { return true }
        for index in text.lineStarts[line - 1]..<text.lineEnd(line) {
            switch bytes[index] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: ">"), UInt8(ascii: "\r"): continue
            default: return false
            }
        }
        return true
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
    }

    /// Bytes that start something the scanner handles; everything else is skipped fast.
    private static let interesting: [Bool] = (0..<256).map { byte in
        [UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "<"), UInt8(ascii: "$"), UInt8(ascii: "@")]
            .contains(UInt8(byte))
    }

    private mutating func scanRun(from: Int, to: Int) {
        let bytes = self.bytes
        bytes.withUnsafeBufferPointer { buffer in scanRun(buffer, from: from, to: to) }
    }

    private mutating func scanRun(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) {
        // Every `$` that may close inline math: not escaped, a non-space before it, no digit
        // after it. Openers only move forward, so one cursor into this list suffices.
        // memchr from `$` to `$`; a `$` is escaped when an odd number of backslashes (back
        // to the run's start) stands right before it.
        var closers: [Int] = []
        if let base = bytes.baseAddress, from < to {
            var at = from
            while at < to, let found = memchr(base + at, Int32(UInt8(ascii: "$")), to - at) {
                let index = UnsafePointer<UInt8>(found.assumingMemoryBound(to: UInt8.self)) - base
                var backslashes = 0
                while index - backslashes - 1 >= from, bytes[index - backslashes - 1] == UInt8(ascii: "\\") { backslashes += 1 }
                if backslashes % 2 == 0, index > from, !Self.isSpace(bytes[index - 1]),
                   !(index + 1 < to && Self.isDigit(bytes[index + 1])) {
                    closers.append(index)
                }
                at = index + 1
            }
        }
        var cursor = 0
        // Backtick run lengths known to have no closing run after a given offset.
        var noCloserAfter: [Int: Int] = [:]
        let interesting = Self.interesting
        var index = from
        while index < to {
            if !interesting[Int(bytes[index])] { index += 1; continue }
            switch bytes[index] {
            case UInt8(ascii: "\\"):
                index += 2
            case UInt8(ascii: "`"):
                var length = 1
                while index + length < to, bytes[index + length] == UInt8(ascii: "`") { length += 1 }
                if let close = backtickCloser(bytes, length: length, from: index + length, to: to, known: &noCloserAfter) {
                    index = close + length
                } else {
                    index += length
                }
            case UInt8(ascii: "<"):
                index = autolinkEnd(bytes, at: index, to: to) ?? index + 1
            case UInt8(ascii: "$"):
                if index + 1 < to, bytes[index + 1] == UInt8(ascii: "$") {
                    if let close = displayCloser(bytes, from: index + 2, to: to) {
                        index = addDisplayMath(open: index, close: close, runEnd: to)
                    } else {
                        let location = text.location(of: index)
                        diagnostics.append(Diagnostic(
                            .error, file: file, location: location, length: 2,
                            message: "unclosed display math: '$$' has no closing '$$' before the end of the paragraph",
                            sourceLine: text.text(ofLine: location.line)))
                        index += 2
                    }
                } else if index + 1 < to, !Self.isSpace(bytes[index + 1]) {
                    while cursor < closers.count, closers[cursor] <= index + 1 { cursor += 1 }
                    if cursor < closers.count {
                        let close = closers[cursor]
                        add(.inlineMath(tex: tex(from: index + 1, to: close, openLine: text.line(of: index))),
                            start: index, end: close + 1)
                        index = close + 1
                    } else {
                        index += 1
                    }
                } else {
                    index += 1
                }
            case UInt8(ascii: "@"):
                index = reference(bytes, at: index, from: from, to: to) ?? index + 1
            default:
                index += 1
            }
        }
    }

    /// The offset of the next run of exactly `length` backticks, as CommonMark closes a code span.
    private func backtickCloser(_ bytes: UnsafeBufferPointer<UInt8>, length: Int, from start: Int, to: Int, known: inout [Int: Int]) -> Int? {
        if let after = known[length], after <= start { return nil }
        var index = start
        while index < to {
            if bytes[index] == UInt8(ascii: "`") {
                var run = 1
                while index + run < to, bytes[index + run] == UInt8(ascii: "`") { run += 1 }
                if run == length { return index }
                index += run
            } else {
                index += 1
            }
        }
        known[length] = start
        return nil
    }

    /// The end of an autolink `<scheme:...>` starting at `index`: its `$` and `@` are URL text.
    private func autolinkEnd(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, to: Int) -> Int? {
        var cursor = index + 1
        let schemeStart = cursor
        while cursor < to, Self.isAlphanumeric(bytes[cursor]) || bytes[cursor] == UInt8(ascii: "+")
                || bytes[cursor] == UInt8(ascii: ".") || bytes[cursor] == UInt8(ascii: "-") {
            cursor += 1
        }
        let schemeLength = cursor - schemeStart
        guard schemeLength >= 2, schemeLength <= 32, cursor < to, bytes[cursor] == UInt8(ascii: ":") else { return nil }
        while cursor < to {
            switch bytes[cursor] {
            case UInt8(ascii: ">"): return cursor + 1
            case UInt8(ascii: "<"), UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"): return nil
            default: cursor += 1
            }
        }
        return nil
    }

    /// The offset of the `$$` closing display math opened before `start`, skipping escapes.
    private func displayCloser(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to: Int) -> Int? {
        var index = start
        while index + 1 < to {
            if bytes[index] == UInt8(ascii: "\\") {
                index += 2
            } else if bytes[index] == UInt8(ascii: "$"), bytes[index + 1] == UInt8(ascii: "$") {
                return index
            } else {
                index += 1
            }
        }
        return nil
    }

    /// Records display math and its optional `{#eq-...}` label; returns where scanning goes on.
    private mutating func addDisplayMath(open: Int, close: Int, runEnd: Int) -> Int {
        let body = tex(from: open + 2, to: close, openLine: text.line(of: open))
        var end = close + 2
        var label: String?
        var cursor = end
        while cursor < runEnd, bytes[cursor] == UInt8(ascii: " ") || bytes[cursor] == UInt8(ascii: "\t") { cursor += 1 }
        if cursor + 1 < runEnd, bytes[cursor] == UInt8(ascii: "{"), bytes[cursor + 1] == UInt8(ascii: "#") {
            var closeBrace = cursor + 2
            while closeBrace < runEnd, bytes[closeBrace] != UInt8(ascii: "}"), !Self.isSpace(bytes[closeBrace]) { closeBrace += 1 }
            if closeBrace < runEnd, bytes[closeBrace] == UInt8(ascii: "}"), closeBrace > cursor + 2 {
                let written = String(decoding: bytes[(cursor + 2)..<closeBrace], as: UTF8.self)
                end = closeBrace + 1
                if let problem = Label.problem(with: written, expected: "eq", item: "a display equation") {
                    let location = text.location(of: cursor)
                    diagnostics.append(Diagnostic(.error, file: file, location: location, length: end - cursor,
                                                  message: problem, sourceLine: text.text(ofLine: location.line)))
                } else {
                    label = written
                }
            }
        }
        add(.displayMath(tex: body, label: label), start: open, end: end)
        return end
    }

    /// Records `@prefix-name` at `index` when it is a reference (not part of an e-mail
    /// address, and with one of the label prefixes); returns where scanning goes on.
    private mutating func reference(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, from: Int, to: Int) -> Int? {
        if index > from {
            let before = bytes[index - 1]
            if Self.isAlphanumeric(before) || before >= 0x80 || before == UInt8(ascii: ".") || before == UInt8(ascii: "_")
                || before == UInt8(ascii: "%") || before == UInt8(ascii: "+") || before == UInt8(ascii: "-") {
                return nil
            }
        }
        var cursor = index + 1
        while cursor < to, bytes[cursor] >= UInt8(ascii: "a"), bytes[cursor] <= UInt8(ascii: "z") { cursor += 1 }
        let prefix = String(decoding: bytes[(index + 1)..<cursor], as: UTF8.self)
        guard Label.prefixes.contains(prefix), cursor < to, bytes[cursor] == UInt8(ascii: "-") else { return nil }
        cursor += 1
        let nameStart = cursor
        while cursor < to, Label.isNameByte(bytes[cursor]) { cursor += 1 }
        // A reference ends a sentence or an emphasis: a trailing `-` or `_` is not part of it.
        while cursor > nameStart, bytes[cursor - 1] == UInt8(ascii: "-") || bytes[cursor - 1] == UInt8(ascii: "_") { cursor -= 1 }
        guard cursor > nameStart else { return nil }
        add(.reference(label: String(decoding: bytes[(index + 1)..<cursor], as: UTF8.self)), start: index, end: cursor)
        return cursor
    }

    /// The TeX between two delimiters. On the lines after the first, the container prefix
    /// (quote markers and the indentation of the paragraph) is removed, so math in a
    /// callout or list item reads as if it stood at the left margin.
    private func tex(from start: Int, to end: Int, openLine: Int) -> String {
        let contentColumn = max(1, layout.leafColumn[openLine])
        var out: [UInt8] = []
        out.reserveCapacity(end - start)
        var index = start
        while index < end {
            let byte = bytes[index]
            index += 1
            if byte == UInt8(ascii: "\n") {
                if out.last == UInt8(ascii: "\r") { out.removeLast() }
                out.append(byte)
                let lineStart = index
                while index < end, index - lineStart + 1 < contentColumn,
                      bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") || bytes[index] == UInt8(ascii: ">") {
                    index += 1
                }
            } else {
                out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private mutating func add(_ content: ProtectedSpan.Content, start: Int, end: Int) {
        let range = SourceRange(start: text.location(of: start), end: text.location(of: end - 1))
        spans.append(ProtectedSpan(content: content, start: start, end: end, range: range))
    }

    // MARK: Writing the protected text

    static let startMarker: [UInt8] = [0xEE, 0x80, 0x80]
    static let endMarker: [UInt8] = [0xEE, 0x80, 0x81]
    static let continuationMarker: [UInt8] = [0xEE, 0x80, 0x82]

    /// The file with every span replaced by its tokens, line for line.
    func protectedText() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + spans.count * 8)
        var position = 0
        for (number, span) in spans.enumerated() {
            out.append(contentsOf: bytes[position..<span.start])
            out.append(contentsOf: Self.startMarker)
            out.append(contentsOf: String(number).utf8)
            out.append(contentsOf: Self.endMarker)
            var lineDistance = 0
            for index in span.start..<span.end where bytes[index] == UInt8(ascii: "\n") {
                lineDistance += 1
                out.append(UInt8(ascii: "\n"))
                out.append(contentsOf: Self.continuationMarker)
                out.append(contentsOf: String(number).utf8)
                out.append(UInt8(ascii: "."))
                out.append(contentsOf: String(lineDistance).utf8)
                out.append(contentsOf: Self.endMarker)
            }
            position = span.end
        }
        out.append(contentsOf: bytes[position..<bytes.count])
        return out
    }
}
