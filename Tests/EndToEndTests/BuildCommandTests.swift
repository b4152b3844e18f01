import Foundation
import Testing

/// `coursegen build` as a user runs it: files, numbers, links, exit status, diagnostics.
@Suite struct BuildCommandTests {
    @Test func buildsTheSiteWithNumbersAndLinks() throws {
        let fixture = try Fixture(Fixture.goodCourse)
        defer { fixture.remove() }
        let outcome = try CourseGenProcess.build(in: fixture.root)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout == "Built 2 lessons into Output/site\n")
        #expect(outcome.stderr == "")

        for path in [".coursegen-output", "site/index.html", "site/limits.html", "site/gradient.html",
                     "site/assets/theme.css", "site/assets/print.css", "site/assets/math.js",
                     "site/katex/katex.min.js", "site/katex/katex.min.css", "site/katex/fonts/KaTeX_Main-Regular.woff2"] {
            #expect(fixture.exists("Output/" + path), "missing \(path)")
        }
        // Nothing else next to the output: no staging or retired folders left.
        #expect(fixture.entries() == ["Content", "Output"])

        // course.yml orders limits before gradient, whatever the file names say.
        let limits = try fixture.read("Output/site/limits.html")
        let gradient = try fixture.read("Output/site/gradient.html")
        #expect(limits.contains("<p class=\"lesson-kicker\">Lesson 1</p>"))
        #expect(gradient.contains("<p class=\"lesson-kicker\">Lesson 2</p>"))
        #expect(limits.contains("<span class=\"callout-kind\">Theorem 1.1</span>"))
        #expect(gradient.contains("<span class=\"callout-kind\">Definition 2.1</span>"))
        #expect(gradient.contains("<span class=\"callout-kind\">Theorem 2.1</span>"))
        #expect(gradient.contains("<span class=\"equation-number\">(2.1)</span>"))
        #expect(limits.contains("<span class=\"equation-number\">(1.1)</span>"))

        // Cross-lesson and same-lesson references.
        #expect(gradient.contains("<a class=\"reference\" href=\"limits.html#thm-squeeze\">Theorem 1.1</a>"))
        #expect(gradient.contains("<a class=\"reference\" href=\"limits.html#eq-limit\">Equation (1.1)</a>"))
        #expect(gradient.contains("<a class=\"reference\" href=\"#def-grad\">Definition 2.1</a>"))
        #expect(limits.contains("<a class=\"reference\" href=\"gradient.html#sec-grad\">Section 2.1</a>"))
        #expect(limits.contains("<a class=\"reference\" href=\"#sec-paths\">Section 1.1</a>"))
        // The targets exist on the linked pages.
        #expect(limits.contains("id=\"thm-squeeze\""))
        #expect(limits.contains("id=\"eq-limit\""))

        // Previous / next, prerequisites, table of contents.
        #expect(limits.contains("rel=\"next\" href=\"gradient.html\""))
        #expect(!limits.contains("rel=\"prev\""))
        #expect(gradient.contains("rel=\"prev\" href=\"limits.html\""))
        #expect(gradient.contains("Before this lesson: <a href=\"limits.html\">Limits</a>"))
        #expect(gradient.contains("<a href=\"#sec-grad\"><span class=\"section-number\">2.1</span> Definition</a>"))
        #expect(gradient.contains("<span class=\"qed\">∎</span>"))
        // The list of all lessons marks the page's own lesson, and only that one.
        #expect(gradient.contains("<a href=\"gradient.html\" aria-current=\"page\">"))
        #expect(!gradient.contains("<a href=\"limits.html\" aria-current"))
        #expect(limits.contains("<a href=\"limits.html\" aria-current=\"page\">"))
        #expect(BrowserTests.count("aria-current", in: gradient) == 1)

        let index = try fixture.read("Output/site/index.html")
        #expect(index.contains("<h1>Test Course</h1>"))
        #expect(index.contains("by Ada"))
        let first = try #require(index.range(of: "href=\"limits.html\""))
        let second = try #require(index.range(of: "href=\"gradient.html\""))
        #expect(first.lowerBound < second.lowerBound)
        #expect(index.contains("<p class=\"lesson-summary\">Approaching a point.</p>"))
        #expect(index.contains("<p class=\"lesson-summary\">All partials at once, <em>as</em> <span class=\"math inline\">\\nabla f</span>.</p>"))
        #expect(gradient.contains("<p class=\"lesson-summary\">All partials at once, <em>as</em> <span class=\"math inline\">\\nabla f</span>.</p>"))
        #expect(index.contains("Prerequisites: <a href=\"limits.html\">Limits</a>"))
    }

    @Test func reportsEveryProblemAtOnceAndExitsOne() throws {
        let fixture = try Fixture([
            "course.yml": "title: Broken\nlessons: [one, two, three]\n",
            "01-one.md": "---\ntitle: One\nsummary: [unclosed\n---\n\n> [!theorem] A {#thm-a}\n> Body.\n\n$$\nx + y\n",
            "02-two.md": """
                ---
                title: Two
                prerequisites: [onee]
                ---

                > [!theorme] Typo
                > Body.

                > [!theorem] Again {#thm-a}
                > Body.

                See @thm-b and @thm-a.

                """,
        ])
        defer { fixture.remove() }
        let outcome = try CourseGenProcess.build(in: fixture.root)
        #expect(outcome.status == 1)
        #expect(outcome.stdout == "")
        let lines = outcome.stderr.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let headers = lines.filter { $0.contains(": error: ") || $0.contains(": warning: ") }
        let expectedPrefixes = [
            "Content/course.yml:2:21: error: course.yml lists the lesson 'three', but there is no file for it",
            "Content/01-one.md:4:1: error: invalid YAML",
            "Content/01-one.md:6:16: error: duplicate label 'thm-a' (also defined at Content/02-two.md:9:20)",
            "Content/01-one.md:9:1: error: unclosed display math",
            "Content/02-two.md:3:17: error: unknown prerequisite 'onee': no lesson has this name (did you mean 'one'?)",
            "Content/02-two.md:6:5: error: unknown callout kind 'theorme'",
            "Content/02-two.md:9:20: error: duplicate label 'thm-a' (also defined at Content/01-one.md:6:16)",
            "Content/02-two.md:12:5: error: unknown reference '@thm-b' (did you mean '@thm-a'?)",
        ]
        #expect(headers.count == expectedPrefixes.count, "\(outcome.stderr)")
        for (header, prefix) in zip(headers, expectedPrefixes) {
            #expect(header.hasPrefix(prefix), "\(header) should start with \(prefix)")
        }
        // Each problem shows its line and a caret under the offending text.
        #expect(outcome.stderr.contains("""
            Content/02-two.md:12:5: error: unknown reference '@thm-b' (did you mean '@thm-a'?)
                See @thm-b and @thm-a.
                    ^~~~~~

            """))
        #expect(outcome.stderr.contains("""
                prerequisites: [onee]
                                ^~~~

            """))
        #expect(lines.contains("build failed with 8 errors; Output was not changed"))
        #expect(!fixture.exists("Output"))
        #expect(fixture.entries() == ["Content"])
    }

    @Test func warningsDoNotFailTheBuild() throws {
        let fixture = try Fixture(["01-a.md": "> [!lemma] Unused {#lem-unused}\n> Body.\n"])
        defer { fixture.remove() }
        let outcome = try CourseGenProcess.build(in: fixture.root)
        #expect(outcome.status == 0)
        #expect(outcome.stderr == """
            Content/01-a.md:1:19: warning: label 'lem-unused' is never referenced
                > [!lemma] Unused {#lem-unused}
                                  ^~~~~~~~~~~~~

            """)
        #expect(outcome.stdout == "Built 1 lesson into Output/site (1 warning)\n")
        #expect(fixture.exists("Output/site/a.html"))
    }

    @Test func missingContentFolderIsAClearError() throws {
        let fixture = try Fixture([:])
        defer { fixture.remove() }
        let outcome = try CourseGenProcess.build(in: fixture.root, content: "Lessons")
        #expect(outcome.status == 1)
        #expect(outcome.stderr.hasPrefix("Lessons: error: content folder not found"))
        #expect(!fixture.exists("Output"))
    }

    @Test func badLessonFileNamesAreRejected() throws {
        let fixture = try Fixture(["01-Good Name.md": "Text.\n", "02-fine.md": "Text.\n", "03-fine.md": "Again.\n"])
        defer { fixture.remove() }
        let outcome = try CourseGenProcess.build(in: fixture.root)
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("Content/01-Good Name.md: error: the lesson name 'Good Name' may hold only lowercase letters a-z, digits and '-'"))
        #expect(outcome.stderr.contains("Content/03-fine.md: error: two lessons are named 'fine': Content/02-fine.md and Content/03-fine.md"))
    }

    @Test func rawHTMLPassesOnlyWhenAllowed() throws {
        let lesson = "Text with <kbd>Ctrl</kbd>.\n\n<div class=\"aside\">Aside</div>\n"
        let escaped = try Fixture(["01-a.md": lesson])
        defer { escaped.remove() }
        #expect(try CourseGenProcess.build(in: escaped.root).status == 0)
        let safe = try escaped.read("Output/site/a.html")
        #expect(!safe.contains("<kbd>") && !safe.contains("<div class=\"aside\">"))

        let allowed = try Fixture(["01-a.md": lesson, "course.yml": "allow_html: true\n"])
        defer { allowed.remove() }
        #expect(try CourseGenProcess.build(in: allowed.root).status == 0)
        let raw = try allowed.read("Output/site/a.html")
        #expect(raw.contains("<kbd>Ctrl</kbd>") && raw.contains("<div class=\"aside\">Aside</div>"))
    }
}
