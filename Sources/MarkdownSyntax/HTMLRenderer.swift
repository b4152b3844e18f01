// Usage:
//
//     let document = MarkdownParser.parse(source, file: "Content/01-intro.md")
//     let html = HTMLRenderer(allowRawHTML: false).render(document.blocks)
//     // or, with a site's hooks for math, references, callouts, headings and code:
//     let html = HTMLRenderer(allowRawHTML: course.allowHTML).render(document.blocks, extensions: site)
//
// For a tree without math, references or callouts the output is byte-identical to
// libcmark's `cmark_render_html` (safe mode unless `allowRawHTML`).

/// Renders a Markdown tree to HTML exactly as libcmark would, with `HTMLExtensions` hooks
/// for the nodes CommonMark does not have.
public struct HTMLRenderer: Sendable {
    /// Pass raw HTML (blocks and inline) through; otherwise it is replaced by
    /// `<!-- raw HTML omitted -->` and dangerous link destinations are emptied, as in
    /// cmark's safe mode.
    public var allowRawHTML: Bool

    public init(allowRawHTML: Bool = false) { self.allowRawHTML = allowRawHTML }

    /// Renders blocks with the default hooks.
    public func render(_ blocks: [Block]) -> String {
        render(blocks, extensions: PlainHTMLExtensions())
    }

    /// Renders blocks, asking `extensions` for math, references, callouts, headings and code.
    public func render(_ blocks: [Block], extensions: some HTMLExtensions) -> String {
        var writer = Writer(allowRawHTML: allowRawHTML, extensions: extensions)
        writer.blocks(blocks, tight: false)
        return writer.result
    }

    /// Renders inlines (as inside a paragraph) with the given hooks.
    public func renderInlines(_ inlines: [Inline], extensions: some HTMLExtensions) -> String {
        var writer = Writer(allowRawHTML: allowRawHTML, extensions: extensions)
        writer.inlines(inlines)
        return writer.result
    }

    /// cmark's rendering of a code block: `<pre><code class="language-FIRSTWORD">`.
    public static func commonMarkCodeBlock(_ code: CodeBlock) -> String {
        var out: [UInt8] = Array("<pre><code".utf8)
        // cmark takes the info string up to the first white space (space, tab, \n, \v, \f, \r).
        let language = code.info.utf8.prefix { !($0 == 32 || (9...13).contains($0)) }
        if !language.isEmpty {
            out += " class=\"language-".utf8
            HTMLEscaping.appendText(String(decoding: language, as: UTF8.self), to: &out)
            out += "\"".utf8
        }
        out += ">".utf8
        for line in code.lines {
            HTMLEscaping.appendText(line.text, to: &out)
            out.append(UInt8(ascii: "\n"))
        }
        out += "</code></pre>\n".utf8
        return String(decoding: out, as: UTF8.self)
    }

    /// The state of one rendering: the output so far, and how to call back into itself.
    private struct Writer<Extensions: HTMLExtensions> {
        let allowRawHTML: Bool
        let extensions: Extensions
        /// The HTML so far, as UTF-8: appending bytes is cheaper than appending to a String.
        var out: [UInt8] = []
        var result: String { String(decoding: out, as: UTF8.self) }

        /// Built once per writer: hooks are called for every math span and reference.
        let context: HTMLRenderContext

        init(allowRawHTML: Bool, extensions: Extensions) {
            self.allowRawHTML = allowRawHTML; self.extensions = extensions
            context = HTMLRenderContext(
                renderBlocks: { blocks in
                    var writer = Writer(allowRawHTML: allowRawHTML, extensions: extensions)
                    writer.blocks(blocks, tight: false)
                    return writer.result
                },
                renderInlines: { inlines in
                    var writer = Writer(allowRawHTML: allowRawHTML, extensions: extensions)
                    writer.inlines(inlines)
                    return writer.result
                },
                renderPlainText: { inlines in
                    var writer = Writer(allowRawHTML: allowRawHTML, extensions: extensions)
                    writer.plain(inlines)
                    return writer.result
                },
                allowRawHTML: allowRawHTML)
        }

        /// cmark's `cr()`: start a new line unless at the start of one.
        mutating func newline() {
            if let last = out.last, last != UInt8(ascii: "\n") { out.append(UInt8(ascii: "\n")) }
        }

        mutating func emit(_ string: String) {
            out.append(contentsOf: string.utf8)
        }

        mutating func blocks(_ blocks: [Block], tight: Bool) {
            for block in blocks { self.block(block, tight: tight) }
        }

        mutating func block(_ block: Block, tight: Bool) {
            switch block {
            case .paragraph(let inlines, _):
                if tight {
                    self.inlines(inlines)
                } else {
                    newline()
                    emit("<p>")
                    self.inlines(inlines)
                    emit("</p>\n")
                }
            case .heading(let level, let inlines, let label, let range):
                newline()
                emit(extensions.heading(level: level, content: inlines, label: label, range: range, context: context))
            case .blockQuote(let children, _):
                newline()
                emit("<blockquote>\n")
                blocks(children, tight: false)
                newline()
                emit("</blockquote>\n")
            case .callout(let callout):
                newline()
                emit(extensions.callout(callout, context: context))
            case .list(let list):
                newline()
                if !list.ordered {
                    emit("<ul>\n")
                } else if list.start == 1 {
                    emit("<ol>\n")
                } else {
                    emit("<ol start=\"\(list.start)\">\n")
                }
                for item in list.items {
                    newline()
                    emit("<li>")
                    blocks(item, tight: list.tight)
                    emit("</li>\n")
                }
                newline()
                emit(list.ordered ? "</ol>\n" : "</ul>\n")
            case .code(let code):
                newline()
                emit(extensions.codeBlock(code, context: context))
            case .html(let html, _):
                newline()
                emit(allowRawHTML ? html : "<!-- raw HTML omitted -->")
                newline()
            case .thematicBreak:
                newline()
                emit("<hr />\n")
            case .displayMath(let tex, let label, let range):
                newline()
                emit(extensions.displayMath(tex: tex, label: label, range: range, context: context))
            }
        }

        mutating func inlines(_ inlines: [Inline]) {
            for inline in inlines { self.inline(inline) }
        }

        mutating func inline(_ inline: Inline) {
            switch inline {
            case .text(let text):
                HTMLEscaping.appendText(text, to: &out)
            case .softBreak:
                emit("\n")
            case .lineBreak:
                emit("<br />\n")
            case .code(let code):
                emit("<code>")
                HTMLEscaping.appendText(code, to: &out)
                emit("</code>")
            case .emphasis(let children):
                emit("<em>")
                inlines(children)
                emit("</em>")
            case .strong(let children):
                emit("<strong>")
                inlines(children)
                emit("</strong>")
            case .link(let destination, let title, let children):
                emit("<a href=\"")
                appendURL(destination)
                emit("\"")
                if !title.isEmpty {
                    emit(" title=\"")
                    HTMLEscaping.appendText(title, to: &out)
                    emit("\"")
                }
                emit(">")
                inlines(children)
                emit("</a>")
            case .image(let source, let title, let children):
                emit("<img src=\"")
                appendURL(source)
                emit("\" alt=\"")
                plain(children)
                emit("\"")
                if !title.isEmpty {
                    emit(" title=\"")
                    HTMLEscaping.appendText(title, to: &out)
                    emit("\"")
                }
                emit(" />")
            case .html(let html):
                emit(allowRawHTML ? html : "<!-- raw HTML omitted -->")
            case .math(let tex, let range):
                emit(extensions.inlineMath(tex: tex, range: range, context: context))
            case .reference(let label, let range):
                emit(extensions.reference(label: label, range: range, context: context))
            }
        }

        mutating func appendURL(_ url: String) {
            if allowRawHTML || !HTMLEscaping.isDangerousURL(url) {
                emit(HTMLEscaping.href(url))
            }
        }

        /// The text of inlines, as cmark writes an image's `alt`: literals escaped, breaks
        /// as spaces, markup dropped.
        mutating func plain(_ inlines: [Inline]) {
            for inline in inlines {
                switch inline {
                case .text(let text), .code(let text), .html(let text):
                    HTMLEscaping.appendText(text, to: &out)
                case .softBreak, .lineBreak:
                    emit(" ")
                case .emphasis(let children), .strong(let children),
                     .link(_, _, let children), .image(_, _, let children):
                    plain(children)
                case .math(let tex, _):
                    HTMLEscaping.appendText(tex, to: &out)
                case .reference(let label, _):
                    HTMLEscaping.appendText("@" + label, to: &out)
                }
            }
        }
    }
}
