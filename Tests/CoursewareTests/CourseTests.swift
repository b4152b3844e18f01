import Foundation
import Testing
@testable import Courseware
import MarkdownSyntax

/// `Course.read`: the load, parse and number steps as one call, and which step failed.
@Suite struct CourseTests {
    func read(_ files: [String: String]) throws -> Course {
        let temp = try TemporaryFolder()
        defer { temp.remove() }
        for (name, text) in files { try temp.write(text, to: "C/" + name) }
        return Course.read(folder: temp.url.appendingPathComponent("C"), displayPath: "C")
    }

    @Test func cleanCourse() throws {
        let course = try read(["01-a.md": "> [!theorem] T {#thm-t}\n> x\n", "02-b.md": "See @thm-t.\n"])
        #expect(course.failedStep == nil)
        #expect(course.diagnostics.isEmpty)
        #expect(course.lessons.map(\.number) == [1, 2])
        #expect(course.numbering.labels["thm-t"]?.referenceText == "Theorem 1.1")
    }

    @Test func theFirstFailingStepIsNamed() throws {
        #expect(Course.read(folder: URL(fileURLWithPath: "/nonexistent"), displayPath: "X").failedStep == .load)
        #expect(try read(["01-A.md": "x\n", "02-b.md": "y\n"]).failedStep == .load)
        #expect(try read(["01-a.md": "---\ntitle: [\n---\n"]).failedStep == .parse)
        #expect(try read(["01-a.md": "---\nprerequisites: [zz]\n---\n"]).failedStep == .parse)
        #expect(try read(["01-a.md": "See @thm-none.\n"]).failedStep == .number)
    }

    @Test func diagnosticsComeInReadingOrder() throws {
        let course = try read([
            "course.yml": "lessons: [b, a]\nbogus: 1\n",
            "01-a.md": "@thm-x\n",
            "02-b.md": "@thm-y\n\n@thm-z\n",
        ])
        #expect(course.diagnostics.map { "\($0.file):\($0.location)" }
                == ["C/course.yml:2:1", "C/02-b.md:1:1", "C/02-b.md:3:1", "C/01-a.md:1:1"])
    }
}
