import Testing
import MarkdownSyntax

/// Garbage in, a tree and diagnostics out: never a crash.
@Suite struct RobustnessTests {
    @Test func binaryBytes() {
        var generator = SplitMix64(seed: 42)
        var bytes: [UInt8] = []
        for _ in 0..<20_000 { bytes.append(UInt8(truncatingIfNeeded: generator.next())) }
        // Sprinkle the characters the scanner cares about, and the token markers themselves.
        bytes += Array("$$ $x$ @thm-a ` \u{E000}1\u{E001} \u{E002}0.1\u{E001} > [!x]".utf8)
        let source = String(decoding: bytes, as: UTF8.self)
        let document = MarkdownParser.parse(source, file: "garbage.md")
        _ = HTMLRenderer().render(document.blocks)
        _ = HTMLRenderer(allowRawHTML: true).render(document.blocks)
    }

    @Test func forgedTokensAreNotMath() {
        let document = MarkdownParser.parse("a \u{E000}0\u{E001} b $x$", file: "t.md")
        #expect(TreeWalk.math(document.blocks) == ["i:x"])
        #expect(TreeWalk.text(document.blocks).contains("\u{FFFD}0"))
    }

    @Test func randomLessonSyntaxSoup() {
        let pieces = ["$", "$$", "\\", "`", "``", "@thm-a", "@", "> ", "- ", "1. ", "\n", "\n\n", "x", "_", "*",
                      "[!theorem]", "{#eq-a}", "{#", "}", "```", "<div>", "&amp;", "[a](b)", "  ", "\t", "#"]
        var generator = SplitMix64(seed: 7)
        for _ in 0..<300 {
            var source = ""
            for _ in 0..<60 { source += pieces[Int(generator.next() % UInt64(pieces.count))] }
            let document = MarkdownParser.parse(source, file: "soup.md")
            _ = HTMLRenderer().render(document.blocks)
            for diagnostic in document.diagnostics {
                #expect(diagnostic.location.line >= 1)
                #expect(diagnostic.location.column >= 1)
            }
        }
    }

    @Test func tenThousandLines() {
        var source = "---\ntitle: Long\n---\n"
        for index in 0..<10_000 {
            switch index % 5 {
            case 0: source += "Line \(index) with $x_{\(index)}$ and costs $5 and *em*.\n"
            case 1: source += "- item \(index) @thm-a\n"
            case 2: source += "\n"
            case 3: source += "> quote $a$ $\n"
            default: source += "$$ y_\(index) $$\n"
            }
        }
        let document = MarkdownParser.parse(source, file: "long.md")
        #expect(TreeWalk.math(document.blocks).count == 6_000)
        #expect(TreeWalk.references(document.blocks).count == 2_000)
    }

    @Test func oneHugeParagraphOfUnclosedDollarsAndBackticks() {
        // Many openers without closers: the scanner must stay linear, not rescan to the end.
        let source = String(repeating: "$5 ` `` ", count: 20_000)
        let document = MarkdownParser.parse(source, file: "huge.md")
        #expect(TreeWalk.math(document.blocks).isEmpty)
    }

    @Test func deeplyNestedQuotesAndLists() {
        let quotes = String(repeating: ">", count: 2_000) + " $x$ deep\n"
        let lists = (0..<500).map { String(repeating: "  ", count: $0) + "- $y$" }.joined(separator: "\n")
        let document = MarkdownParser.parse(quotes + "\n" + lists, file: "deep.md")
        _ = HTMLRenderer().render(document.blocks)
        #expect(TreeWalk.math(document.blocks).first == "i:x")
    }

    @Test func nestingPastTheLimitIsFlattenedAndReported() throws {
        let quotes = String(repeating: ">", count: 20_000) + " $x$ deep\n"
        let document = MarkdownParser.parse("Intro\n\n" + quotes, file: "deep.md")
        let diagnostic = try #require(document.diagnostics.first)
        #expect(diagnostic.location.line == 3)
        #expect(diagnostic.message.contains("nested more than"))
        #expect(TreeWalk.math(document.blocks) == ["i:x"])
        _ = HTMLRenderer().render(document.blocks)
        let emphasis = String(repeating: "*a ", count: 20_000) + String(repeating: " b*", count: 20_000)
        let second = MarkdownParser.parse(emphasis, file: "emph.md")
        #expect(second.diagnostics.count == 1)
        _ = HTMLRenderer().render(second.blocks)
    }

    @Test func emptyAndWhitespaceInput() {
        #expect(MarkdownParser.parse("", file: "e.md").blocks.isEmpty)
        #expect(MarkdownParser.parse("\n\n  \n", file: "e.md").blocks.isEmpty)
        #expect(MarkdownParser.parse("---\n---\n", file: "e.md").frontMatter == FrontMatter(yaml: "", firstLine: 2))
        #expect(MarkdownParser.parse("$", file: "e.md").blocks.count == 1)
        #expect(MarkdownParser.parse("$$", file: "e.md").diagnostics.count == 1)
    }
}

/// A small deterministic random number generator for reproducible garbage.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
