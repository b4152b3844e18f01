import Foundation
import Testing

/// The calc cache: a rebuild reuses the HTML of unchanged blocks, `--no-cache` and an
/// edited block evaluate again, and cached output is byte-identical to a cold build.
struct CalcCacheTests {
    static let lesson = """
        ---
        title: Cached
        ---

        ```calc
        f(x, y) = x^2 y + sin(y)
        gradient at (1, 0)
        ```

        ```calc exercise {#ex-one}
        f(x, y) = x^2 - y^2
        ask directional at (1, 2) toward (3, 4)
        answer -2
        ```
        """

    @Test func rebuildUsesTheCacheUntilTheBlockChanges() throws {
        let fixture = try Fixture(["course.yml": "title: T\n", "01-cached.md": Self.lesson])
        #expect(try CourseGenProcess.build(in: fixture.root).status == 0)
        let cold = try fixture.read("Output/site/cached.html")
        let entries = fixture.entries("Output/.coursegen-cache").filter { $0.hasSuffix(".html") }
        #expect(entries.count == 2, "one entry per block: \(entries)")

        // Same input, warm cache: byte-identical output.
        #expect(try CourseGenProcess.build(in: fixture.root).status == 0)
        #expect(try fixture.read("Output/site/cached.html") == cold)

        // A marked entry proves the page is made from the cache (the course's title changes,
        // so the page is rendered again rather than kept whole from the previous output)...
        for name in entries {
            let path = "Output/.coursegen-cache/" + name
            let html = try fixture.read(path)
            if html.contains("calc-example") { try fixture.write("<p>FROM-CACHE</p>\n", to: path) }
        }
        try fixture.write("title: U\n", to: "Content/course.yml")
        #expect(try CourseGenProcess.build(in: fixture.root).status == 0)
        let warm = try fixture.read("Output/site/cached.html")
        #expect(warm.contains("<p>FROM-CACHE</p>"))
        #expect(warm.contains("id=\"ex-one\""), "the unchanged exercise still renders")

        // ...and `--no-cache` evaluates every block again.
        try fixture.write("title: T\n", to: "Content/course.yml")
        let fresh = try CourseGenProcess.run(["build", "--no-cache", "--templates",
                                              CourseGenProcess.packageRoot.appendingPathComponent("Templates").path], in: fixture.root)
        #expect(fresh.status == 0, "\(fresh.stderr)")
        #expect(try fixture.read("Output/site/cached.html") == cold)

        // Editing the block changes its key: it is evaluated again.
        try fixture.write("<p>FROM-CACHE</p>\n", to: "Output/.coursegen-cache/" + entries[0])
        try fixture.write("<p>FROM-CACHE</p>\n", to: "Output/.coursegen-cache/" + entries[1])
        try fixture.write(Self.lesson.replacingOccurrences(of: "gradient at (1, 0)", with: "gradient at (2, 0)"),
                          to: "Content/01-cached.md")
        #expect(try CourseGenProcess.build(in: fixture.root).status == 0)
        let edited = try fixture.read("Output/site/cached.html")
        #expect(edited.contains("gradient at (2, 0)"))
        #expect(edited.components(separatedBy: "FROM-CACHE").count == 2, "only the unchanged exercise comes from the cache")
    }

    /// The LaTeX of an unchanged lesson comes from its cache entry; editing the lesson
    /// renders it again; the cached documents are byte-identical to a cold build's.
    @Test func latexOfAnUnchangedLessonComesFromTheCache() throws {
        let fixture = try Fixture(["course.yml": "title: T\n", "01-cached.md": Self.lesson])
        #expect(try CourseGenProcess.build(in: fixture.root).status == 0)
        let cold = try fixture.read("Output/latex/cached.tex")
        let coldBook = try fixture.read("Output/latex/course.tex")
        let latexEntries = fixture.entries("Output/.coursegen-cache").filter { $0.hasSuffix(".tex-models") }
        #expect(latexEntries.count == 1, "one LaTeX entry per lesson: \(latexEntries)")
        let entryPath = "Output/.coursegen-cache/" + latexEntries[0]

        #expect(try CourseGenProcess.build(in: fixture.root).status == 0)
        #expect(try fixture.read("Output/latex/cached.tex") == cold)
        #expect(try fixture.read("Output/latex/course.tex") == coldBook)
        #expect(fixture.entries("Output/.coursegen-cache").contains(latexEntries[0]), "the entry is carried over")

        // A marked entry proves the documents are made from it (the marker is as long as
        // the title it replaces: the entry records the length of each field). The course's
        // title changes, so the documents are made again rather than kept whole.
        let entry = try fixture.read(entryPath)
        #expect(entry.contains("Cached"), "the entry holds the lesson's title")
        try fixture.write(entry.replacingOccurrences(of: "Cached", with: "QQQQQQ"), to: entryPath)
        try fixture.write("title: U\n", to: "Content/course.yml")
        #expect(try CourseGenProcess.build(in: fixture.root).status == 0)
        #expect(try fixture.read("Output/latex/cached.tex").contains("QQQQQQ"))
        #expect(try fixture.read("Output/latex/course.tex").contains("QQQQQQ"))

        // A damaged entry is not an error: the lesson is rendered again.
        try fixture.write("{not json", to: entryPath)
        try fixture.write("title: T\n", to: "Content/course.yml")
        #expect(try CourseGenProcess.build(in: fixture.root).status == 0)
        #expect(try fixture.read("Output/latex/cached.tex") == cold)

        // Editing the lesson changes its key: rendered (and its blocks evaluated) again.
        try fixture.write(try fixture.read(entryPath).replacingOccurrences(of: "Cached", with: "QQQQQQ"), to: entryPath)
        try fixture.write(Self.lesson.replacingOccurrences(of: "gradient at (1, 0)", with: "gradient at (2, 0)"),
                          to: "Content/01-cached.md")
        #expect(try CourseGenProcess.build(in: fixture.root).status == 0)
        let edited = try fixture.read("Output/latex/cached.tex")
        #expect(!edited.contains("QQQQQQ"))
        #expect(edited.contains("\\left(2, 0\\right)") || edited.contains("(2, 0)"), "the new point is in the handout")
        #expect(fixture.entries("Output/.coursegen-cache").filter { $0.hasSuffix(".tex-models") }.count == 1,
                "the old entry is not carried over")
    }

    /// A rebuild keeps the page and documents of an unchanged lesson from the previous
    /// output (the same file, hard-linked), renders the edited lesson's again, and renders
    /// everything again when the templates or course.yml change.
    @Test func unchangedLessonsAreKeptFromThePreviousOutput() throws {
        let second = "---\ntitle: Second\n---\n\nSee @ex-one.\n"
        let fixture = try Fixture(["course.yml": "title: T\nlessons: [cached, second]\n", "01-cached.md": Self.lesson,
                                   "02-second.md": second])
        func inode(_ path: String) throws -> Int {
            let attributes = try FileManager.default.attributesOfItem(atPath: fixture.root.appendingPathComponent(path).path)
            return try #require(attributes[.systemFileNumber] as? Int)
        }
        let templates = CourseGenProcess.packageRoot.appendingPathComponent("Templates").path
        func build() throws -> String {
            let outcome = try CourseGenProcess.run(["build", "--timings", "--templates", templates], in: fixture.root)
            #expect(outcome.status == 0, "\(outcome.stderr)")
            return outcome.stdout
        }
        _ = try build()
        let files = ["Output/site/cached.html", "Output/latex/cached.tex", "Output/latex/cached-exercises.tex",
                     "Output/latex/cached-answers.tex", "Output/site/second.html", "Output/latex/second.tex",
                     "Output/latex/course.tex"]
        let before = try files.map(inode)
        let contents = try files.map(fixture.read)

        // Nothing changed: every page and document is the previous one, nothing is evaluated.
        let warm = try build()
        #expect(warm.contains("calc blocks: 0 evaluated"), "\(warm)")
        #expect(warm.contains("kept from the previous output: 2 pages, 7 LaTeX documents"), "\(warm)")
        #expect(try files.map(inode) == before)
        #expect(try files.map(fixture.read) == contents)

        // The second lesson changes: its files and the book are new, the first lesson's kept.
        try fixture.write(second + "\nOne more sentence.\n", to: "Content/02-second.md")
        let edited = try build()
        #expect(edited.contains("kept from the previous output: 1 page, 3 LaTeX documents"), "\(edited)")
        let after = try files.map(inode)
        #expect(Array(after[0..<4]) == Array(before[0..<4]), "the first lesson's page and documents are kept")
        #expect(after[4] != before[4] && after[5] != before[5] && after[6] != before[6])
        #expect(try fixture.read("Output/site/second.html").contains("One more sentence."))
        #expect(try fixture.read("Output/latex/course.tex").contains("One more sentence."))

        // A page removed from the output by hand is rendered again, not an error.
        try FileManager.default.removeItem(at: fixture.root.appendingPathComponent("Output/site/cached.html"))
        let repaired = try build()
        #expect(repaired.contains("kept from the previous output: 1 page, 7 LaTeX documents"), "\(repaired)")
        #expect(try fixture.read("Output/site/cached.html") == contents[0])

        // New templates: every page is rendered again (the LaTeX documents are kept).
        let copy = fixture.root.appendingPathComponent("Templates")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: templates), to: copy)
        let footer = copy.appendingPathComponent("html/site-footer.mustache")
        try (try String(contentsOf: footer, encoding: .utf8) + "<!-- changed -->\n").write(to: footer, atomically: true, encoding: .utf8)
        let restyled = try CourseGenProcess.run(["build", "--timings", "--templates", copy.path], in: fixture.root)
        #expect(restyled.stdout.contains("kept from the previous output: 0 pages, 7 LaTeX documents"), "\(restyled.stdout)")
        #expect(try fixture.read("Output/site/cached.html").contains("<!-- changed -->"))

        // A new course title: pages and documents are made again.
        try fixture.write("title: New title\nlessons: [cached, second]\n", to: "Content/course.yml")
        let retitled = try CourseGenProcess.run(["build", "--timings", "--templates", copy.path], in: fixture.root)
        #expect(retitled.stdout.contains("kept from the previous output: 0 pages, 0 LaTeX documents"), "\(retitled.stdout)")
        #expect(try fixture.read("Output/latex/cached.tex").contains("New title"))
    }

    /// `--timings` lists every step and what the cache saved.
    @Test func timingsTellWhatCameFromTheCache() throws {
        let fixture = try Fixture(["course.yml": "title: T\n", "01-cached.md": Self.lesson])
        let templates = CourseGenProcess.packageRoot.appendingPathComponent("Templates").path
        let cold = try CourseGenProcess.run(["build", "--timings", "--templates", templates], in: fixture.root)
        #expect(cold.status == 0, "\(cold.stderr)")
        for step in ["templates and assets", "read", "parse", "number", "evaluate calc blocks", "render pages",
                     "render LaTeX", "write", "total"] {
            #expect(cold.stdout.contains("  " + step + " "), "\(step) in \(cold.stdout)")
        }
        #expect(cold.stdout.contains("calc blocks: 2 evaluated, 0 from the cache; LaTeX: 1 lesson rendered, 0 from the cache"),
                "\(cold.stdout)")
        let warm = try CourseGenProcess.run(["build", "--timings", "--templates", templates], in: fixture.root)
        #expect(warm.stdout.contains("calc blocks: 0 evaluated, 2 from the cache; LaTeX: 0 lessons rendered, 1 from the cache"),
                "\(warm.stdout)")
    }

    @Test func aWrongAnswerIsFoundEvenWhenTheBlockWasCachedBefore() throws {
        let fixture = try Fixture(["course.yml": "title: T\n", "01-cached.md": Self.lesson])
        #expect(try CourseGenProcess.build(in: fixture.root).status == 0)
        try fixture.write(Self.lesson.replacingOccurrences(of: "answer -2", with: "answer 2"), to: "Content/01-cached.md")
        let outcome = try CourseGenProcess.build(in: fixture.root)
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("Content/01-cached.md:13:8: error: wrong answer"), "\(outcome.stderr)")
    }
}
