import MarkdownSyntax

/// The LaTeX render step: every document of `<output>/latex/` from the numbered lessons.
///
/// Per lesson a handout (`<slug>.tex`), an exercise sheet (`<slug>-exercises.tex`) and,
/// unless answers are turned off, its answer key (`<slug>-answers.tex`); for the course
/// the book (`course.tex`).
struct LaTeXBook: Sendable {
    let config: CourseConfig
    let lessons: [Lesson]
    let numbering: CourseNumbering
    let templates: LaTeXTemplates
    /// Per lesson (course order), its evaluated calc blocks; empty renders them as code.
    var calc: [CalcLessonEvaluation] = []
    /// Image source -> its copy under `latex/` (`LaTeXImages.included`).
    var images: [String: String] = [:]

    /// A document: its file name inside `latex/` and its LaTeX.
    struct Document: Sendable {
        var fileName: String
        var tex: String
    }

    /// Shown where the list of exercises goes while the lesson model carries none.
    static let noExercises = "This lesson has no exercises.\n"
    static let noAnswers = "This lesson has no exercises, so there are no answers.\n"

    func base() -> LaTeXDocumentModel {
        LaTeXDocumentModel(courseTitle: LaTeXEscaping.text(config.title),
                           author: config.author.map(LaTeXEscaping.text),
                           paper: config.paperSize.geometryOption,
                           unicodeDefinitions: LaTeXUnicode.preamble)
    }

    func lessonModel(at position: Int, wholeCourse: Bool) -> LaTeXLessonModel {
        let lesson = lessons[position]
        var renderer = LaTeXRenderer(numbers: numbering.lessons[position], labels: numbering.labels)
        if !wholeCourse { renderer.lessonsInDocument = [lesson.slug] }
        if position < calc.count { renderer.calc = calc[position] }
        renderer.images = images
        // The sheet and key stand alone: their references print the site's words.
        var standalone = renderer
        standalone.lessonsInDocument = []
        let summary = lesson.metadata.summary.map { text -> String in
            let document = MarkdownParser.parse(text, file: lesson.displayPath)
            return document.blocks.map { block -> String in
                if case .paragraph(let inlines, _) = block { return renderer.render(inlines) }
                return ""
            }.joined(separator: " ")
        }
        return LaTeXLessonModel(number: lesson.number, slug: lesson.slug.rawValue,
                                title: LaTeXEscaping.text(lesson.metadata.title), summary: summary,
                                body: renderer.lessonBody(lesson.document.blocks),
                                exercises: standalone.exerciseSheet() ?? LaTeXBook.noExercises,
                                answers: standalone.answerKey() ?? LaTeXBook.noAnswers)
    }

    /// The calc evaluations the LaTeX needs: the calc cache keeps only HTML, so a lesson with
    /// blocks taken from the cache is evaluated again here.
    func evaluatedForLaTeX() -> [CalcLessonEvaluation] {
        Array(calc.indices).parallelMap { position in
            calc[position].cachedHTML.isEmpty ? calc[position] : CalcLessonEvaluation(lessons[position])
        }
    }

    func renderAll() -> [Document] {
        var book = self
        book.calc = evaluatedForLaTeX()
        return book.renderDocuments()
    }

    func renderDocuments() -> [Document] {
        let placement = config.latexAnswers
        var documents = Array(lessons.indices).parallelMap { position -> [Document] in
            let slug = lessons[position].slug.rawValue
            var model = base()
            model.lesson = lessonModel(at: position, wholeCourse: false)
            model.answersAtEnd = placement == .endOfLesson
            model.hasAnswers = placement != .none
            var result = [
                Document(fileName: slug + ".tex", tex: templates.render(model, with: "handout")),
                Document(fileName: slug + "-exercises.tex", tex: templates.render(model, with: "exercises")),
            ]
            if placement != .none {
                result.append(Document(fileName: slug + "-answers.tex", tex: templates.render(model, with: "answers")))
            }
            return result
        }.flatMap { $0 }
        var book = base()
        book.lessons = Array(lessons.indices).parallelMap { lessonModel(at: $0, wholeCourse: true) }
        book.hasAnswers = placement != .none
        documents.append(Document(fileName: "course.tex", tex: templates.render(book, with: "course")))
        return documents
    }
}
