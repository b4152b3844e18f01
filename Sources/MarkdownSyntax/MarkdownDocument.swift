/// A parsed lesson: front matter and the Markdown tree, with source positions.
public struct MarkdownDocument: Hashable, Sendable {
    /// The YAML between the opening and closing `---` lines, verbatim; nil when absent.
    public var frontMatter: FrontMatter?
    public var blocks: [Block]
    /// Problems found while parsing (unclosed `$$`, unknown callout kind, bad label ...).
    public var diagnostics: [Diagnostic]
    public init(frontMatter: FrontMatter?, blocks: [Block], diagnostics: [Diagnostic]) {
        self.frontMatter = frontMatter; self.blocks = blocks; self.diagnostics = diagnostics
    }
}

/// Front matter text and where it starts, so YAML errors can be mapped to file lines.
public struct FrontMatter: Hashable, Sendable {
    public var yaml: String
    /// File line of the first YAML line (the line after the opening `---`).
    public var firstLine: Int
    public init(yaml: String, firstLine: Int) { self.yaml = yaml; self.firstLine = firstLine }
}

/// A block-level node. `indirect`: a block is then one reference, so copying one (the tree
/// walks copy every block they visit) is one retain instead of one per payload field.
public indirect enum Block: Hashable, Sendable {
    case paragraph([Inline], SourceRange)
    /// `label` is the `{#sec-...}` label written at the end of the heading, removed from its text.
    case heading(level: Int, [Inline], label: String?, SourceRange)
    /// A block quote that is not a callout.
    case blockQuote([Block], SourceRange)
    case callout(Callout)
    case list(ListBlock)
    /// Fenced or indented code. `info` is the full info string (empty for indented code).
    case code(CodeBlock)
    /// Raw HTML block, verbatim (the renderer escapes it unless HTML is allowed).
    case html(String, SourceRange)
    case thematicBreak(SourceRange)
    /// `$$ ... $$` on its own, with an optional `{#eq-...}` label. `tex` is exactly what
    /// stood between the delimiters.
    case displayMath(tex: String, label: String?, SourceRange)
}

/// `> [!kind] Title {#label}` and its body.
public struct Callout: Hashable, Sendable {
    public var kind: CalloutKind
    public var title: [Inline]
    public var label: String?
    public var body: [Block]
    public var range: SourceRange
    public init(kind: CalloutKind, title: [Inline], label: String?, body: [Block], range: SourceRange) {
        self.kind = kind; self.title = title; self.label = label; self.body = body; self.range = range
    }
}

public enum CalloutKind: String, Hashable, Sendable, CaseIterable {
    case definition, theorem, lemma, proposition, corollary, example, remark, caution, proof, note
}

public struct ListBlock: Hashable, Sendable {
    public var ordered: Bool
    /// First number of an ordered list.
    public var start: Int
    /// `)` rather than `.` after the number of an ordered list.
    public var parenDelimiter: Bool
    public var tight: Bool
    public var items: [[Block]]
    public var range: SourceRange
    public init(ordered: Bool, start: Int, parenDelimiter: Bool, tight: Bool, items: [[Block]], range: SourceRange) {
        self.ordered = ordered; self.start = start; self.parenDelimiter = parenDelimiter
        self.tight = tight; self.items = items; self.range = range
    }
}

public struct CodeBlock: Hashable, Sendable {
    public var info: String
    public var fenced: Bool
    /// Every line of the content with its line number in the lesson file.
    public var lines: [CodeLine]
    public var range: SourceRange
    public init(info: String, fenced: Bool, lines: [CodeLine], range: SourceRange) {
        self.info = info; self.fenced = fenced; self.lines = lines; self.range = range
    }
    /// The content as cmark gives it (lines joined, each ending in a newline).
    public var literal: String { lines.map { $0.text + "\n" }.joined() }
}

public struct CodeLine: Hashable, Sendable {
    public var text: String
    public var line: Int
    /// File column (1-based) where `text` starts, so positions inside the line can be reported.
    public var column: Int
    public init(text: String, line: Int, column: Int) { self.text = text; self.line = line; self.column = column }
}

/// An inline node.
public enum Inline: Hashable, Sendable {
    case text(String)
    case softBreak
    case lineBreak
    case code(String)
    case emphasis([Inline])
    case strong([Inline])
    case link(destination: String, title: String, [Inline])
    case image(source: String, title: String, [Inline])
    /// Raw inline HTML, verbatim.
    case html(String)
    /// `$...$`: `tex` is exactly what stood between the delimiters.
    case math(tex: String, SourceRange)
    /// `@label`: a cross-reference to be resolved by the course.
    case reference(label: String, SourceRange)
}
