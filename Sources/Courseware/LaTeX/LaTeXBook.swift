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

    /// The lesson's handout and chapter models. They differ only where the lesson refers to
    /// another lesson, so without such a reference the chapter serves as the handout too.
    func lessonModels(at position: Int) -> LaTeXLessonModels {
        let log = OutsideReferenceLog()
        let chapter = lessonModel(at: position, wholeCourse: true, log: log)
        let handout = log.found ? lessonModel(at: position, wholeCourse: false) : chapter
        return LaTeXLessonModels(handout: handout, chapter: chapter)
    }

    func lessonModel(at position: Int, wholeCourse: Bool, log: OutsideReferenceLog? = nil) -> LaTeXLessonModel {
        let lesson = lessons[position]
        var renderer = LaTeXRenderer(numbers: numbering.lessons[position], labels: numbering.labels)
        renderer.home = lesson.slug
        renderer.outsideReferences = log
        if !wholeCourse { renderer.lessonsInDocument = [lesson.slug] }
        if position < calc.count { renderer.calc = calc[position] }
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
                                body: renderer.render(lesson.document.blocks),
                                exercises: standalone.exerciseSheet() ?? LaTeXBook.noExercises,
                                answers: standalone.answerKey() ?? LaTeXBook.noAnswers)
    }

    /// Every document, rendering every lesson.
    func renderAll() -> [Document] { renderAll(cache: nil, context: "").documents }

    /// What `renderAll(cache:context:)` made: the documents, the cache entries this build
    /// used (file name -> content) for the next build, and how many lessons came from the cache.
    struct Rendered {
        var documents: [Document]
        var cacheEntries: [String: String]
        var lessonsFromCache: Int
    }

    /// Every document, taking each lesson's models from `cache` when its entry is there.
    func renderAll(cache: CalcCache?, context: String) -> Rendered {
        let keys = cache == nil ? [] : lessons.map { CalcCache.lessonKey($0, context: context) }
        let found: [(LaTeXLessonModels, String)?] = cache.map { cache in
            keys.parallelMap { key in
                cache.readFile(CalcCache.latexFile(key)).flatMap { text in LaTeXLessonModels.decode(text).map { ($0, text) } }
            }
        } ?? Array(repeating: nil, count: lessons.count)
        // Only lessons missing from the cache are rendered, and evaluated again when the
        // site took some of their blocks from the cache (it keeps HTML only).
        let rendered = Array(lessons.indices).parallelMap { position -> (LaTeXLessonModels, String) in
            if let cached = found[position] { return cached }
            var book = self
            if position < calc.count, !calc[position].cachedHTML.isEmpty {
                book.calc[position] = CalcLessonEvaluation(lessons[position])
            }
            let models = book.lessonModels(at: position)
            return (models, cache == nil ? "" : models.encoded())
        }
        var entries: [String: String] = [:]
        for (position, key) in keys.enumerated() { entries[CalcCache.latexFile(key)] = rendered[position].1 }
        let models = rendered.map(\.0)
        return Rendered(documents: renderDocuments(models), cacheEntries: entries,
                        lessonsFromCache: found.reduce(0) { $0 + ($1 == nil ? 0 : 1) })
    }

    /// The documents from each lesson's two models.
    func renderDocuments(_ models: [LaTeXLessonModels]) -> [Document] {
        let placement = config.latexAnswers
        var documents = Array(lessons.indices).parallelMap { position -> [Document] in
            let slug = lessons[position].slug.rawValue
            var model = base()
            model.lesson = models[position].handout
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
        book.lessons = models.map(\.chapter)
        book.hasAnswers = placement != .none
        documents.append(Document(fileName: "course.tex", tex: templates.render(book, with: "course")))
        return documents
    }
}
