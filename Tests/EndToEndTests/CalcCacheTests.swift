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

        // A marked entry proves the page is made from the cache...
        for name in entries {
            let path = "Output/.coursegen-cache/" + name
            let html = try fixture.read(path)
            if html.contains("calc-example") { try fixture.write("<p>FROM-CACHE</p>\n", to: path) }
        }
        #expect(try CourseGenProcess.build(in: fixture.root).status == 0)
        let warm = try fixture.read("Output/site/cached.html")
        #expect(warm.contains("<p>FROM-CACHE</p>"))
        #expect(warm.contains("id=\"ex-one\""), "the unchanged exercise still renders")

        // ...and `--no-cache` evaluates every block again.
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
        let latexEntries = fixture.entries("Output/.coursegen-cache").filter { $0.hasSuffix(".tex.json") }
        #expect(latexEntries.count == 1, "one LaTeX entry per lesson: \(latexEntries)")
        let entryPath = "Output/.coursegen-cache/" + latexEntries[0]

        #expect(try CourseGenProcess.build(in: fixture.root).status == 0)
        #expect(try fixture.read("Output/latex/cached.tex") == cold)
        #expect(try fixture.read("Output/latex/course.tex") == coldBook)
        #expect(fixture.entries("Output/.coursegen-cache").contains(latexEntries[0]), "the entry is carried over")

        // A marked entry proves the documents are made from it (the marker is as long as
        // the title it replaces: the entry records the length of each field).
        let entry = try fixture.read(entryPath)
        #expect(entry.contains("Cached"), "the entry holds the lesson's title")
        try fixture.write(entry.replacingOccurrences(of: "Cached", with: "QQQQQQ"), to: entryPath)
        #expect(try CourseGenProcess.build(in: fixture.root).status == 0)
        #expect(try fixture.read("Output/latex/cached.tex").contains("QQQQQQ"))
        #expect(try fixture.read("Output/latex/course.tex").contains("QQQQQQ"))

        // A damaged entry is not an error: the lesson is rendered again.
        try fixture.write("{not json", to: entryPath)
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
        #expect(fixture.entries("Output/.coursegen-cache").filter { $0.hasSuffix(".tex.json") }.count == 1,
                "the old entry is not carried over")
    }

    /// `--timings` lists every step and what the cache saved.
    @Test func timingsTellWhatCameFromTheCache() throws {
        let fixture = try Fixture(["course.yml": "title: T\n", "01-cached.md": Self.lesson])
        let templates = CourseGenProcess.packageRoot.appendingPathComponent("Templates").path
        let cold = try CourseGenProcess.run(["build", "--timings", "--templates", templates], in: fixture.root)
        #expect(cold.status == 0, "\(cold.stderr)")
        for step in ["templates and assets", "read, parse and number", "evaluate calc blocks", "render pages",
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
