import CCMark
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one door to libcmark: parses CommonMark with source positions and copies the C tree
/// out into `CommonMarkNode` values, and renders libcmark's own HTML for reference.
///
/// Every C object created here is freed with `defer` right after it is created; no pointer
/// escapes this file. The two parses a lesson goes through allocate from a per-thread
/// arena (`coursegen_parse_in_arena` in `Sources/CCMark/shim.h`), released in one go when
/// the tree has been copied out; the reference rendering uses libcmark's own allocator.
public enum CommonMarkConverter {
    /// The first pass: where code, HTML, paragraphs and headings are, line by line. No
    /// Swift tree is built and inlines are skipped.
    static func blockLayout(_ source: [UInt8], lineCount: Int) -> BlockLayout {
        var layout = BlockLayout(lineCount: lineCount)
        let root: OpaquePointer? = source.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                coursegen_parse_in_arena(chars.baseAddress, chars.count, CMARK_OPT_SOURCEPOS)
            }
        }
        // Deferred first, so it runs last: after the tree and the iterator are freed.
        defer { coursegen_arena_release() }
        guard let root else { return layout }
        defer { cmark_node_free(root) }
        guard let iterator = cmark_iter_new(root) else { return layout }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE || event == CMARK_EVENT_NONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            let kind: CommonMarkNode.Kind
            switch type {
            case CMARK_NODE_CODE_BLOCK: kind = .codeBlock
            case CMARK_NODE_HTML_BLOCK: kind = .htmlBlock
            case CMARK_NODE_PARAGRAPH: kind = .paragraph
            case CMARK_NODE_HEADING: kind = .heading
            default: continue
            }
            layout.record(kind, range(of: node))
            if kind == .paragraph || kind == .heading {
                // Jump to the leaf's exit: its inlines say nothing about the layout.
                cmark_iter_reset(iterator, node, CMARK_EVENT_EXIT)
            }
        }
        return layout
    }

    /// How deep containers (quotes, lists, emphasis, links) may nest in the Swift tree.
    /// Deeper ones are flattened into the container at this depth, so that walking the tree
    /// recursively cannot exhaust the stack, whatever the input.
    static let maximumDepth = 100

    /// Parses `source` (CommonMark, no extensions, no smart punctuation) into a Swift tree.
    /// `flattenedAt` is where nesting first went past `maximumDepth`, if it did.
    static func parse(_ source: [UInt8]) -> (document: CommonMarkNode, flattenedAt: SourceLocation?) {
        let root: OpaquePointer? = source.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                coursegen_parse_in_arena(chars.baseAddress, chars.count, CMARK_OPT_SOURCEPOS)
            }
        }
        // Deferred first, so it runs last: after the tree and the iterator are freed.
        defer { coursegen_arena_release() }
        guard let root else { return (CommonMarkNode(kind: .document), nil) }
        defer { cmark_node_free(root) }
        guard let iterator = cmark_iter_new(root) else { return (CommonMarkNode(kind: .document), nil) }
        defer { cmark_iter_free(iterator) }

        // Containers under construction, innermost last; leaves are appended directly.
        var stack: [CommonMarkNode] = []
        var finished = CommonMarkNode(kind: .document)
        // Containers entered past the depth limit and not yet exited: they are left out,
        // their children go to the innermost kept container.
        var flattened = 0
        var flattenedAt: SourceLocation?
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE || event == CMARK_EVENT_NONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            if event == CMARK_EVENT_ENTER {
                let copy = copyNode(node)
                if isLeaf(copy.kind) {
                    if stack.isEmpty { finished = copy } else { stack[stack.count - 1].children.append(copy) }
                } else if stack.count > maximumDepth, copy.kind != .paragraph, copy.kind != .heading {
                    // Paragraphs and headings are kept: they hold the text.
                    flattened += 1
                    if flattenedAt == nil {
                        flattenedAt = copy.range.start.line > 0 ? copy.range.start : stack.last(where: { $0.range.start.line > 0 })?.range.start
                    }
                } else {
                    stack.append(copy)
                }
            } else if event == CMARK_EVENT_EXIT {
                if flattened > 0 { flattened -= 1; continue }
                guard let done = stack.popLast() else { continue }
                if stack.isEmpty { finished = done } else { stack[stack.count - 1].children.append(done) }
            }
        }
        return (finished, flattenedAt)
    }

    /// libcmark's own HTML rendering of `source`: the reference the conformance tests
    /// compare `HTMLRenderer` with. Without `allowRawHTML` it is cmark's safe mode (raw HTML
    /// omitted, dangerous link destinations emptied), with it `CMARK_OPT_UNSAFE`.
    public static func referenceHTML(for source: String, allowRawHTML: Bool = false) -> String {
        var text = source
        let options = allowRawHTML ? CMARK_OPT_UNSAFE : CMARK_OPT_DEFAULT
        let root: OpaquePointer? = text.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cmark_parse_document(chars.baseAddress, chars.count, options)
            }
        }
        guard let root else { return "" }
        defer { cmark_node_free(root) }
        guard let html = cmark_render_html(root, options) else { return "" }
        defer { free(html) }
        return String(cString: html)
    }

    private static func isLeaf(_ kind: CommonMarkNode.Kind) -> Bool {
        switch kind {
        case .codeBlock, .htmlBlock, .thematicBreak, .text, .softBreak, .lineBreak, .code, .htmlInline:
            return true
        case .document, .blockQuote, .list, .item, .customBlock, .paragraph, .heading,
             .customInline, .emphasis, .strong, .link, .image:
            return false
        }
    }

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        guard let pointer else { return "" }
        return String(cString: pointer)
    }

    private static func copyNode(_ node: OpaquePointer) -> CommonMarkNode {
        let type = cmark_node_get_type(node)
        var copy: CommonMarkNode
        switch type {
        case CMARK_NODE_DOCUMENT: copy = CommonMarkNode(kind: .document)
        case CMARK_NODE_BLOCK_QUOTE: copy = CommonMarkNode(kind: .blockQuote)
        case CMARK_NODE_LIST:
            copy = CommonMarkNode(kind: .list)
            copy.listOrdered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST
            copy.listStart = Int(cmark_node_get_list_start(node))
            copy.listParenDelimiter = cmark_node_get_list_delim(node) == CMARK_PAREN_DELIM
            copy.listTight = cmark_node_get_list_tight(node) != 0
        case CMARK_NODE_ITEM: copy = CommonMarkNode(kind: .item)
        case CMARK_NODE_CODE_BLOCK:
            copy = CommonMarkNode(kind: .codeBlock)
            copy.info = string(cmark_node_get_fence_info(node))
        case CMARK_NODE_HTML_BLOCK: copy = CommonMarkNode(kind: .htmlBlock)
        case CMARK_NODE_CUSTOM_BLOCK: copy = CommonMarkNode(kind: .customBlock)
        case CMARK_NODE_PARAGRAPH: copy = CommonMarkNode(kind: .paragraph)
        case CMARK_NODE_HEADING:
            copy = CommonMarkNode(kind: .heading)
            copy.headingLevel = Int(cmark_node_get_heading_level(node))
        case CMARK_NODE_THEMATIC_BREAK: copy = CommonMarkNode(kind: .thematicBreak)
        case CMARK_NODE_TEXT: copy = CommonMarkNode(kind: .text)
        case CMARK_NODE_SOFTBREAK: copy = CommonMarkNode(kind: .softBreak)
        case CMARK_NODE_LINEBREAK: copy = CommonMarkNode(kind: .lineBreak)
        case CMARK_NODE_CODE: copy = CommonMarkNode(kind: .code)
        case CMARK_NODE_HTML_INLINE: copy = CommonMarkNode(kind: .htmlInline)
        case CMARK_NODE_CUSTOM_INLINE: copy = CommonMarkNode(kind: .customInline)
        case CMARK_NODE_EMPH: copy = CommonMarkNode(kind: .emphasis)
        case CMARK_NODE_STRONG: copy = CommonMarkNode(kind: .strong)
        case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
            copy = CommonMarkNode(kind: type == CMARK_NODE_LINK ? .link : .image)
            copy.url = string(cmark_node_get_url(node))
            copy.title = string(cmark_node_get_title(node))
        default:
            // libcmark has no other node types; an unknown one is treated as an empty custom inline.
            copy = CommonMarkNode(kind: .customInline)
        }
        switch copy.kind {
        case .text, .code, .htmlInline, .codeBlock, .htmlBlock:
            copy.literal = string(cmark_node_get_literal(node))
        case .document, .blockQuote, .list, .item, .customBlock, .paragraph, .heading,
             .thematicBreak, .softBreak, .lineBreak, .customInline, .emphasis, .strong, .link, .image:
            break
        }
        copy.range = range(of: node)
        return copy
    }

    private static func range(of node: OpaquePointer) -> SourceRange {
        SourceRange(
            start: SourceLocation(line: Int(cmark_node_get_start_line(node)),
                                  column: Int(cmark_node_get_start_column(node))),
            end: SourceLocation(line: Int(cmark_node_get_end_line(node)),
                                column: Int(cmark_node_get_end_column(node))))
    }
}
