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
        let entries = fixture.entries(".coursegen-cache")
        #expect(entries.count == 2, "one entry per block: \(entries)")

        // Same input, warm cache: byte-identical output.
        #expect(try CourseGenProcess.build(in: fixture.root).status == 0)
        #expect(try fixture.read("Output/site/cached.html") == cold)

        // A marked entry proves the page is made from the cache...
        for name in entries {
            let path = ".coursegen-cache/" + name
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
        try fixture.write("<p>FROM-CACHE</p>\n", to: ".coursegen-cache/" + entries[0])
        try fixture.write("<p>FROM-CACHE</p>\n", to: ".coursegen-cache/" + entries[1])
        try fixture.write(Self.lesson.replacingOccurrences(of: "gradient at (1, 0)", with: "gradient at (2, 0)"),
                          to: "Content/01-cached.md")
        #expect(try CourseGenProcess.build(in: fixture.root).status == 0)
        let edited = try fixture.read("Output/site/cached.html")
        #expect(edited.contains("gradient at (2, 0)"))
        #expect(edited.components(separatedBy: "FROM-CACHE").count == 2, "only the unchanged exercise comes from the cache")
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
