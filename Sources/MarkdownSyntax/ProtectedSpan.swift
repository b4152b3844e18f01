/// A piece of a lesson that Markdown must not touch (math, a reference), cut out of the
/// text before cmark sees it and put back into the tree afterwards.
struct ProtectedSpan {
    enum Content {
        case inlineMath(tex: String)
        case displayMath(tex: String, label: String?)
        case reference(label: String)
    }

    var content: Content
    /// Byte offsets in the lesson file: `start` at the opening delimiter, `end` just past
    /// the span (after a display equation's label).
    var start: Int
    var end: Int
    var range: SourceRange
}
