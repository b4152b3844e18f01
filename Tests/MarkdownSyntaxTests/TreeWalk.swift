import MarkdownSyntax

/// Collects things from a Markdown tree for assertions.
enum TreeWalk {
    /// Every math node in document order: `i:TEX` for inline, `d:TEX` for display
    /// (`d:TEX#label` when labelled).
    static func math(_ blocks: [Block]) -> [String] {
        var out: [String] = []
        visit(blocks, block: { block in
            if case .displayMath(let tex, let label, _) = block { out.append("d:" + tex + (label.map { "#" + $0 } ?? "")) }
        }, inline: { inline in
            if case .math(let tex, _) = inline { out.append("i:" + tex) }
        })
        return out
    }

    /// Every reference label in document order.
    static func references(_ blocks: [Block]) -> [String] {
        var out: [String] = []
        visit(blocks, block: { _ in }, inline: { inline in
            if case .reference(let label, _) = inline { out.append(label) }
        })
        return out
    }

    /// The plain text of every text inline, concatenated (breaks as spaces).
    static func text(_ blocks: [Block]) -> String {
        var out = ""
        visit(blocks, block: { _ in }, inline: { inline in
            switch inline {
            case .text(let s): out += s
            case .softBreak, .lineBreak: out += " "
            default: break
            }
        })
        return out
    }

    static func containsLessonNodes(_ blocks: [Block]) -> Bool {
        var found = false
        visit(blocks, block: { block in
            switch block {
            case .callout, .displayMath: found = true
            case .heading(_, _, let label, _): if label != nil { found = true }
            default: break
            }
        }, inline: { inline in
            switch inline {
            case .math, .reference: found = true
            default: break
            }
        })
        return found
    }

    static func visit(_ blocks: [Block], block: (Block) -> Void, inline: (Inline) -> Void) {
        for b in blocks {
            block(b)
            switch b {
            case .paragraph(let inlines, _), .heading(_, let inlines, _, _): visit(inlines, inline)
            case .blockQuote(let children, _): visit(children, block: block, inline: inline)
            case .callout(let callout):
                visit(callout.title, inline)
                visit(callout.body, block: block, inline: inline)
            case .list(let list): for item in list.items { visit(item, block: block, inline: inline) }
            case .code, .html, .thematicBreak, .displayMath: break
            }
        }
    }

    static func visit(_ inlines: [Inline], _ inline: (Inline) -> Void) {
        for i in inlines {
            inline(i)
            switch i {
            case .emphasis(let children), .strong(let children), .link(_, _, let children), .image(_, _, let children):
                visit(children, inline)
            default: break
            }
        }
    }

    /// Every code block in document order.
    static func codeBlocks(_ blocks: [Block]) -> [CodeBlock] {
        var out: [CodeBlock] = []
        visit(blocks, block: { if case .code(let code) = $0 { out.append(code) } }, inline: { _ in })
        return out
    }

    static func callouts(_ blocks: [Block]) -> [Callout] {
        var out: [Callout] = []
        visit(blocks, block: { if case .callout(let c) = $0 { out.append(c) } }, inline: { _ in })
        return out
    }
}
