#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Parses a lesson: front matter, CommonMark through libcmark, and the lesson extensions
/// of CALC.md section 1 (math, callouts, labels, references).
///
///     let document = MarkdownParser.parse(source, file: "Content/03-directional-derivatives.md")
///     for diagnostic in document.diagnostics { ... }
///
/// Positions everywhere refer to lines and byte columns of the original file, front
/// matter included.
public enum MarkdownParser {
    public static func parse(_ source: String, file: String) -> MarkdownDocument {
        var bytes = Array(source.utf8)
        var diagnostics: [Diagnostic] = []
        replacePrivateUseMarkers(&bytes)
        let original = SourceText(bytes)
        let frontMatter = splitFrontMatter(&bytes, lines: original, file: file, diagnostics: &diagnostics)

        // Blanking the front matter keeps every line break, so the lines are the same.
        let text = SourceText(bytes, sameLinesAs: original)
        // First pass: where code and HTML blocks are, so math is not looked for there.
        let layout = CommonMarkConverter.blockLayout(layoutText(bytes), lineCount: text.lineCount)
        var scanner = MathScanner(text: text, layout: layout, file: file)
        scanner.scan()
        diagnostics += scanner.diagnostics

        // Second pass: the text with math and references replaced by tokens.
        let (tree, flattenedAt) = CommonMarkConverter.parse(scanner.protectedText())
        if let location = flattenedAt {
            diagnostics.append(Diagnostic(
                .error, file: file, location: location,
                message: "blocks or emphasis nested more than \(CommonMarkConverter.maximumDepth) levels deep; the deeper levels are flattened",
                sourceLine: text.text(ofLine: location.line)))
        }
        var builder = TreeBuilder(spans: scanner.spans, text: text, file: file)
        let blocks = builder.blocks(tree.children)
        diagnostics += builder.diagnostics
        diagnostics.sort { ($0.location, $0.message) < ($1.location, $1.message) }
        return MarkdownDocument(frontMatter: frontMatter, blocks: blocks, diagnostics: diagnostics)
    }

    /// The text the first pass reads: the file with `_`, `*`, and `\` before a letter
    /// replaced by `x` between the first and second `$` of a line, the third and fourth, and
    /// so on. Those bytes make libcmark build (and then throw away) an inline node each,
    /// which in TeX is most of the first pass's work (LaTeX has a backslash or subscript
    /// every few characters); the replacement halves it.
    ///
    /// The blocks, their lines and columns, are the same for both texts, which is all the
    /// first pass is read for (`BlockLayout`; tested against the text as written):
    /// - every byte keeps its place, so lines and columns stay;
    /// - a replaced byte has a `$` before it on its line, so it is never part of the line's
    ///   indentation, container markers or block start (`*` bullets, `***` and `___` rules
    ///   and `===` underlines have no `$` on their line, nor does a closing code fence);
    /// - a line with a `<` before its first `$` is left as it is, so an HTML block's start
    ///   condition sees the line as written; the end conditions (`-->`, `?>`, `>`, `]]>`,
    ///   `</script>`...) have none of the replaced bytes, and replacing makes only `x`;
    /// - in a fence's info string, a link reference definition's label, destination or
    ///   title, `_`, `*` and a backslash before a letter mean nothing: validity is the same.
    static func layoutText(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.contains(UInt8(ascii: "$")) else { return bytes }
        var out = bytes
        out.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            let count = buffer.count
            var lineStart = 0
            var dollars: [Int] = []
            while lineStart < count {
                let lineEnd: Int
                if let found = memchr(base + lineStart, Int32(UInt8(ascii: "\n")), count - lineStart) {
                    lineEnd = UnsafeMutablePointer<UInt8>(found.assumingMemoryBound(to: UInt8.self)) - base
                } else {
                    lineEnd = count
                }
                dollars.removeAll(keepingCapacity: true)
                var sawLessBeforeDollar = false
                for index in lineStart..<lineEnd {
                    switch buffer[index] {
                    case UInt8(ascii: "$"): dollars.append(index)
                    case UInt8(ascii: "<") where dollars.isEmpty: sawLessBeforeDollar = true
                    default: break
                    }
                }
                if !sawLessBeforeDollar {
                    var pair = 0
                    while pair + 1 < dollars.count {
                        let end = dollars[pair + 1]
                        for index in (dollars[pair] + 1)..<end {
                            switch buffer[index] {
                            case UInt8(ascii: "_"), UInt8(ascii: "*"):
                                buffer[index] = UInt8(ascii: "x")
                            case UInt8(ascii: "\\"):
                                let next = index + 1 < end ? buffer[index + 1] : 0
                                if (next >= UInt8(ascii: "a") && next <= UInt8(ascii: "z"))
                                    || (next >= UInt8(ascii: "A") && next <= UInt8(ascii: "Z")) {
                                    buffer[index] = UInt8(ascii: "x")
                                }
                            default:
                                break
                            }
                        }
                        pair += 2
                    }
                }
                lineStart = lineEnd + 1
            }
        }
        return out
    }

    /// Replaces U+E000...U+E002 (private use, meaningless in a lesson) by U+FFFD, so the
    /// scanner's tokens cannot be forged; both are three bytes, so offsets stay.
    private static func replacePrivateUseMarkers(_ bytes: inout [UInt8]) {
        bytes.withUnsafeMutableBufferPointer { bytes in
            guard let base = bytes.baseAddress else { return }
            var index = 0
            while index + 2 < bytes.count {
                // Straight to the next lead byte 0xEE; most lessons have none.
                guard let found = memchr(base + index, 0xEE, bytes.count - index - 2) else { return }
                index = UnsafeMutablePointer<UInt8>(found.assumingMemoryBound(to: UInt8.self)) - base
                if bytes[index + 1] == 0x80, bytes[index + 2] <= 0x82, bytes[index + 2] >= 0x80 {
                    bytes[index] = 0xEF; bytes[index + 1] = 0xBF; bytes[index + 2] = 0xBD
                    index += 3
                } else {
                    index += 1
                }
            }
        }
    }

    /// Splits off `---` YAML `---` at the very top. The front matter lines are blanked
    /// with spaces rather than removed, so cmark's line numbers stay those of the file.
    private static func splitFrontMatter(_ bytes: inout [UInt8], lines text: SourceText, file: String,
                                         diagnostics: inout [Diagnostic]) -> FrontMatter? {
        guard text.lineCount >= 1, isDelimiter(text.lineBytes(1), allowDots: false) else { return nil }
        var closing = 2
        while closing <= text.lineCount, !isDelimiter(text.lineBytes(closing), allowDots: true) { closing += 1 }
        guard closing <= text.lineCount else {
            diagnostics.append(Diagnostic(.error, file: file, location: SourceLocation(line: 1, column: 1), length: 3,
                                          message: "front matter opened with '---' is never closed by a '---' line",
                                          sourceLine: text.text(ofLine: 1)))
            return nil
        }
        var yaml = ""
        if closing > 2 {
            let start = text.lineStarts[1], end = text.lineStarts[closing - 1]
            yaml = String(decoding: bytes[start..<end], as: UTF8.self)
        }
        let blankEnd = text.lineEnd(closing)
        for index in 0..<blankEnd where bytes[index] != UInt8(ascii: "\n") && bytes[index] != UInt8(ascii: "\r") {
            bytes[index] = UInt8(ascii: " ")
        }
        return FrontMatter(yaml: yaml, firstLine: 2)
    }

    /// A `---` line (or `...`, which YAML also allows to end a document), trailing spaces allowed.
    private static func isDelimiter(_ line: ArraySlice<UInt8>, allowDots: Bool) -> Bool {
        var trimmed = line[...]
        while let last = trimmed.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") { trimmed = trimmed.dropLast() }
        return trimmed.elementsEqual("---".utf8) || (allowDots && trimmed.elementsEqual("...".utf8))
    }
}
