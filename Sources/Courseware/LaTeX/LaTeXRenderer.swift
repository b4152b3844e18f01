import MarkdownSyntax

/// One lesson's Markdown tree as LaTeX: our own renderer over our own tree, so math,
/// callouts and references come out as the site shows them.
///
/// Numbers are never left to LaTeX's counters: every numbered item is preceded by
/// `\cgnumber{counter}{3.2}`, which sets what the counter prints to the number the site
/// prints (from `CourseNumbering`), so `\label`/`\ref` carry exactly the site's numbers.
/// Math is passed through byte for byte; raw HTML is dropped with a comment.
struct LaTeXRenderer {
    let numbers: CourseNumbering.LessonNumbers
    let labels: [String: LabelTarget]
    /// The lessons in this document: references to them go through `\ref`; references to
    /// other lessons print the site's text without a link. Nil: every lesson (the book).
    var lessonsInDocument: Set<Slug>? = nil
    /// The lesson's evaluated calc blocks, rendered in place of their code.
    var calc = CalcLessonEvaluation()
    /// The lesson being rendered, and where to note a reference to another lesson: the only
    /// thing that differs between a lesson's handout and its chapter in the book, so a
    /// lesson without such references is rendered once for both.
    var home: Slug? = nil
    var outsideReferences: OutsideReferenceLog? = nil
    /// Heading levels shift down by one in the book, where the lesson is the chapter.
    var sectionCommands: [String] = ["section", "subsection", "subsubsection"]
    /// False while `lessonBody` gathers the exercises at the lesson's end: an exercise
    /// renders as nothing where it was written.
    var exercisesInPlace = true
    /// Image source as written -> its copy under `latex/` (see `LaTeXImages`); an image
    /// not in it is a framed box naming the file.
    var images: [String: String] = [:]

    // Rendering appends to one string per document part (`append(_:to:)`); the `render`
    // functions return a part of their own for the callers that need one.

    func render(_ blocks: [Block]) -> String {
        var out = ""
        append(blocks, to: &out)
        return out
    }

    func append(_ blocks: [Block], to out: inout String) {
        for (index, block) in blocks.enumerated() {
            if index > 0 { out += "\n" }
            append(block, to: &out)
        }
    }

    func render(_ block: Block) -> String {
        var out = ""
        append(block, to: &out)
        return out
    }

    func append(_ block: Block, to out: inout String) {
        switch block {
        case .paragraph(let inlines, _):
            // An image alone in its paragraph stands centred, as on the site's page.
            if let image = soleIncludedImage(inlines) {
                out += "\\begin{center}\n\\cgincludegraphics{" + image + "}\n\\end{center}\n"
                return
            }
            append(inlines, to: &out)
            out += "\n"
        case .heading(let level, let inlines, let label, let range):
            out += heading(level: level, content: inlines, label: label, range: range)
        case .blockQuote(let blocks, _):
            out += "\\begin{quote}\n"
            append(blocks, to: &out)
            out += "\\end{quote}\n"
        case .callout(let callout):
            out += self.callout(callout)
        case .list(let list):
            append(list, to: &out)
        case .code(let code):
            out += codeBlock(code)
        case .html:
            out += "% raw HTML omitted in LaTeX\n"
        case .thematicBreak:
            out += "\\cgrule\n"
        case .displayMath(let tex, let label, let range):
            if let number = numbers.equations[range.start], let label {
                // A line break after the TeX, so a `%` comment in it cannot swallow the tag.
                out += "\\begin{equation}" + tex + LaTeXRenderer.lineEnd(tex) + "\\tag{" + number + "}\\label{" + label + "}\n\\end{equation}\n"
            } else {
                out += "\\[" + tex + LaTeXRenderer.lineEnd(tex) + "\\]\n"
            }
        }
    }

    /// A newline unless the TeX ends with one: a blank line inside display math is an error.
    static func lineEnd(_ tex: String) -> String { tex.hasSuffix("\n") ? "" : "\n" }

    func heading(level: Int, content: [Inline], label: String?, range: SourceRange) -> String {
        let title = render(content)
        guard let number = numbers.sections[range.start] else {
            // Unnumbered headings: `#` above the sections, `####` and deeper as run-in paragraphs.
            return level <= 1 ? "\\cgtitleheading{" + title + "}\n" : "\\paragraph*{" + title + "}\n"
        }
        let command = sectionCommands[min(level - 2, sectionCommands.count - 1)]
        // The PDF outline cannot show math or commands, so it gets the plain words.
        let outline = "\\texorpdfstring{" + title + "}{" + LaTeXEscaping.text(plainText(content)) + "}"
        var out = "\\cgnumber{" + command + "}{" + number + "}\n\\" + command + "{" + outline + "}"
        if let label { out += "\\label{" + label + "}" }
        return out + "\n"
    }

    func callout(_ callout: Callout) -> String {
        let environment = "cg" + callout.kind.rawValue
        var out = ""
        if let number = numbers.callouts[callout.range.start] {
            out += "\\cgnumber{" + environment + "}{" + number + "}\n"
        }
        out += "\\begin{" + environment + "}"
        if !callout.title.isEmpty { out += "[{" + render(callout.title) + "}]" }
        // \relax ends the look-ahead for an optional argument.
        out += "\\relax\n"
        if let label = callout.label, numbers.callouts[callout.range.start] != nil { out += "\\label{" + label + "}\n" }
        out += render(callout.body)
        return out + "\\end{" + environment + "}\n"
    }

    func list(_ list: ListBlock) -> String {
        var out = ""
        append(list, to: &out)
        return out
    }

    func append(_ list: ListBlock, to out: inout String) {
        let environment = list.ordered ? "enumerate" : "itemize"
        var options: [String] = []
        if list.ordered {
            options.append("label=\\arabic*" + (list.parenDelimiter ? ")" : "."))
            if list.start != 1 { options.append("start=\(list.start)") }
        }
        if list.tight { options.append("noitemsep") }
        out += "\\begin{" + environment + "}"
        if !options.isEmpty { out += "[" + options.joined(separator: ", ") + "]" }
        out += "\n"
        for item in list.items {
            out += "\\item\\relax\n"
            append(item, to: &out)
        }
        out += "\\end{" + environment + "}\n"
    }

    func codeBlock(_ code: CodeBlock) -> String {
        if let calc = calcBlock(code) { return calc }
        // Two environments, so a line reading `\end{CodeBlock}` cannot end the block early.
        let lines = code.lines.map { LaTeXEscaping.verbatimLine($0.text) }
        let environment = lines.contains { $0.containsByte(UInt8(ascii: "\\")) && $0.contains("\\end{CodeBlock}") }
            ? "CodeBlockAlt" : "CodeBlock"
        return "\\begin{" + environment + "}\n" + lines.map { $0 + "\n" }.joined() + "\\end{" + environment + "}\n"
    }

    /// Inlines as the words they show, math as its TeX.
    func plainText(_ inlines: [Inline]) -> String {
        inlines.map { inline -> String in
            switch inline {
            case .text(let text), .code(let text): text
            case .softBreak, .lineBreak: " "
            case .emphasis(let children), .strong(let children), .link(_, _, let children), .image(_, _, let children):
                plainText(children)
            case .html: ""
            case .math(let tex, _): tex
            case .reference(let label, _): labels[label]?.referenceText ?? "@" + label
            }
        }.joined()
    }

    func render(_ inlines: [Inline]) -> String {
        var out = ""
        append(inlines, to: &out)
        return out
    }

    func append(_ inlines: [Inline], to out: inout String) {
        for inline in inlines { append(inline, to: &out) }
    }

    /// The common inlines appended in place; the rest as `render(_:)` makes them.
    func append(_ inline: Inline, to out: inout String) {
        switch inline {
        case .text(let text): LaTeXEscaping.append(text, to: &out)
        case .softBreak: out += "\n"
        case .emphasis(let inlines):
            out += "\\emph{"
            append(inlines, to: &out)
            out += "}"
        case .strong(let inlines):
            out += "\\textbf{"
            append(inlines, to: &out)
            out += "}"
        case .math(let tex, _):
            out += "\\("
            out += tex
            out += "\\)"
        case .lineBreak, .code, .link, .image, .html, .reference:
            out += render(inline)
        }
    }

    /// The copy's path when the inlines are one included image and spaces only.
    func soleIncludedImage(_ inlines: [Inline]) -> String? {
        var path: String?
        for inline in inlines {
            switch inline {
            case .image(let source, _, _):
                guard path == nil, let copy = images[source] else { return nil }
                path = copy
            case .text(let text) where text.allSatisfy(\.isWhitespace):
                continue
            case .softBreak, .lineBreak:
                continue
            case .text, .code, .emphasis, .strong, .link, .html, .math, .reference:
                return nil
            }
        }
        return path
    }

    func render(_ inline: Inline) -> String {
        switch inline {
        case .text(let text): return LaTeXEscaping.text(text)
        case .softBreak: return "\n"
        case .lineBreak: return "\\\\\\relax\n"
        case .code(let code): return "\\texttt{" + LaTeXEscaping.text(code) + "}"
        case .emphasis(let inlines): return "\\emph{" + render(inlines) + "}"
        case .strong(let inlines): return "\\textbf{" + render(inlines) + "}"
        case .link(let destination, _, let inlines):
            return "\\href{" + LaTeXEscaping.url(destination) + "}{" + render(inlines) + "}"
        case .image(let source, _, let inlines):
            // The copy's path holds only letters, digits, `-`, `_`, `.` and `/` (LaTeXImages.uniqueName).
            if let path = images[source] { return "\\cgincludegraphics{" + path + "}" }
            return "\\cgimage{" + render(inlines) + "}{" + LaTeXEscaping.text(source) + "}"
        case .html: return ""
        case .math(let tex, _): return "\\(" + tex + "\\)"
        case .reference(let label, _):
            guard let target = labels[label] else { return "@" + LaTeXEscaping.text(label) }
            if let outsideReferences, target.lesson != home { outsideReferences.found = true }
            if let lessonsInDocument, !lessonsInDocument.contains(target.lesson) {
                return LaTeXEscaping.text(target.referenceText)
            }
            let number = "\\ref*{" + label + "}"
            let text = switch target.kind {
            case .equation: target.kind.displayName + "~(" + number + ")"
            case .definition, .theorem, .lemma, .proposition, .corollary, .example, .remark, .caution,
                 .section, .figure, .exercise:
                target.kind.displayName + "~" + number
            }
            return "\\hyperref[" + label + "]{" + text + "}"
        }
    }
}

/// Set when a renderer met a reference to a lesson other than its own (see
/// `LaTeXRenderer.outsideReferences`). Used by one thread at a time.
final class OutsideReferenceLog: @unchecked Sendable {
    var found = false
}
