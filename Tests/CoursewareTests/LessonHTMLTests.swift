import Foundation
import Testing
@testable import Courseware
import MarkdownSyntax

/// The lesson body as the site renders it, from real Markdown through the parser.
@Suite struct LessonHTMLTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    func render(_ lessons: [(String, String)]) throws -> [String] {
        let (templates, problems) = SiteTemplates.load(
            folder: Self.packageRoot.appendingPathComponent("Templates/html"), displayPath: "Templates/html")
        #expect(problems.isEmpty)
        let parsed = lessons.enumerated().map { index, pair in
            let file = "Content/0\(index + 1)-\(pair.0).md"
            return Lesson(number: index + 1, slug: Slug(pair.0)!, metadata: LessonMetadata(title: pair.0),
                          document: MarkdownParser.parse(pair.1, file: file), file: file, text: pair.1)
        }
        for lesson in parsed { #expect(lesson.document.diagnostics.isEmpty) }
        let numbering = CourseNumbering(lessons: parsed)
        #expect(numbering.diagnostics.filter { $0.severity == .error }.isEmpty)
        let renderer = SiteRenderer(config: CourseConfig(), lessons: parsed, numbering: numbering,
                                    templates: try #require(templates))
        return parsed.indices.map { renderer.renderLesson(at: $0, navigation: "", bySlug: [:]).html }
    }

    @Test func mathCarriesExactlyTheTeX() throws {
        let html = try render([("a", "Let $a_1 * b_2 < c \\& d$ hold.\n\n$$\n\\{ x \\} \\\\ y\n$$\n")])[0]
        #expect(html.contains("<span class=\"math inline\">a_1 * b_2 &lt; c \\&amp; d</span>"))
        #expect(html.contains("<div class=\"math display\">\n\\{ x \\} \\\\ y\n</div>"))
    }

    @Test func calloutsAreNumberedAndReferencesLinked() throws {
        let pages = try render([
            ("limits", "> [!theorem] Squeeze {#thm-squeeze}\n> If $f \\le g$.\n\n> [!theorem] Other\n> Body.\n"),
            ("gradient", "## Start {#sec-start}\n\n> [!definition] Grad {#def-grad}\n> Text.\n\nBy @thm-squeeze and @def-grad, see @sec-start.\n"),
        ])
        #expect(pages[0].contains("<div class=\"callout callout-theorem\" id=\"thm-squeeze\">"))
        #expect(pages[0].contains("<span class=\"callout-kind\">Theorem 1.1</span> <span class=\"callout-title\">(Squeeze)</span>"))
        #expect(pages[0].contains("<span class=\"callout-kind\">Theorem 1.2</span> <span class=\"callout-title\">(Other)</span>"))
        #expect(pages[1].contains("<a class=\"reference\" href=\"limits.html#thm-squeeze\">Theorem 1.1</a>"))
        #expect(pages[1].contains("<a class=\"reference\" href=\"#def-grad\">Definition 2.1</a>"))
        #expect(pages[1].contains("<a class=\"reference\" href=\"#sec-start\">Section 2.1</a>"))
        #expect(pages[1].contains("<h2 id=\"sec-start\"><span class=\"section-number\">2.1</span> Start</h2>"))
        #expect(pages[1].contains("<li class=\"toc-level-2\"><a href=\"#sec-start\"><span class=\"section-number\">2.1</span> Start</a></li>"))
    }

    @Test func labelledEquationsAreNumbered() throws {
        let html = try render([("a", "$$x$$\n\n$$y^2$$ {#eq-y}\n\nSee @eq-y.\n")])[0]
        #expect(html.contains("<div class=\"equation\">\n<div class=\"math display\">x</div>\n</div>"))
        #expect(html.contains("<div class=\"equation\" id=\"eq-y\">\n<div class=\"math display\">y^2</div>\n<span class=\"equation-number\">(1.1)</span>\n</div>"))
        #expect(html.contains("<a class=\"reference\" href=\"#eq-y\">Equation (1.1)</a>"))
    }

    @Test func proofEndsWithQEDAndIsUnnumbered() throws {
        let html = try render([("a", "> [!proof]\n> Obvious.\n\n> [!note]\n> Mind it.\n")])[0]
        #expect(html.contains("<span class=\"callout-kind\">Proof</span>.</p>"))
        #expect(html.contains("<p>Obvious. <span class=\"qed\">∎</span></p>"))
        #expect(html.contains("<span class=\"callout-kind\">Note</span></p>"))
    }

    @Test func qedOnItsOwnLineAfterNonParagraph() {
        #expect(LessonHTMLExtensions.addingQED(to: "<ul>\n<li>x</li>\n</ul>\n")
                == "<ul>\n<li>x</li>\n</ul>\n<p class=\"qed-line\"><span class=\"qed\">∎</span></p>\n")
    }

    @Test func calcBlocksShowAsCode() throws {
        let html = try render([("a", "```calc\nf(x, y) = x^2 y\ngradient\n```\n")])[0]
        #expect(html.contains("<pre><code class=\"language-calc\">f(x, y) = x^2 y\ngradient\n</code></pre>"))
    }

    @Test func rawHTMLIsEscapedUnlessAllowed() throws {
        let html = try render([("a", "<div class=\"x\">raw</div>\n\nText <b>bold</b>.\n")])[0]
        #expect(!html.contains("<div class=\"x\">raw</div>"))
        #expect(!html.contains("<b>bold</b>"))
    }
}
