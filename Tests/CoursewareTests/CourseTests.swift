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

    /// References in calc captions and hints are checked like the lesson's own, and count
    /// as uses of their labels.
    @Test func referencesInCalcCaptionsAndHintsAreChecked() throws {
        let lesson = """
            > [!theorem] T {#thm-t}
            > x

            ```calc plot
            f(x, y) = x^2 + y^2
            contour x in [-1, 1], y in [-1, 1]
            caption Bowl, as in @thm-t and @thm-nope.
            ```

            ```calc exercise
            f(x, y) = x y
            ask gradient at (1, 2)
            hint   Use @thm-tt. # a comment with @thm-ignored
            ```
            """
        let course = try read(["01-a.md": lesson])
        let errors = course.diagnostics.filter { $0.severity == .error }
        #expect(errors.map(\.message) == ["unknown reference '@thm-nope'",
                                           "unknown reference '@thm-tt' (did you mean '@thm-t'?)"])
        #expect(errors.map { "\($0.location.line):\($0.location.column)" } == ["7:32", "13:12"])
        #expect(!course.diagnostics.contains { $0.message.contains("never referenced") },
                "a label used only in a caption is used")
        #expect(course.failedStep == .number)
    }

    /// Unreferenced labels of sections, figures and exercises are anchors, not mistakes.
    @Test func unreferencedAnchorsAreNotWarnedAbout() throws {
        let lesson = """
            ## Level sets {#sec-level}

            $$x^2$$ {#eq-unused}

            ```calc plot {#fig-bowl}
            f(x, y) = x^2 + y^2
            contour x in [-1, 1], y in [-1, 1]
            ```

            ```calc exercise {#ex-one}
            f(x, y) = x y
            ask gradient at (1, 2)
            ```
            """
        let course = try read(["01-a.md": lesson])
        #expect(course.diagnostics.map(\.message) == ["label 'eq-unused' is never referenced"])
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

/// A lesson's handout and book chapter differ only where it refers to another lesson:
/// without such a reference one rendering serves both, with one they differ right there.
@Suite struct LaTeXLessonModelsTests {
    @Test func handoutAndChapterShareOneRenderingUnlessAnotherLessonIsReferenced() throws {
        let temp = try TemporaryFolder()
        defer { temp.remove() }
        try temp.write("> [!theorem] T {#thm-t}\n> x\n\nSee @thm-t.\n", to: "C/01-a.md")
        try temp.write("Uses @thm-t from before.\n", to: "C/02-b.md")
        let course = Course.read(folder: temp.url.appendingPathComponent("C"), displayPath: "C")
        #expect(course.failedStep == nil)
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let (templates, problems) = LaTeXTemplates.load(folder: root.appendingPathComponent("Templates/latex"),
                                                        displayPath: "Templates/latex")
        #expect(problems.isEmpty)
        let book = LaTeXBook(config: course.config, lessons: course.lessons, numbering: course.numbering,
                             templates: try #require(templates))

        let own = book.lessonModels(at: 0)
        #expect(own.handout == own.chapter, "a reference within the lesson renders the same in both")
        #expect(own.handout == book.lessonModel(at: 0, wholeCourse: false), "the shared model is the handout's")
        #expect(own.chapter.body.contains("\\hyperref[thm-t]"))

        let other = book.lessonModels(at: 1)
        #expect(other.handout == book.lessonModel(at: 1, wholeCourse: false))
        #expect(other.chapter == book.lessonModel(at: 1, wholeCourse: true))
        #expect(other.chapter.body.contains("\\hyperref[thm-t]"), "the book links to the theorem")
        #expect(!other.handout.body.contains("\\hyperref") && other.handout.body.contains("Theorem 1.1"),
                "the handout prints the site's words")
    }
}
