import Foundation
import Testing
import MarkdownSyntax

/// The CommonMark spec examples (as Debian's golang-github-yuin-goldmark-dev ships them in
/// JSON), each rendered by `HTMLRenderer` and by libcmark itself: the two must agree byte
/// for byte, in safe mode and with raw HTML allowed.
@Suite struct CommonMarkSpecTests {
    static let specPath = "/usr/share/gocode/src/github.com/yuin/goldmark/_test/spec.json"

    struct Example: Decodable {
        let markdown: String
        let example: Int
        let section: String
    }

    static func loadExamples() throws -> [Example] {
        let data = try Data(contentsOf: URL(fileURLWithPath: specPath))
        return try JSONDecoder().decode([Example].self, from: data)
    }

    /// Examples where lesson syntax took effect: math, references, callouts, labels or
    /// front matter. Examples with a `$` or `@` that stayed text are compared too.
    static func usesLessonSyntax(_ document: MarkdownDocument) -> Bool {
        document.frontMatter != nil || TreeWalk.containsLessonNodes(document.blocks)
    }

    @Test func specExamplesMatchLibcmark() throws {
        let examples = try Self.loadExamples()
        #expect(examples.count > 600, "the spec file should hold the whole spec")
        var compared = 0, skipped = 0
        var failures: [String] = []
        for example in examples {
            let document = MarkdownParser.parse(example.markdown, file: "example.md")
            if Self.usesLessonSyntax(document) { skipped += 1; continue }
            compared += 1
            for allowRawHTML in [false, true] {
                let ours = HTMLRenderer(allowRawHTML: allowRawHTML).render(document.blocks)
                let cmark = CommonMarkConverter.referenceHTML(for: example.markdown, allowRawHTML: allowRawHTML)
                if ours != cmark {
                    failures.append("example \(example.example) (\(example.section)), raw HTML \(allowRawHTML):\n"
                        + "markdown: \(example.markdown.debugDescription)\nours:  \(ours.debugDescription)\ncmark: \(cmark.debugDescription)")
                }
            }
        }
        print("CommonMark spec: \(compared) examples compared, \(skipped) skipped (math, references or front matter took effect), \(failures.count) mismatches")
        #expect(failures.isEmpty, Comment(rawValue: "\(failures.count) mismatches:\n" + failures.prefix(10).joined(separator: "\n\n")))
        #expect(compared > 600)
    }
}
