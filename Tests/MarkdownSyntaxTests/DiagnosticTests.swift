import Testing
import MarkdownSyntax

@Suite struct DiagnosticTests {
    @Test func unclosedDisplayMathPointsAtTheOpening() throws {
        let source = "---\ntitle: x\n---\nFirst paragraph.\n\nSo $$a + b\nand more.\n\nNext $c$."
        let document = MarkdownParser.parse(source, file: "Content/02-x.md")
        #expect(document.diagnostics.count == 1)
        let diagnostic = try #require(document.diagnostics.first)
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.file == "Content/02-x.md")
        #expect(diagnostic.location == SourceLocation(line: 6, column: 4))
        #expect(diagnostic.length == 2)
        #expect(diagnostic.sourceLine == "So $$a + b")
        #expect(diagnostic.message.contains("unclosed"))
        // The rest of the lesson still parses.
        #expect(TreeWalk.math(document.blocks) == ["i:c"])
    }

    @Test func blankLineEndsDisplayMath() throws {
        let document = MarkdownParser.parse("> $$\n> x\n>\n> $$", file: "q.md")
        #expect(document.diagnostics.map(\.location) == [SourceLocation(line: 1, column: 3), SourceLocation(line: 4, column: 3)])
    }

    @Test func unknownCalloutKindNamesItAndTheValidOnes() throws {
        let document = MarkdownParser.parse("Intro.\n\n> [!theorm] Typo {#thm-typo}\n> Body.", file: "c.md")
        let diagnostic = try #require(document.diagnostics.first)
        #expect(document.diagnostics.count == 1)
        #expect(diagnostic.location == SourceLocation(line: 3, column: 5))
        #expect(diagnostic.length == 6)
        #expect(diagnostic.message.contains("'theorm'"))
        #expect(diagnostic.message.contains("did you mean 'theorem'?"))
        for kind in CalloutKind.allCases { #expect(diagnostic.message.contains(kind.rawValue)) }
        #expect(diagnostic.sourceLine == "> [!theorm] Typo {#thm-typo}")
        // It stays a block quote.
        if case .blockQuote? = document.blocks.last {} else { Issue.record("expected a block quote") }
    }

    @Test func unknownCalloutKindFarFromAnyHasNoSuggestion() throws {
        let document = MarkdownParser.parse("> [!warning]\n> Careful.", file: "w.md")
        let diagnostic = try #require(document.diagnostics.first)
        #expect(diagnostic.message.contains("'warning'"))
        #expect(!diagnostic.message.contains("did you mean"))
    }

    @Test func calloutKindIsCaseInsensitive() {
        let document = MarkdownParser.parse("> [!NOTE]\n> Hi.", file: "n.md")
        #expect(TreeWalk.callouts(document.blocks).map(\.kind) == [.note])
        #expect(document.diagnostics.isEmpty)
    }

    struct LabelCase: Sendable, CustomTestStringConvertible {
        let markdown: String
        let line: Int
        let column: Int
        let fragment: String
        var testDescription: String { markdown }
    }

    static let mismatchedLabels: [LabelCase] = [
        LabelCase(markdown: "> [!definition] Gradient {#thm-grad}\n> Body.", line: 1, column: 26, fragment: "'def-'"),
        LabelCase(markdown: "> [!theorem] T {#lem-x}\n> Body.", line: 1, column: 16, fragment: "'thm-'"),
        LabelCase(markdown: "> [!example] {#ex-1}\n> Body.", line: 1, column: 14, fragment: "'exm-'"),
        LabelCase(markdown: "> [!proof] {#thm-p}\n> Body.", line: 1, column: 12, fragment: "cannot carry a label"),
        LabelCase(markdown: "> [!note] N {#rem-n}\n> Body.", line: 1, column: 13, fragment: "cannot carry a label"),
        LabelCase(markdown: "Intro\n\n## Level sets {#thm-level}", line: 3, column: 15, fragment: "'sec-'"),
        LabelCase(markdown: "## Level sets {#levels}", line: 1, column: 15, fragment: "malformed label"),
        LabelCase(markdown: "$$x$$ {#thm-x}", line: 1, column: 7, fragment: "'eq-'"),
        LabelCase(markdown: "Text\n$$\nx\n$$ {#sec-x}", line: 4, column: 4, fragment: "'eq-'"),
    ]

    @Test(arguments: mismatchedLabels)
    func labelPrefixMustFitItsItem(_ example: LabelCase) throws {
        let document = MarkdownParser.parse(example.markdown, file: "l.md")
        #expect(document.diagnostics.count == 1)
        let diagnostic = try #require(document.diagnostics.first)
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.location == SourceLocation(line: example.line, column: example.column))
        #expect(diagnostic.message.contains(example.fragment), "\(diagnostic.message)")
    }

    @Test func wellFormedLabelsAreAccepted() {
        let source = """
        ## Level sets {#sec-level-sets}

        > [!definition] Gradient {#def-gradient}
        > Body.

        > [!lemma] {#lem-a_1}
        > Body.

        $$x$$ {#eq-x}
        """
        let document = MarkdownParser.parse(source, file: "ok.md")
        #expect(document.diagnostics.isEmpty)
        #expect(TreeWalk.callouts(document.blocks).map(\.label) == ["def-gradient", "lem-a_1"])
        #expect(TreeWalk.math(document.blocks) == ["d:x#eq-x"])
    }

    @Test func unclosedFrontMatter() throws {
        let document = MarkdownParser.parse("---\ntitle: x\n\nNo closing line.", file: "f.md")
        let diagnostic = try #require(document.diagnostics.first)
        #expect(diagnostic.location == SourceLocation(line: 1, column: 1))
        #expect(document.frontMatter == nil)
    }

    @Test func referencesAndEmailAddresses() {
        let source = "See @thm-main, @eq-x. and (@sec-intro_) but not a@thm-b.com, @unknown-x, @thm- or \\@thm-esc."
        let document = MarkdownParser.parse(source, file: "r.md")
        #expect(TreeWalk.references(document.blocks) == ["thm-main", "eq-x", "sec-intro"])
        #expect(TreeWalk.text(document.blocks).contains("a@thm-b.com, @unknown-x, @thm- or @thm-esc."))
    }

    @Test func referencesInCodeStayText() {
        let document = MarkdownParser.parse("`@thm-x` and\n\n    @thm-y\n", file: "r.md")
        #expect(TreeWalk.references(document.blocks).isEmpty)
    }
}
