import MarkdownSyntax

/// A lesson summary from front matter, rendered as inline Markdown so that `$\nabla f$`
/// or `*gradient*` in a summary look as they do in the lesson.
enum SummaryText {
    /// The summary's HTML: the inlines of its single paragraph, or the escaped text when it
    /// is not one plain paragraph (a list, a heading, ...).
    static func html(_ summary: String, labels: [String: LabelTarget], allowHTML: Bool) -> String {
        let document = MarkdownParser.parse(summary, file: "summary")
        guard document.diagnostics.isEmpty, document.blocks.count == 1,
              case .paragraph(let inlines, _) = document.blocks[0] else {
            return HTMLEscaping.text(summary)
        }
        return HTMLRenderer(allowRawHTML: allowHTML).renderInlines(inlines, extensions: Extensions(labels: labels))
    }

    /// Math as on lesson pages; references as plain text, because a summary is often
    /// inside a link already.
    struct Extensions: HTMLExtensions {
        let labels: [String: LabelTarget]

        func inlineMath(tex: String, range: SourceRange, context: HTMLRenderContext) -> String {
            "<span class=\"math inline\">" + HTMLEscaping.text(tex) + "</span>"
        }

        func reference(label: String, range: SourceRange, context: HTMLRenderContext) -> String {
            "<span class=\"reference\">" + HTMLEscaping.text(labels[label]?.referenceText ?? "@" + label) + "</span>"
        }
    }
}
