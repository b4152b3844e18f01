import Foundation
import Testing

/// What a build does to the folder it replaces.
@Suite struct OutputSafetyTests {
    @Test func failedBuildLeavesThePreviousOutputByteIdentical() throws {
        let fixture = try Fixture(Fixture.goodCourse)
        defer { fixture.remove() }
        #expect(try CourseGenProcess.build(in: fixture.root).status == 0)
        let before = fixture.snapshot("Output")
        #expect(before.count > 60)

        try fixture.write("---\ntitle: Limits\n---\n\nSee @thm-nowhere.\n", to: "Content/02-limits.md")
        let outcome = try CourseGenProcess.build(in: fixture.root)
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("unknown reference '@thm-nowhere'"))
        #expect(fixture.snapshot("Output") == before)
        #expect(fixture.entries() == ["Content", "Output"])
    }

    @Test func successfulBuildReplacesMarkedOutput() throws {
        let fixture = try Fixture(Fixture.goodCourse)
        defer { fixture.remove() }
        #expect(try CourseGenProcess.build(in: fixture.root).status == 0)
        try fixture.write("stale", to: "Output/site/stale.html")
        #expect(try CourseGenProcess.build(in: fixture.root).status == 0)
        #expect(!fixture.exists("Output/site/stale.html"))
        #expect(fixture.exists("Output/site/limits.html"))
        #expect(fixture.entries() == ["Content", "Output"])
    }

    @Test func refusesToReplaceAForeignFolder() throws {
        let fixture = try Fixture(Fixture.goodCourse)
        defer { fixture.remove() }
        try fixture.write("my thesis", to: "Output/thesis.txt")
        let outcome = try CourseGenProcess.build(in: fixture.root)
        #expect(outcome.status == 1)
        #expect(outcome.stderr.hasPrefix(
            "Output: error: refusing to replace 'Output': it is not empty and was not written by coursegen (it has no .coursegen-output file)"))
        #expect(fixture.entries("Output") == ["thesis.txt"])
        #expect(try fixture.read("Output/thesis.txt") == "my thesis")
        #expect(fixture.entries() == ["Content", "Output"])
    }

    @Test func anEmptyFolderIsUsed() throws {
        let fixture = try Fixture(Fixture.goodCourse)
        defer { fixture.remove() }
        try FileManager.default.createDirectory(at: fixture.root.appendingPathComponent("Site"), withIntermediateDirectories: true)
        #expect(try CourseGenProcess.build(in: fixture.root, output: "Site").status == 0)
        #expect(fixture.exists("Site/.coursegen-output"))
        #expect(fixture.exists("Site/site/index.html"))
    }

    @Test func outputInANewNestedFolder() throws {
        let fixture = try Fixture(Fixture.goodCourse)
        defer { fixture.remove() }
        let outcome = try CourseGenProcess.build(in: fixture.root, output: "build/web/")
        #expect(outcome.status == 0)
        #expect(outcome.stdout == "Built 2 lessons into build/web/site\n")
        #expect(fixture.entries("build") == ["web"])
    }

    @Test func twoBuildsAreByteIdentical() throws {
        let fixture = try Fixture(Fixture.goodCourse)
        defer { fixture.remove() }
        #expect(try CourseGenProcess.build(in: fixture.root, output: "A").status == 0)
        #expect(try CourseGenProcess.build(in: fixture.root, output: "B").status == 0)
        let a = fixture.snapshot("A"), b = fixture.snapshot("B")
        #expect(a.count > 60)
        #expect(a.keys.sorted() == b.keys.sorted())
        for (path, data) in a { #expect(b[path] == data, "\(path) differs") }
    }

    @Test func aWriteFailureIsReportedAndChangesNothing() throws {
        let fixture = try Fixture(Fixture.goodCourse)
        defer { fixture.remove() }
        try fixture.write("not a folder", to: "blocker")
        let outcome = try CourseGenProcess.build(in: fixture.root, output: "blocker/Output")
        #expect(outcome.status == 1)
        #expect(outcome.stderr.hasPrefix("blocker/Output: error: "))
        #expect(outcome.stderr.contains("cannot create a folder for 'blocker/Output': "))
        #expect(outcome.stderr.contains("blocker' is a file; the previous output is unchanged"))
        #expect(try fixture.read("blocker") == "not a folder")
        #expect(fixture.entries() == ["Content", "blocker"])
    }
}
