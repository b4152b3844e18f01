import Foundation
import Testing
@testable import MarkdownSyntax

/// The first cmark pass reads `MarkdownParser.layoutText` (TeX's `_`, `*` and `\name`
/// replaced between dollar signs) instead of the file: the block layout it finds must be
/// the one of the file as written, for every kind of document.
@Suite struct LayoutTextTests {
    static func layouts(_ markdown: String) -> (written: BlockLayout, read: BlockLayout) {
        let bytes = Array(markdown.utf8)
        let lines = SourceText(bytes).lineCount
        return (CommonMarkConverter.blockLayout(bytes, lineCount: lines),
                CommonMarkConverter.blockLayout(MarkdownParser.layoutText(bytes), lineCount: lines))
    }

    /// Documents made to sit on the edges of the rules the replacement relies on.
    static let edgeCases: [String] = [
        "$a_1$ and $b*c$ and $\\alpha$",
        "* $x_1$ item\n* $y*z$ item\n\n***\n\n___",
        "$x$\n***\n$y$",
        "Para $a_b$\n===\n",
        "Para $a_b$\n---\n",
        "```$a_b$\ncode $x*y$\n```\n$z_1$",
        "~~~ info $a\\b_c$\ntext\n~~~",
        "``` $a`b$\nnot a fence\n```",
        "<div>\n$a_b$ html\n</div>\n\n$c_d$",
        "<a x=\"$\" y*z=\"$\">\n\npara",
        "<a x=\"$\" y_z=\"$\">\n\npara",
        "<!-- $a_b$ -->\n$c*d$",
        "<!-- $a -->_b$\nstill html? $x$",
        "<script>\n$a_b$ </script> $c_d$\n$e$",
        "[foo]: /url \"$a\\\"b$\"\n\n[foo]",
        "[foo]: /url \"$a\\b_c$\"\n===",
        "[a$b_c$]: /x\n---",
        "[a\\$b_c$]: /x\n---",
        "> $a_b$ quote\n> * $c*d$\n>     code $e_f$",
        "1. $a_1$\n2. $b\\cdot c$\n\n    indented $x_1$",
        "Text with $5 and $12 prices_here* and\\more",
        "# Heading $a_b$ #\n$c_d$",
        "Line with trailing backslash $a$\\\n$b_c$",
        "\t$a_b$ tab indented",
        "- <div>$a_b$</div>\n- $c$",
        "$$\n* a_b\n$$",
        "$$\\frac{\\partial f}{\\partial x_1} * 2$$",
        "| a | $b_c$ |\n|---|---|\n| $d*e$ | f |",
    ]

    @Test(arguments: Array(edgeCases.indices))
    func edgeCaseLayoutsAgree(_ index: Int) {
        let (written, read) = Self.layouts(Self.edgeCases[index])
        #expect(written == read, "layout differs for: \(Self.edgeCases[index])")
    }

    @Test func mathProtectionCasesAgree() {
        for example in mathCases {
            let (written, read) = Self.layouts(example.markdown)
            #expect(written == read, "layout differs for \(example.name)")
        }
    }

    @Test func sampleCourseAgrees() throws {
        let content = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Content")
        let files = try FileManager.default.contentsOfDirectory(atPath: content.path).filter { $0.hasSuffix(".md") }
        #expect(files.count >= 10)
        for name in files {
            let text = try String(contentsOf: content.appendingPathComponent(name), encoding: .utf8)
            #expect(MarkdownParser.layoutText(Array(text.utf8)) != Array(text.utf8), "\(name) has TeX to replace")
            let (written, read) = Self.layouts(text)
            #expect(written == read, "layout differs for \(name)")
        }
    }

    /// Random documents from pieces that matter to block structure and to the replacement.
    @Test func randomDocumentsAgree() {
        var generator = SplitMix64(seed: 2026)
        let starts = ["", "", "", "* ", "- ", "1. ", "> ", "> * ", "    ", "\t", "# ", "## ", "<div>", "<a b=\"", "[x]: ",
                      "[y]: /u \"", "```", "~~~ ", "<!-- ", "---", "***", "___", "===", "   ", "| "]
        let pieces = ["$", "$", "$", "_", "*", "\\", "\\a", "\\$", "a", "b c", "<", ">", "-->", "]", "[", "]:", "\"", "`",
                      "x_1", "**", "__", "\\frac{a}{b}", " ", "&", "!", "(", ")", "</div>", "</script>", "?>", "\\\""]
        var checked = 0
        for _ in 0..<1500 {
            var lines: [String] = []
            for _ in 0..<Int(generator.next() % 8 + 1) {
                var line = starts[Int(generator.next() % UInt64(starts.count))]
                for _ in 0..<Int(generator.next() % 10) { line += pieces[Int(generator.next() % UInt64(pieces.count))] }
                lines.append(generator.next() % 5 == 0 ? "" : line)
            }
            let document = lines.joined(separator: "\n")
            let (written, read) = Self.layouts(document)
            #expect(written == read, "layout differs for: \(document.debugDescription)")
            if written != read { break }
            checked += 1
        }
        #expect(checked == 1500)
    }
}
