/// Turns cmark's tree of the protected text into the lesson tree: puts math and
/// references back in place of their tokens, recognises callouts and labels, and splits
/// paragraphs around display math.
struct TreeBuilder {
    private let spans: [ProtectedSpan]
    /// The text the spans were cut from (same lines and offsets as the file).
    private let text: SourceText
    private let file: String
    private(set) var diagnostics: [Diagnostic] = []

    init(spans: [ProtectedSpan], text: SourceText, file: String) {
        self.spans = spans; self.text = text; self.file = file
    }

    /// Inline content while tokens are being resolved: display math is still separate so
    /// that a paragraph can be split around it.
    private enum Piece {
        case inline(Inline)
        case displayMath(ProtectedSpan)
        case continuation
    }

    // MARK: Blocks

    mutating func blocks(_ nodes: [CommonMarkNode]) -> [Block] {
        var result: [Block] = []
        for node in nodes { result += blocks(node) }
        return result
    }

    private mutating func blocks(_ node: CommonMarkNode) -> [Block] {
        switch node.kind {
        case .document, .item, .customBlock:
            return blocks(node.children)
        case .paragraph:
            return paragraph(pieces(node.children), range: node.range)
        case .heading:
            let (content, label) = Self.splitLabel(inlines(node.children))
            if let label, let problem = Label.problem(with: label, expected: "sec", item: "a heading") {
                report(problem, label: label, line: node.range.start.line, fallback: node.range.start)
                return [.heading(level: node.headingLevel, content, label: nil, node.range)]
            }
            return [.heading(level: node.headingLevel, content, label: label, node.range)]
        case .blockQuote:
            let children = blocks(node.children)
            if let callout = callout(children, range: node.range) { return [.callout(callout)] }
            return [.blockQuote(children, node.range)]
        case .list:
            let items = node.children.map { blocks($0.children) }
            return [.list(ListBlock(ordered: node.listOrdered, start: node.listStart,
                                    parenDelimiter: node.listParenDelimiter, tight: node.listTight,
                                    items: items, range: node.range))]
        case .codeBlock:
            return [.code(codeBlock(node))]
        case .htmlBlock:
            return [.html(verbatim(node.literal), node.range)]
        case .thematicBreak:
            return [.thematicBreak(node.range)]
        case .text, .softBreak, .lineBreak, .code, .htmlInline, .customInline, .emphasis, .strong, .link, .image:
            // cmark puts inlines only inside paragraphs and headings.
            return []
        }
    }

    /// A paragraph, or several paragraphs and display equations when display math stands in it.
    private func paragraph(_ pieces: [Piece], range: SourceRange) -> [Block] {
        let hasDisplay = pieces.contains { if case .displayMath = $0 { true } else { false } }
        guard hasDisplay else {
            return [.paragraph(pieces.compactMap { if case .inline(let x) = $0 { x } else { nil } }, range)]
        }
        var result: [Block] = []
        var current: [Inline] = []
        func flush() {
            let trimmed = Self.trimmed(current)
            if !trimmed.isEmpty { result.append(.paragraph(trimmed, range)) }
            current = []
        }
        for piece in pieces {
            switch piece {
            case .inline(let inline): current.append(inline)
            case .displayMath(let span):
                flush()
                if case .displayMath(let tex, let label) = span.content {
                    result.append(.displayMath(tex: tex, label: label, span.range))
                }
            case .continuation: break
            }
        }
        flush()
        return result
    }

    /// Inlines without the line breaks and white space at either end.
    private static func trimmed(_ inlines: [Inline]) -> [Inline] {
        var result = inlines
        while let first = result.first {
            if case .softBreak = first { result.removeFirst(); continue }
            if case .lineBreak = first { result.removeFirst(); continue }
            if case .text(let s) = first {
                let t = String(s.drop { $0 == " " || $0 == "\t" })
                if t.isEmpty { result.removeFirst(); continue }
                result[0] = .text(t)
            }
            break
        }
        while let last = result.last {
            if case .softBreak = last { result.removeLast(); continue }
            if case .lineBreak = last { result.removeLast(); continue }
            if case .text(let s) = last {
                let t = trimTrailingSpace(s)
                if t.isEmpty { result.removeLast(); continue }
                result[result.count - 1] = .text(t)
            }
            break
        }
        return result
    }

    private static func trimTrailingSpace(_ s: String) -> String {
        var end = s.endIndex
        while end > s.startIndex, s[s.index(before: end)] == " " || s[s.index(before: end)] == "\t" {
            end = s.index(before: end)
        }
        return String(s[..<end])
    }

    /// A label `{#...}` written at the end of a heading or callout title, removed from it.
    static func splitLabel(_ inlines: [Inline]) -> ([Inline], String?) {
        guard case .text(let last)? = inlines.last else { return (inlines, nil) }
        let bytes = Array(trimTrailingSpace(last).utf8)
        guard bytes.last == UInt8(ascii: "}") else { return (inlines, nil) }
        var open = bytes.count - 2
        while open >= 0, !(bytes[open] == UInt8(ascii: "{") && open + 1 < bytes.count && bytes[open + 1] == UInt8(ascii: "#")) {
            open -= 1
        }
        guard open >= 0 else { return (inlines, nil) }
        let labelBytes = bytes[(open + 2)..<(bytes.count - 1)]
        guard !labelBytes.isEmpty, !labelBytes.contains(where: {
            $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: "}")
        }) else { return (inlines, nil) }
        var result = inlines
        let before = trimTrailingSpace(String(decoding: bytes[0..<open], as: UTF8.self))
        if before.isEmpty { result.removeLast() } else { result[result.count - 1] = .text(before) }
        // A label right after math or emphasis leaves a trailing space in the text before it.
        if let lastText = result.last, case .text(let s) = lastText {
            let t = trimTrailingSpace(s)
            if t.isEmpty { result.removeLast() } else { result[result.count - 1] = .text(t) }
        }
        return (result, String(decoding: labelBytes, as: UTF8.self))
    }

    /// A callout when the quote's first paragraph starts with `[!kind]`.
    private mutating func callout(_ children: [Block], range: SourceRange) -> Callout? {
        guard case .paragraph(let inlines, let paragraphRange)? = children.first,
              case .text(let first)? = inlines.first, first.hasPrefix("[!") else { return nil }
        let afterBang = first.utf8.dropFirst(2)
        guard let close = afterBang.firstIndex(of: UInt8(ascii: "]")) else { return nil }
        let written = String(decoding: afterBang[afterBang.startIndex..<close], as: UTF8.self)
        guard !written.isEmpty, written.utf8.allSatisfy({ Label.isNameByte($0) }) else { return nil }
        guard let kind = CalloutKind(rawValue: written.lowercased()) else {
            let location = SourceLocation(line: paragraphRange.start.line, column: paragraphRange.start.column + 2)
            let valid = CalloutKind.allCases.map(\.rawValue).joined(separator: ", ")
            let suggestion = CalloutKind.closest(to: written.lowercased()).map { " (did you mean '\($0.rawValue)'?)" } ?? ""
            diagnostics.append(Diagnostic(.error, file: file, location: location, length: written.utf8.count,
                                          message: "unknown callout kind '\(written)'\(suggestion); the kinds are \(valid)",
                                          sourceLine: text.text(ofLine: location.line)))
            return nil
        }
        let rest = String(decoding: first.utf8[first.utf8.index(after: close)...], as: UTF8.self)
            .drop { $0 == " " || $0 == "\t" }
        var title: [Inline] = rest.isEmpty ? [] : [.text(String(rest))]
        var body: [Inline] = []
        var inTitle = true
        for inline in inlines.dropFirst() {
            if inTitle {
                switch inline {
                case .softBreak, .lineBreak: inTitle = false
                case .text, .code, .emphasis, .strong, .link, .image, .html, .math, .reference: title.append(inline)
                }
            } else {
                body.append(inline)
            }
        }
        let (titleInlines, label) = Self.splitLabel(Self.trimmed(title))
        var accepted = label
        if let label, let problem = Label.problem(with: label, expected: kind.labelPrefix, item: "a \(kind.rawValue) callout") {
            report(problem, label: label, line: paragraphRange.start.line, fallback: paragraphRange.start)
            accepted = nil
        }
        var bodyBlocks: [Block] = []
        if !body.isEmpty { bodyBlocks.append(.paragraph(body, paragraphRange)) }
        bodyBlocks += children.dropFirst()
        return Callout(kind: kind, title: titleInlines, label: accepted, body: bodyBlocks, range: range)
    }

    /// Reports a label problem under the `{#label}` as written on `line`.
    private mutating func report(_ problem: String, label: String, line: Int, fallback: SourceLocation) {
        let written = Array(("{#" + label + "}").utf8)
        let bytes = Array(text.lineBytes(line))
        var column = fallback.column
        var length = 1
        if bytes.count >= written.count {
            var start = bytes.count - written.count
            while start >= 0 {
                if bytes[start..<(start + written.count)].elementsEqual(written) {
                    column = start + 1; length = written.count; break
                }
                start -= 1
            }
        }
        let location = SourceLocation(line: line, column: column)
        diagnostics.append(Diagnostic(.error, file: file, location: location, length: length,
                                      message: problem, sourceLine: text.text(ofLine: line)))
    }

    private func codeBlock(_ node: CommonMarkNode) -> CodeBlock {
        let literal = verbatim(node.literal)
        let startLine = node.range.start.line
        let opening = text.lineBytes(startLine).drop { $0 == UInt8(ascii: " ") }
        let fenced = opening.starts(with: "```".utf8) || opening.starts(with: "~~~".utf8)
        // An unterminated block quote marker does not hide the fence: look past `>` too.
        let fencedInQuote = !fenced && {
            let afterQuote = text.lineBytes(startLine).drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: ">") }
            return afterQuote.starts(with: "```".utf8) || afterQuote.starts(with: "~~~".utf8)
        }()
        let isFenced = fenced || fencedInQuote
        let firstLine = isFenced ? startLine + 1 : startLine
        var lines: [CodeLine] = []
        var pieces = literal.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        if pieces.last?.isEmpty == true { pieces.removeLast() }
        for (offset, piece) in pieces.enumerated() {
            let line = firstLine + offset
            let lineText = text.lineBytes(line)
            var column = node.range.start.column
            if !piece.isEmpty, lineText.count >= piece.count, lineText.suffix(piece.count).elementsEqual(piece) {
                column = lineText.count - piece.count + 1
            }
            lines.append(CodeLine(text: String(decoding: piece, as: UTF8.self), line: line, column: column))
        }
        return CodeBlock(info: verbatim(node.info), fenced: isFenced, lines: lines, range: node.range)
    }

    // MARK: Inlines

    /// Inlines for places that cannot hold a display equation (headings, emphasis, links):
    /// display math there becomes inline math.
    private mutating func inlines(_ nodes: [CommonMarkNode]) -> [Inline] {
        pieces(nodes).compactMap { piece in
            switch piece {
            case .inline(let inline): return inline
            case .displayMath(let span):
                if case .displayMath(let tex, _) = span.content { return .math(tex: tex, span.range) }
                return nil
            case .continuation: return nil
            }
        }
    }

    private mutating func pieces(_ nodes: [CommonMarkNode]) -> [Piece] {
        var result: [Piece] = []
        var pendingText = ""
        for node in nodes {
            if node.kind == .text { pendingText += node.literal; continue }
            if !pendingText.isEmpty { appendText(pendingText, to: &result); pendingText = "" }
            switch node.kind {
            case .text: break
            case .softBreak: result.append(.inline(.softBreak))
            case .lineBreak: result.append(.inline(.lineBreak))
            case .code: result.append(.inline(.code(verbatim(node.literal))))
            case .htmlInline: result.append(.inline(.html(verbatim(node.literal))))
            case .emphasis: result.append(.inline(.emphasis(inlines(node.children))))
            case .strong: result.append(.inline(.strong(inlines(node.children))))
            case .link:
                result.append(.inline(.link(destination: verbatim(node.url), title: verbatim(node.title),
                                            inlines(node.children))))
            case .image:
                result.append(.inline(.image(source: verbatim(node.url), title: verbatim(node.title),
                                             inlines(node.children))))
            case .customInline:
                result += pieces(node.children)
            case .document, .blockQuote, .list, .item, .codeBlock, .htmlBlock, .customBlock,
                 .paragraph, .heading, .thematicBreak:
                break
            }
        }
        if !pendingText.isEmpty { appendText(pendingText, to: &result) }
        let hasContinuation = result.contains { if case .continuation = $0 { true } else { false } }
        guard hasContinuation else { return result }
        // A span's further lines arrive as a break and a continuation token: drop both.
        var cleaned: [Piece] = []
        cleaned.reserveCapacity(result.count)
        for piece in result {
            if case .continuation = piece {
                if let last = cleaned.last, case .inline(let inline) = last {
                    switch inline {
                    case .softBreak, .lineBreak: cleaned.removeLast()
                    case .text, .code, .emphasis, .strong, .link, .image, .html, .math, .reference: break
                    }
                }
                continue
            }
            if case .inline(.text(let s)) = piece, let last = cleaned.last, case .inline(.text(let t)) = last {
                cleaned[cleaned.count - 1] = .inline(.text(t + s))
                continue
            }
            cleaned.append(piece)
        }
        return cleaned
    }

    /// Splits text at tokens into text, math, references and continuations.
    private func appendText(_ string: String, to result: inout [Piece]) {
        forEachToken(in: string) { piece in
            switch piece {
            case .text(let s): result.append(.inline(.text(s)))
            case .start(let number):
                let span = spans[number]
                switch span.content {
                case .inlineMath(let tex): result.append(.inline(.math(tex: tex, span.range)))
                case .displayMath: result.append(.displayMath(span))
                case .reference(let label): result.append(.inline(.reference(label: label, span.range)))
                }
            case .continuation: result.append(.continuation)
            }
        }
    }

    private enum TokenPiece {
        case text(String)
        case start(Int)
        case continuation(Int, line: Int)
    }

    /// Calls `body` for each run of text and each token of `string`, in order.
    private func forEachToken(in string: String, _ body: (TokenPiece) -> Void) {
        guard string.containsByte(0xEE) else { body(.text(string)); return }
        var string = string
        string.withUTF8 { bytes in
            var runStart = 0
            var index = 0
            while index + 2 < bytes.count {
                guard bytes[index] == 0xEE, bytes[index + 1] == 0x80,
                      bytes[index + 2] == 0x80 || bytes[index + 2] == 0x82 else { index += 1; continue }
                let isStart = bytes[index + 2] == 0x80
                var cursor = index + 3
                var number = 0, line = 0, sawDot = false, digits = 0
                while cursor < bytes.count, (bytes[cursor] >= UInt8(ascii: "0") && bytes[cursor] <= UInt8(ascii: "9"))
                        || bytes[cursor] == UInt8(ascii: ".") {
                    if bytes[cursor] == UInt8(ascii: ".") { sawDot = true } else if sawDot {
                        line = line &* 10 &+ Int(bytes[cursor] - UInt8(ascii: "0"))
                    } else {
                        number = number &* 10 &+ Int(bytes[cursor] - UInt8(ascii: "0")); digits += 1
                    }
                    cursor += 1
                }
                guard digits > 0, number < spans.count, cursor + 3 <= bytes.count,
                      bytes[cursor] == 0xEE, bytes[cursor + 1] == 0x80, bytes[cursor + 2] == 0x81 else {
                    index += 1; continue
                }
                if runStart < index { body(.text(String(decoding: UnsafeBufferPointer(rebasing: bytes[runStart..<index]), as: UTF8.self))) }
                body(isStart ? .start(number) : .continuation(number, line: line))
                index = cursor + 3
                runStart = index
            }
            if runStart < bytes.count {
                body(.text(String(decoding: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]), as: UTF8.self)))
            }
        }
    }

    /// A string from a code span, URL, HTML or code block with every token replaced by the
    /// source text it stands for, so nothing outside math changes.
    private func verbatim(_ string: String) -> String {
        guard string.containsByte(0xEE) else { return string }
        var out = ""
        forEachToken(in: string) { piece in
            switch piece {
            case .text(let s): out += s
            case .start(let number):
                let span = spans[number]
                let line = text.line(of: span.start)
                out += String(decoding: text.bytes[span.start..<min(span.end, text.lineEnd(line))], as: UTF8.self)
            case .continuation(let number, let distance):
                let span = spans[number]
                let line = text.line(of: span.start) + distance
                guard line <= text.lineCount else { return }
                let start = text.lineStarts[line - 1]
                out += String(decoding: text.bytes[start..<max(start, min(span.end, text.lineEnd(line)))], as: UTF8.self)
            }
        }
        return out
    }
}
