@testable import Courseware
import Testing

/// The cache's text form of a lesson's LaTeX models: what is written reads back equal,
/// every stored field is written, and anything damaged reads as no entry.
@Suite struct LaTeXLessonModelsArchiveTests {
    static let models = LaTeXLessonModels(
        handout: LaTeXLessonModel(number: 3, slug: "directional", title: "Directional \\emph{derivatives}",
                                  summary: "Rates of change\nalong a direction. ", body: "Body with\n\nnewlines, ü and 7 \n",
                                  exercises: "", answers: "\\subsection*{Exercise 3.1}\n"),
        chapter: LaTeXLessonModel(number: 3, slug: "directional", title: "T", summary: nil, body: "b",
                                  exercises: "e 12 34\n", answers: "a"))

    @Test func roundTrip() {
        let text = Self.models.encoded()
        #expect(text.hasPrefix(LaTeXLessonModels.header))
        #expect(LaTeXLessonModels.decode(text) == Self.models)
    }

    /// A chapter equal to the handout is written once.
    @Test func chapterEqualToTheHandoutIsWrittenOnce() {
        let same = LaTeXLessonModels(handout: Self.models.handout, chapter: Self.models.handout)
        let text = same.encoded()
        #expect(text.components(separatedBy: "Body with").count == 2, "the body appears once")
        #expect(text.contains("chapter.same 0\n"))
        #expect(LaTeXLessonModels.decode(text) == same)
    }

    /// A new stored property must be added to `archiveFields`, or cached lessons would lose it.
    @Test func everyStoredFieldIsArchived() {
        let stored = Set(Mirror(reflecting: Self.models.handout).children.compactMap(\.label))
        let archived = Set(Self.models.handout.archiveFields.map(\.0))
        #expect(stored == archived)
    }

    @Test(arguments: [
        "", "{\"handout\": {}}", "coursegen-latex-lesson 0\n",
        "coursegen-latex-lesson 2\nhandout.number 1\n3\n",
        "coursegen-latex-lesson 2\nhandout.number 99\n3\n",
        "coursegen-latex-lesson 2\nhandout.number x\n3\n",
        "coursegen-latex-lesson 2\nother.number 1\n3\n",
    ])
    func damagedEntriesReadAsMissing(_ text: String) {
        #expect(LaTeXLessonModels.decode(text) == nil)
    }

    @Test func truncatedEntryReadsAsMissing() {
        let text = Self.models.encoded()
        #expect(LaTeXLessonModels.decode(String(text.dropLast(5))) == nil)
    }
}
