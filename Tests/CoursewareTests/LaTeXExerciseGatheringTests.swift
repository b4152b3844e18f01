@testable import Courseware
import MarkdownSyntax
import Testing

/// A lesson's exercises gathered at its end in the handout and the book, with their site
/// numbers and labels, nothing left where they were written.
@Suite struct LaTeXExerciseGatheringTests {
    static func body(_ markdown: String) -> String {
        let lesson = Lesson(number: 3, slug: Slug("lesson")!, metadata: LessonMetadata(title: "Lesson"),
                            document: MarkdownParser.parse(markdown, file: "03-lesson.md"), file: "03-lesson.md", text: markdown)
        let numbering = CourseNumbering(lessons: [lesson])
        var renderer = LaTeXRenderer(numbers: numbering.lessons[0], labels: numbering.labels)
        renderer.calc = CalcLessonEvaluation(lesson)
        return renderer.lessonBody(lesson.document.blocks)
    }

    static func exercise(_ function: String, label: String = "") -> String {
        "```calc exercise" + (label.isEmpty ? "" : " {#\(label)}") + "\n\(function)\nask gradient at (1, 2)\n```\n"
    }

    /// Positions of the given texts in `text`, nil for a missing one.
    static func order(_ texts: [String], in text: String) -> [String.Index?] {
        texts.map { text.range(of: $0)?.lowerBound }
    }

    @Test func withoutAnExerciseSectionTheyFollowTheLessonUnderAnUnnumberedHeading() throws {
        let tex = Self.body("""
            ## First

            Before.

            \(Self.exercise("f(x, y) = x y", label: "ex-first"))
            Between, see @ex-first.

            ```calc
            g(x, y) = x^2 y
            gradient at (1, 2)
            ```

            \(Self.exercise("f(x, y) = x + y"))
            ## Second

            Last words.
            """)
        let marks = Self.order(["Before.", "Between, see", "cgworked", "Last words.", "\\section*{Exercises}",
                                "\\cgnumber{cgexercise}{3.1}", "\\label{ex-first}", "f(x, y) = xy",
                                "\\cgnumber{cgexercise}{3.2}", "f(x, y) = x + y"], in: tex)
        #expect(!marks.contains(nil), "\(tex)")
        #expect(marks.compactMap { $0 } == marks.compactMap { $0 }.sorted(), "not in reading order:\n\(tex)")
        // Each exercise once, and nothing but blank lines where they were written.
        #expect(tex.components(separatedBy: "\\begin{cgexercise}").count == 3)
        #expect(tex.contains("\\hyperref[ex-first]{Exercise~\\ref*{ex-first}}"))
        #expect(tex.contains("\\addcontentsline{toc}{section}{Exercises}"))
        #expect(!tex.contains("\n\n\n\n"), "a gap where an exercise was:\n\(tex)")
    }

    @Test func anExerciseSectionGathersTheOthersAroundItsOwnAndKeepsItsPlace() throws {
        let tex = Self.body("""
            ## Text

            \(Self.exercise("f(x, y) = x y"))
            ## Exercises

            Try these.

            \(Self.exercise("f(x, y) = x + y"))
            Closing remark.

            \(Self.exercise("f(x, y) = x - y"))
            ## Appendix

            \(Self.exercise("f(x, y) = x^2"))
            More text.
            """)
        let marks = Self.order(["\\section{\\texorpdfstring{Text}", "\\section{\\texorpdfstring{Exercises}",
                                "Try these.", "cgexercise}{3.1}", "f(x, y) = xy", "cgexercise}{3.2}", "f(x, y) = x + y", "Closing remark.",
                                "cgexercise}{3.3}", "f(x, y) = x - y", "cgexercise}{3.4}", "f(x, y) = x^{2}",
                                "\\section{\\texorpdfstring{Appendix}", "More text."], in: tex)
        #expect(!marks.contains(nil), "\(tex)")
        #expect(marks.compactMap { $0 } == marks.compactMap { $0 }.sorted(), "not in this order:\n\(tex)")
        #expect(!tex.contains("\\section*{Exercises}"))
        #expect(tex.components(separatedBy: "\\begin{cgexercise}").count == 5)
    }

    @Test func aSectionWithAWorkedExampleIsNotTheExerciseSection() {
        let tex = Self.body("""
            ## Practice

            ```calc
            g(x, y) = x^2 y
            gradient at (1, 2)
            ```

            \(Self.exercise("f(x, y) = x y"))
            ## End

            Done.
            """)
        let marks = Self.order(["cgworked", "Done.", "\\section*{Exercises}", "cgexercise}{3.1}"], in: tex)
        #expect(!marks.contains(nil), "\(tex)")
        #expect(marks.compactMap { $0 } == marks.compactMap { $0 }.sorted(), "\(tex)")
    }

    @Test func aLessonWithoutExercisesIsRenderedAsWritten() {
        let markdown = "## Only\n\nText.\n"
        let lesson = Lesson(number: 1, slug: Slug("a")!, metadata: LessonMetadata(title: "A"),
                            document: MarkdownParser.parse(markdown, file: "a.md"), file: "a.md", text: markdown)
        let numbering = CourseNumbering(lessons: [lesson])
        let renderer = LaTeXRenderer(numbers: numbering.lessons[0], labels: numbering.labels)
        #expect(renderer.lessonBody(lesson.document.blocks) == renderer.render(lesson.document.blocks))
        #expect(!Self.body(markdown).contains("Exercises"))
    }
}
