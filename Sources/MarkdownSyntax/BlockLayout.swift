/// What a first cmark pass says about each line of a lesson, so that the math scanner
/// leaves code and raw HTML alone and knows how far a quoted or listed line is indented.
struct BlockLayout {
    /// Lines inside a code block or an HTML block: no math or references there.
    var verbatim: [Bool]
    /// Column where the paragraph or heading containing the line starts (0: none).
    var leafColumn: [Int]
    /// Lines that are a one-line (ATX) heading: math cannot continue past them.
    var singleLineHeading: [Bool]

    init(lineCount: Int, document: CommonMarkNode) {
        verbatim = Array(repeating: false, count: lineCount + 2)
        leafColumn = Array(repeating: 0, count: lineCount + 2)
        singleLineHeading = Array(repeating: false, count: lineCount + 2)
        visit(document)
    }

    private mutating func visit(_ node: CommonMarkNode) {
        let first = max(1, node.range.start.line)
        let last = min(verbatim.count - 1, node.range.end.line)
        switch node.kind {
        case .codeBlock, .htmlBlock:
            if first <= last { for line in first...last { verbatim[line] = true } }
        case .paragraph, .heading:
            if first <= last { for line in first...last { leafColumn[line] = node.range.start.column } }
            if node.kind == .heading, first == last, first < singleLineHeading.count { singleLineHeading[first] = true }
        case .document, .blockQuote, .list, .item, .customBlock:
            for child in node.children { visit(child) }
        case .thematicBreak, .text, .softBreak, .lineBreak, .code, .htmlInline, .customInline,
             .emphasis, .strong, .link, .image:
            break
        }
    }
}
