import MarkdownSyntax

/// Visits every block and inline of a Markdown tree in document order, so numbering and
/// reference checks see items in the order a reader meets them.
///
/// A walk without `visitInline` visits blocks only and never steps into inline content,
/// which is most of a lesson's nodes.
struct TreeWalk {
    var visitBlock: (Block) -> Void = { _ in }
    var visitInline: ((Inline) -> Void)? = nil

    func walk(_ blocks: [Block]) {
        for block in blocks { walk(block) }
    }

    func walk(_ block: Block) {
        visitBlock(block)
        switch block {
        case .paragraph(let inlines, _):
            if visitInline != nil { walk(inlines) }
        case .heading(_, let inlines, _, _):
            if visitInline != nil { walk(inlines) }
        case .blockQuote(let children, _):
            walk(children)
        case .callout(let callout):
            if visitInline != nil { walk(callout.title) }
            walk(callout.body)
        case .list(let list):
            for item in list.items { walk(item) }
        case .code, .html, .thematicBreak, .displayMath:
            break
        }
    }

    func walk(_ inlines: [Inline]) {
        guard let visitInline else { return }
        for inline in inlines {
            visitInline(inline)
            switch inline {
            case .emphasis(let children), .strong(let children):
                walk(children)
            case .link(_, _, let children), .image(_, _, let children):
                walk(children)
            case .text, .softBreak, .lineBreak, .code, .html, .math, .reference:
                break
            }
        }
    }
}

/// Plain text of inlines (math kept as its TeX), for ids and titles.
func plainText(_ inlines: [Inline]) -> String {
    var out = ""
    func add(_ inlines: [Inline]) {
        for inline in inlines {
            switch inline {
            case .text(let text), .code(let text): out += text
            case .softBreak, .lineBreak: out += " "
            case .emphasis(let children), .strong(let children): add(children)
            case .link(_, _, let children), .image(_, _, let children): add(children)
            case .html: break
            case .math(let tex, _): out += tex
            case .reference(let label, _): out += label
            }
        }
    }
    add(inlines)
    return out
}
