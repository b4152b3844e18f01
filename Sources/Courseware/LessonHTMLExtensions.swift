import MarkdownSyntax

/// How the site renders what CommonMark does not know: math as elements carrying exactly
/// the parser's TeX (KaTeX renders them in the browser), references as links with their
/// numbers, callouts and display equations through their templates, headings with ids
/// and section numbers.
struct LessonHTMLExtensions: HTMLExtensions {
    let lesson: Slug
    let numbers: CourseNumbering.LessonNumbers
    let labels: [String: LabelTarget]
    let headingIDs: [SourceLocation: String]
    let templates: SiteTemplates
    /// False inside the table of contents, whose entries are links already.
    var linkReferences = true
    /// The lesson's evaluated calc blocks, rendered in place of their code.
    var calc = CalcLessonEvaluation()

    func inlineMath(tex: String, range: SourceRange, context: HTMLRenderContext) -> String {
        var out = "<span class=\"math inline\">"
        HTMLEscaping.appendText(tex, to: &out)
        out += "</span>"
        return out
    }

    func displayMath(tex: String, label: String?, range: SourceRange, context: HTMLRenderContext) -> String {
        let number = numbers.equations[range.start]
        let model = EquationModel(tex: tex, id: number == nil ? nil : label, number: number)
        return templates.render(model, with: "equation").ensuringFinalNewline()
    }

    func reference(label: String, range: SourceRange, context: HTMLRenderContext) -> String {
        guard let target = labels[label] else {
            // Unknown references stop the build before rendering; this keeps the output sane anyway.
            return "<span class=\"reference unresolved\">@" + HTMLEscaping.text(label) + "</span>"
        }
        let text = HTMLEscaping.text(target.referenceText)
        guard linkReferences else { return "<span class=\"reference\">" + text + "</span>" }
        let href = target.lesson == lesson ? "#" + target.label : target.href
        return "<a class=\"reference\" href=\"" + HTMLEscaping.href(href) + "\">" + text + "</a>"
    }

    func callout(_ callout: Callout, context: HTMLRenderContext) -> String {
        var body = context.renderBlocks(callout.body)
        if callout.kind == .proof { body = LessonHTMLExtensions.addingQED(to: body) }
        let number = numbers.callouts[callout.range.start]
        let model = CalloutModel(
            kind: callout.kind.rawValue,
            kindName: callout.kind.rawValue.prefix(1).uppercased() + callout.kind.rawValue.dropFirst(),
            number: number,
            id: number == nil ? nil : callout.label,
            titleHTML: callout.title.isEmpty ? nil : context.renderInlines(callout.title),
            bodyHTML: body)
        return templates.render(model, with: "callout").ensuringFinalNewline()
    }

    func heading(level: Int, content: [Inline], label: String?, range: SourceRange,
                 context: HTMLRenderContext) -> String {
        var out = "<h\(level)"
        if let id = headingIDs[range.start] { out += " id=\"" + HTMLEscaping.text(id) + "\"" }
        out += ">"
        if let number = numbers.sections[range.start] {
            out += "<span class=\"section-number\">" + number + "</span> "
        }
        out += context.renderInlines(content)
        out += "</h\(level)>\n"
        return out
    }

    func codeBlock(_ code: CodeBlock, context: HTMLRenderContext) -> String {
        if let html = calc.html(for: code, number: numbers.calcBlocks[code.range.start], context: context) {
            return html
        }
        return HTMLRenderer.commonMarkCodeBlock(code)
    }

    /// The end-of-proof mark, placed at the end of the proof's last paragraph as books do,
    /// or on a line of its own when the proof ends with something else.
    static func addingQED(to body: String) -> String {
        let mark = "<span class=\"qed\">∎</span>"
        if body.hasSuffix("</p>\n") {
            return String(body.dropLast("</p>\n".count)) + " " + mark + "</p>\n"
        }
        return body + "<p class=\"qed-line\">" + mark + "</p>\n"
    }
}

extension String {
    func ensuringFinalNewline() -> String { hasSuffix("\n") ? self : self + "\n" }
}
