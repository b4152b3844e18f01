/// What a first cmark pass says about each line of a lesson, so that the math scanner
/// leaves code and raw HTML alone and knows how far a quoted or listed line is indented.
struct BlockLayout: Equatable {
    /// Lines inside a code block or an HTML block: no math or references there.
    var verbatim: [Bool]
    /// Column where the paragraph or heading containing the line starts (0: none).
    var leafColumn: [Int]
    /// Lines that are a one-line (ATX) heading: math cannot continue past them.
    var singleLineHeading: [Bool]

    init(lineCount: Int) {
        verbatim = Array(repeating: false, count: lineCount + 2)
        leafColumn = Array(repeating: 0, count: lineCount + 2)
        singleLineHeading = Array(repeating: false, count: lineCount + 2)
    }

    /// Records one block of the first pass; containers need no record.
    mutating func record(_ kind: CommonMarkNode.Kind, _ range: SourceRange) {
        let first = max(1, range.start.line)
        let last = min(verbatim.count - 1, range.end.line)
        guard first <= last else { return }
        switch kind {
        case .codeBlock, .htmlBlock:
            for line in first...last { verbatim[line] = true }
        case .paragraph, .heading:
            for line in first...last { leafColumn[line] = range.start.column }
            if kind == .heading, first == last { singleLineHeading[first] = true }
        case .document, .blockQuote, .list, .item, .customBlock, .thematicBreak, .text, .softBreak, .lineBreak,
             .code, .htmlInline, .customInline, .emphasis, .strong, .link, .image:
            break
        }
    }
}
