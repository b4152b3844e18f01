import Testing
@testable import Courseware
import MarkdownSyntax

@Suite struct LessonMetadataTests {
    let slug = Slug("level-sets")!

    /// A lesson file with front matter starting on line 2, as the parser reports it.
    func read(_ yaml: String) -> (LessonMetadata, [Diagnostic]) {
        let text = "---\n" + yaml + "---\n\nBody.\n"
        return LessonMetadata.read(FrontMatter(yaml: yaml, firstLine: 2), slug: slug,
                                   source: SourceFile(displayPath: "Content/02-level-sets.md", text: text))
    }

    @Test func missingFrontMatterGivesATitleFromTheSlug() {
        let (metadata, diagnostics) = LessonMetadata.read(nil, slug: slug, source: SourceFile(displayPath: "x.md", text: ""))
        #expect(diagnostics.isEmpty)
        #expect(metadata == LessonMetadata(title: "Level sets"))
    }

    @Test func readsTitleSummaryPrerequisites() {
        let (metadata, diagnostics) = read("""
            title: Level Sets
            summary: Curves of equal height.
            prerequisites: [limits, partial-derivatives]

            """)
        #expect(diagnostics.isEmpty)
        #expect(metadata.title == "Level Sets")
        #expect(metadata.summary == "Curves of equal height.")
        #expect(metadata.prerequisites.map(\.slug) == ["limits", "partial-derivatives"])
        // Positions are file positions: the YAML starts on line 2.
        #expect(metadata.prerequisites[0].location == SourceLocation(line: 4, column: 17))
        #expect(metadata.prerequisites[1].location == SourceLocation(line: 4, column: 25))
    }

    @Test func yamlErrorIsMappedToTheFileLine() {
        let (_, diagnostics) = read("title: Level Sets\nsummary: \"unclosed\n")
        #expect(diagnostics.count == 1)
        #expect(diagnostics[0].file == "Content/02-level-sets.md")
        #expect(diagnostics[0].severity == .error)
        #expect(diagnostics[0].location == SourceLocation(line: 4, column: 1))
        #expect(diagnostics[0].message.hasPrefix("invalid YAML"))
    }

    @Test func yamlColumnIsMappedToBytes() {
        // libyaml counts columns in characters; "é" is two bytes, so the byte column is one more.
        let (_, diagnostics) = read("title: é: x\n")
        #expect(diagnostics.count == 1)
        #expect(diagnostics[0].location.line == 2)
        let line = diagnostics[0].sourceLine
        #expect(line == "title: é: x")
        // The second ':' is the 9th character and starts at byte 10.
        #expect(diagnostics[0].location.column == 10)
    }

    @Test func titleMustBeText() {
        let (metadata, diagnostics) = read("title: [a, b]\n")
        #expect(metadata.title == "Level sets")
        #expect(diagnostics.map(\.message) == ["'title' must be text"])
        #expect(diagnostics[0].location == SourceLocation(line: 2, column: 8))
    }

    @Test func unknownKeyWarns() {
        let (_, diagnostics) = read("title: T\nsumary: S\n")
        #expect(diagnostics.map(\.severity) == [.warning])
        #expect(diagnostics[0].location == SourceLocation(line: 3, column: 1))
    }
}
