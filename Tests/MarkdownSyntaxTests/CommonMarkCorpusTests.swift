import Testing
import MarkdownSyntax

/// A corpus of our own covering every CommonMark block and inline construct, plus the
/// escaping corners (URLs, entities, unsafe links); `HTMLRenderer` must render each exactly
/// as libcmark does, in safe mode and with raw HTML allowed.
let commonMarkCorpus: [String] = [
    // Paragraphs and breaks
    "one line",
    "two\nlines",
    "hard  \nbreak and\\\nbackslash break",
    "  leading spaces\n   and more  ",
    "trailing spaces   \n",
    // Headings
    "# h1\n## h2\n### h3\n#### h4\n##### h5\n###### h6",
    "####### not a heading",
    "# closed #\n## also closed ##########",
    "Setext one\n===\n\nSetext two\n---",
    "#\n##\n",
    "# heading with *emphasis* and `code`",
    // Thematic breaks
    "***\n---\n___\n* * *",
    "para\n***\npara",
    // Code
    "    indented code\n    more\n\n      deeper\n",
    "```\nfenced\n```",
    "```python extra words\nprint(\"<hi>\" & 'x')\n```",
    "~~~~ruby\nputs 1\n~~~\n~~~~",
    "```\nunterminated\n",
    "``` a&b\"c\nx\n```",
    "```\n\n  \n```",
    "\t\ttab code",
    // Block quotes
    "> quote\n> more",
    "> lazy\ncontinuation",
    "> # heading\n> - list\n> ```\n> code\n> ```",
    "> > nested\n> > > deeper",
    ">",
    // Lists
    "- a\n- b\n- c",
    "* a\n\n* b",
    "+ one\n+ two\n\n  para in two",
    "1. one\n2. two",
    "3) three\n4) four",
    "7. start seven\n8. eight",
    "- a\n  - b\n    - c\n- d",
    "1. a\n\n   b\n2. c",
    "- \n- empty above",
    "-\n  foo",
    "- [ ] not a task list\n- [x] either",
    "- a\n- b\n\n- c",
    "1. x\n- y",
    "- a\n\n\n- b",
    "10. ten\n11. eleven",
    "- ```\n  code in item\n  ```\n- > quote in item",
    // HTML blocks, all seven kinds
    "<script>\nvar x = 1 < 2;\n</script>",
    "<!-- comment\nover lines -->",
    "<?php echo 1; ?>",
    "<!DOCTYPE html>",
    "<![CDATA[\nx < y\n]]>",
    "<div>\n*not emphasis*\n</div>",
    "<custom-tag attr=\"1\">\n\ntext after",
    "<table><tr><td>\nx\n</td></tr></table>",
    // Link reference definitions
    "[foo]: /url \"title\"\n\n[foo]",
    "[Foo Bar]: <my url> 'single'\n\n[foo bar] and [Foo Bar][] and [x][foo bar]",
    "[a]: /a\n[b]: /b (paren title)\n\n[a][b] [b]",
    // Inlines: code spans
    "`code` and ``co`de`` and ` `` `",
    "`unclosed code",
    "`  spaces  `",
    // Emphasis
    "*em* _em_ **strong** __strong__",
    "***both*** and ___both___",
    "*nested **strong** inside*",
    "snake_case_word and 2*3*4",
    "**unclosed and *mixed**",
    "_(parenthesised)_ and *\"quoted\"*",
    // Links
    "[link](/url) [titled](/url \"t\") [angle](<a b>)",
    "[empty]() and [](/no-text)",
    "[esc](/a\\(b\\)) and [ent](/&amp;x)",
    "[nested [brackets]](/u)",
    "[link *with emphasis* and `code`](/u)",
    "[unicode](/ünï) and [space](<a b c>)",
    "[quote](/it's) [amp](/a&b) [percent](/100%25) [hash](/a#b?c=d)",
    "[brackets](/a[b]c) [braces](/{x}) [pipe](/a|b) [caret](/a^b) [backtick](/a`b) [backslash](/a\\\\b)",
    "[ctrl](/a%00b) [tab](<a\tb>)",
    // Unsafe links: emptied in safe mode, kept otherwise
    "[js](javascript:alert(1)) [JS](JAVASCRIPT:x) [vb](vbscript:x) [file](file:///etc/passwd)",
    "[data](data:text/html,hi) ![png](data:image/png;base64,AA) ![svg](data:image/svg+xml,x)",
    "<javascript:alert(1)>",
    // Images
    "![alt](/img.png) ![alt *emph* `code`](/i.png \"title\")",
    "![nested ![inner](/a)](/b)",
    "![ref]\n\n[ref]: /r.png",
    // Autolinks
    "<https://example.com/a?b=c&d=e> <mailto:someone@example.com> <someone@example.com>",
    "<not an autolink> and <https://no spaces>",
    // Raw HTML inline
    "a <b>bold</b> <span class=\"x\">span</span> <!-- c --> <?pi?> <!DECL> <![CDATA[x]]>",
    "<a href=\"x\">link</a> and </closing>",
    // Escapes and entities
    "\\*not em\\* \\_ \\# \\[ \\] \\\\ \\` \\< \\> \\& \\!",
    "&amp; &lt; &copy; &#35; &#x22; &nbsp; &bogus; &#0; &",
    "< > \" ' & all plain",
    "non-ASCII: é ü 中文 😀 and a tab\there",
    // Mixed
    "# Title\n\nText with [a link](/x) and **bold**.\n\n- item\n- item 2\n\n> quote\n\n```swift\nlet x = 1\n```\n\n---\n\n1. one\n2. two",
]

@Suite struct CommonMarkCorpusTests {
    @Test(arguments: commonMarkCorpus)
    func matchesLibcmark(_ markdown: String) {
        let document = MarkdownParser.parse(markdown, file: "corpus.md")
        #expect(!TreeWalk.containsLessonNodes(document.blocks))
        for allowRawHTML in [false, true] {
            let ours = HTMLRenderer(allowRawHTML: allowRawHTML).render(document.blocks)
            let cmark = CommonMarkConverter.referenceHTML(for: markdown, allowRawHTML: allowRawHTML)
            #expect(ours == cmark, "raw HTML allowed: \(allowRawHTML)")
        }
    }

    @Test func wholeCorpusAsOneDocument() {
        let markdown = commonMarkCorpus.joined(separator: "\n\n")
        let ours = HTMLRenderer().render(MarkdownParser.parse(markdown, file: "corpus.md").blocks)
        #expect(ours == CommonMarkConverter.referenceHTML(for: markdown))
    }

    /// Every byte from 1 to 127 in a link destination, escaped the way cmark escapes it.
    @Test func everyASCIIByteInAURL() {
        for byte in UInt8(1)...UInt8(127) {
            let scalar = Character(Unicode.Scalar(byte))
            if scalar == "\n" || scalar == "\r" { continue }
            let written = (scalar.isPunctuation || scalar.isSymbol) && byte != UInt8(ascii: "$") && byte != UInt8(ascii: "@")
                ? "\\" + String(scalar) : String(scalar)
            let markdown = "[a](<x" + written + "y>)"
            let ours = HTMLRenderer().render(MarkdownParser.parse(markdown, file: "url.md").blocks)
            #expect(ours == CommonMarkConverter.referenceHTML(for: markdown), "byte \(byte)")
        }
    }

    @Test func rawHTMLIsOmittedUnlessAllowed() {
        let blocks = MarkdownParser.parse("<div>x</div>\n\nhi <b>there</b>", file: "h.md").blocks
        #expect(HTMLRenderer().render(blocks) == "<!-- raw HTML omitted -->\n<p>hi <!-- raw HTML omitted -->there<!-- raw HTML omitted --></p>\n")
        #expect(HTMLRenderer(allowRawHTML: true).render(blocks) == "<div>x</div>\n<p>hi <b>there</b></p>\n")
    }
}

/// Random documents built from CommonMark syntax fragments (no `$`, `@`, `[!` or `{#`):
/// `HTMLRenderer` and libcmark must agree on every one.
@Suite struct CommonMarkRandomTests {
    static let fragments = [
        "# ", "## ", "> ", ">", "- ", "* ", "+ ", "1. ", "2) ", "    ", "  ", " ", "\t", "\n", "\n\n",
        "```", "~~~", "`", "``", "*", "**", "_", "__", "[", "]", "(", ")", "![", "<", ">", "<div>", "</div>",
        "<span>", "<!--", "-->", "&amp;", "&", "&#35;", "\\", "\"", "'", "---", "===", "***", "[x]: /u",
        "word", "text", "a", "b", "é", "https://x.y", "<https://a.b>", "[l](/u \"t\")", "|", "#", "!", "=",
    ]

    @Test func randomDocumentsMatchLibcmark() {
        var generator = SplitMix64(seed: 2026)
        var mismatches: [String] = []
        for _ in 0..<3_000 {
            var markdown = ""
            for _ in 0..<(8 + Int(generator.next() % 40)) {
                markdown += Self.fragments[Int(generator.next() % UInt64(Self.fragments.count))]
            }
            let document = MarkdownParser.parse(markdown, file: "random.md")
            if document.frontMatter != nil || TreeWalk.containsLessonNodes(document.blocks) { continue }
            for allowRawHTML in [false, true] {
                let ours = HTMLRenderer(allowRawHTML: allowRawHTML).render(document.blocks)
                if ours != CommonMarkConverter.referenceHTML(for: markdown, allowRawHTML: allowRawHTML) {
                    mismatches.append(markdown.debugDescription)
                }
            }
        }
        #expect(mismatches.isEmpty, Comment(rawValue: mismatches.prefix(5).joined(separator: "\n")))
    }
}
