/// Hooks by which a site renders what CommonMark does not know (math, references,
/// callouts) and decorates what it does (heading ids, code blocks).
///
/// Every hook has a default implementation, so `PlainHTMLExtensions()` renders a tree with
/// no site at all. Block hooks return complete blocks ending in a newline; inline hooks
/// return inline HTML. Text a hook puts into HTML must be escaped with `HTMLEscaping.text`.
public protocol HTMLExtensions {
    /// `$tex$`. Default: `<span class="math inline">\(tex\)</span>`, the TeX escaped.
    func inlineMath(tex: String, range: SourceRange, context: HTMLRenderContext) -> String
    /// `$$tex$$ {#label}`. Default: `<div class="math display" id="label">\[tex\]</div>`.
    func displayMath(tex: String, label: String?, range: SourceRange, context: HTMLRenderContext) -> String
    /// `@label`. Default: `<a class="reference" href="#label">label</a>`.
    func reference(label: String, range: SourceRange, context: HTMLRenderContext) -> String
    /// `> [!kind] Title {#label}`. Default: a `<div class="callout kind">` with the title
    /// in a `<p class="callout-title">` and the body blocks after it.
    func callout(_ callout: Callout, context: HTMLRenderContext) -> String
    /// A heading. Default: cmark's `<hN>...</hN>`, with `id="label"` when labelled.
    func heading(level: Int, content: [Inline], label: String?, range: SourceRange,
                 context: HTMLRenderContext) -> String
    /// A fenced or indented code block. Default: cmark's `<pre><code class="language-x">`.
    func codeBlock(_ code: CodeBlock, context: HTMLRenderContext) -> String
}

extension HTMLExtensions {
    public func inlineMath(tex: String, range: SourceRange, context: HTMLRenderContext) -> String {
        "<span class=\"math inline\">\\(" + HTMLEscaping.text(tex) + "\\)</span>"
    }

    public func displayMath(tex: String, label: String?, range: SourceRange, context: HTMLRenderContext) -> String {
        let id = label.map { " id=\"" + HTMLEscaping.text($0) + "\"" } ?? ""
        return "<div class=\"math display\"" + id + ">\\[" + HTMLEscaping.text(tex) + "\\]</div>\n"
    }

    public func reference(label: String, range: SourceRange, context: HTMLRenderContext) -> String {
        let escaped = HTMLEscaping.text(label)
        return "<a class=\"reference\" href=\"#" + escaped + "\">" + escaped + "</a>"
    }

    public func callout(_ callout: Callout, context: HTMLRenderContext) -> String {
        let id = callout.label.map { " id=\"" + HTMLEscaping.text($0) + "\"" } ?? ""
        let name = callout.kind.rawValue.prefix(1).uppercased() + callout.kind.rawValue.dropFirst()
        var title = "<span class=\"callout-kind\">" + name + "</span>"
        if !callout.title.isEmpty {
            title += " <span class=\"callout-name\">" + context.renderInlines(callout.title) + "</span>"
        }
        return "<div class=\"callout " + callout.kind.rawValue + "\"" + id + ">\n"
            + "<p class=\"callout-title\">" + title + "</p>\n"
            + context.renderBlocks(callout.body)
            + "</div>\n"
    }

    public func heading(level: Int, content: [Inline], label: String?, range: SourceRange,
                        context: HTMLRenderContext) -> String {
        let id = label.map { " id=\"" + HTMLEscaping.text($0) + "\"" } ?? ""
        return "<h\(level)" + id + ">" + context.renderInlines(content) + "</h\(level)>\n"
    }

    public func codeBlock(_ code: CodeBlock, context: HTMLRenderContext) -> String {
        HTMLRenderer.commonMarkCodeBlock(code)
    }
}

/// The extensions with every hook at its default: plain CommonMark HTML plus simple markup
/// for math, references and callouts.
public struct PlainHTMLExtensions: HTMLExtensions {
    public init() {}
}
