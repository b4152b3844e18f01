import MarkdownSyntax

/// Something a `@label` can point at: a numbered item somewhere in the course.
public struct LabelTarget: Hashable, Sendable {
    public var label: String
    public var kind: LabelKind
    /// The number as printed, without parentheses: "3.2", "2.1.1".
    public var number: String
    /// The lesson page holding the item.
    public var lesson: Slug
    /// Where the label is written, for duplicate and unused-label diagnostics.
    public var file: String
    public var location: SourceLocation

    /// The text of a reference: "Theorem 3.2", "Section 2.1", "Equation (3.1)".
    public var referenceText: String {
        switch kind {
        case .equation: "\(kind.displayName) (\(number))"
        case .definition, .theorem, .lemma, .proposition, .corollary, .example, .remark, .caution,
             .section, .figure, .exercise:
            "\(kind.displayName) \(number)"
        }
    }

    /// The link target relative to any page of the site.
    public var href: String { "\(lesson.rawValue).html#\(label)" }
}
