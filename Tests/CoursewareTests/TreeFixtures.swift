@testable import Courseware
import MarkdownSyntax

/// Small hand-built trees, so numbering and references are tested without the parser.
enum TreeFixtures {
    static func at(_ line: Int, _ column: Int = 1, to endLine: Int? = nil) -> SourceRange {
        SourceRange(start: SourceLocation(line: line, column: column),
                    end: SourceLocation(line: endLine ?? line, column: 80))
    }

    static func callout(_ kind: CalloutKind, label: String? = nil, line: Int, body: [Block] = []) -> Block {
        .callout(Callout(kind: kind, title: [], label: label, body: body, range: at(line, to: line + 1)))
    }

    static func paragraph(_ inlines: [Inline], line: Int) -> Block { .paragraph(inlines, at(line)) }

    static func reference(_ label: String, line: Int, column: Int) -> Inline {
        .reference(label: label, SourceRange(start: SourceLocation(line: line, column: column),
                                             end: SourceLocation(line: line, column: column + label.utf8.count)))
    }

    /// A lesson whose source text has the given lines (so diagnostics can quote them).
    static func lesson(_ number: Int, _ slug: String, lines: [String], blocks: [Block]) -> Lesson {
        Lesson(number: number, slug: Slug(slug)!, metadata: LessonMetadata(title: slug),
               document: MarkdownDocument(frontMatter: nil, blocks: blocks, diagnostics: []),
               file: "Content/0\(number)-\(slug).md", text: lines.joined(separator: "\n") + "\n")
    }
}
