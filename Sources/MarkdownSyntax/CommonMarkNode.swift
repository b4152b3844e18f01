/// A node of libcmark's tree, copied out into a Swift value so that no C pointer leaves
/// `CommonMarkConverter`. Only the fields the Markdown tree needs are kept.
struct CommonMarkNode: Sendable {
    /// The node kinds of CommonMark, mirroring libcmark's `cmark_node_type`.
    enum Kind: Sendable {
        case document, blockQuote, list, item, codeBlock, htmlBlock, customBlock
        case paragraph, heading, thematicBreak
        case text, softBreak, lineBreak, code, htmlInline, customInline
        case emphasis, strong, link, image
    }

    var kind: Kind
    /// Text of leaf nodes (text, code, HTML, code block content).
    var literal: String = ""
    /// Link or image destination.
    var url: String = ""
    /// Link or image title.
    var title: String = ""
    /// Info string of a code block.
    var info: String = ""
    var headingLevel: Int = 0
    var listOrdered: Bool = false
    var listStart: Int = 1
    var listParenDelimiter: Bool = false
    var listTight: Bool = false
    /// Source position as libcmark reports it (1-based, end inclusive); zero for inlines.
    var range: SourceRange = SourceRange(start: SourceLocation(line: 0, column: 0),
                                         end: SourceLocation(line: 0, column: 0))
    var children: [CommonMarkNode] = []

    init(kind: Kind) { self.kind = kind }
}
