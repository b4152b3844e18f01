import Foundation
import Testing
@testable import Courseware
import MarkdownSyntax

@Suite struct CourseLoaderTests {
    func load(_ files: [String: String]) throws -> CourseLoader.Result {
        let temp = try TemporaryFolder()
        defer { temp.remove() }
        for (name, text) in files { try temp.write(text, to: "C/" + name) }
        return CourseLoader(folder: temp.url.appendingPathComponent("C"), displayPath: "C").load()
    }

    @Test func fileNameOrderWithoutAList() throws {
        let result = try load(["02-b.md": "", "01-a.md": "", "10-c.md": "", "notes.txt": "", ".hidden.md": ""])
        #expect(result.diagnostics.isEmpty)
        #expect(result.lessons.map(\.slug.rawValue) == ["a", "b", "c"])
        #expect(result.lessons.map(\.displayPath) == ["C/01-a.md", "C/02-b.md", "C/10-c.md"])
    }

    @Test func courseOrderWinsAndUnlistedLessonsComeLastWithAWarning() throws {
        let result = try load(["course.yml": "lessons: [c, a]\n", "01-a.md": "", "02-b.md": "", "03-c.md": ""])
        #expect(result.lessons.map(\.slug.rawValue) == ["c", "a", "b"])
        #expect(result.diagnostics.count == 1)
        #expect(result.diagnostics[0].severity == .warning)
        #expect(result.diagnostics[0].file == "C/02-b.md")
    }

    @Test func listedTwiceOrMissingAreErrorsAtTheEntry() throws {
        let result = try load(["course.yml": "lessons:\n  - a\n  - a\n  - bb\n", "01-a.md": "", "02-b.md": ""])
        let errors = result.diagnostics.filter { $0.severity == .error }
        #expect(errors.map(\.message) == ["lesson 'a' is listed twice",
                                          "course.yml lists the lesson 'bb', but there is no file for it (did you mean 'b'?)"])
        #expect(errors.map(\.location) == [SourceLocation(line: 3, column: 5), SourceLocation(line: 4, column: 5)])
        #expect(errors.allSatisfy { $0.file == "C/course.yml" })
    }

    @Test func notUTF8IsAnError() throws {
        let temp = try TemporaryFolder()
        defer { temp.remove() }
        try FileManager.default.createDirectory(at: temp.url.appendingPathComponent("C"), withIntermediateDirectories: true)
        try Data([0x66, 0xFF, 0xFE, 0x0A]).write(to: temp.url.appendingPathComponent("C/01-a.md"))
        let result = CourseLoader(folder: temp.url.appendingPathComponent("C"), displayPath: "C").load()
        #expect(DiagnosticFormatter.format(result.diagnostics) == "C/01-a.md: error: the file is not UTF-8 text\n")
    }

    @Test func emptyFolderHasNoLessons() throws {
        let result = try load(["course.yml": "title: T\n"])
        #expect(!result.usable)
        #expect(result.diagnostics.map(\.message) == ["no lessons: the content folder has no .md files"])
    }
}
