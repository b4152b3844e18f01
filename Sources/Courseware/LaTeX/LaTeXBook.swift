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
        /// Taken from the previous output as it is (`tex` is empty).
        var kept = false
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

    /// The book's file name inside `latex/`.
    static let bookFileName = "course.tex"

    /// A lesson's documents: handout, exercise sheet and, unless answers are off, answer key.
    static func documentNames(slug: String, placement: LaTeXAnswerPlacement) -> [String] {
        [slug + ".tex", slug + "-exercises.tex"] + (placement == .none ? [] : [slug + "-answers.tex"])
    }

    /// What `renderAll(cache:plan:)` made: the documents, the cache entries it wrote
    /// (file name -> content), the entries it carried over unread, and how many lessons'
    /// LaTeX was not rendered this time.
    struct Rendered {
        var documents: [Document]
        var cacheEntries: [String: String]
        var carriedEntries: [String]
        var lessonsFromCache: Int
    }

    /// Every document. With a cache, each lesson's models come from its entry when it is
    /// there, and with a plan, documents the previous output has unchanged are kept (only
    /// lessons whose documents, or the book, must be written are read or rendered).
    /// Each document is handed to `sink` (which writes it) as soon as it is rendered, and
    /// comes back without its text.
    func renderAll(cache: CalcCache?, plan: ReusePlan?, sink: @Sendable (Document) throws -> Void) throws -> Rendered {
        let keys = plan?.modelKeys ?? []
        let keepDocs = plan?.reuseDocs ?? Array(repeating: false, count: lessons.count)
        let keepBook = plan?.reuseBook ?? false
        // nil: this lesson's models are not needed (its documents and the book are kept).
        let rendered = Array(lessons.indices).parallelMap { position -> (models: LaTeXLessonModels, entry: String?, fromCache: Bool)? in
            if keepDocs[position] && keepBook { return nil }
            if let cache, position < keys.count, let text = cache.readFile(CalcCache.latexFile(keys[position])),
               let models = LaTeXLessonModels.decode(text) {
                return (models, nil, true)
            }
            // Evaluated again when the site did not evaluate the lesson's blocks (taken from
            // the cache, which keeps HTML only, or a page kept whole).
            var book = self
            if position < calc.count, !calc[position].cachedHTML.isEmpty || calc[position].skipped {
                book.calc[position] = CalcLessonEvaluation(lessons[position])
            }
            let models = book.lessonModels(at: position)
            return (models, cache == nil ? nil : models.encoded(), false)
        }
        var entries: [String: String] = [:]
        var carried: [String] = []
        for (position, key) in keys.enumerated() {
            if let entry = rendered[position]?.entry {
                entries[CalcCache.latexFile(key)] = entry
            } else {
                carried.append(CalcCache.latexFile(key))
            }
        }
        let placement = config.latexAnswers
        // The book is item 0, so one core renders it while the other starts on the lessons.
        @Sendable func renderedDocuments(at position: Int) -> [Document] {
            if position < 0 {
                if keepBook { return [Document(fileName: LaTeXBook.bookFileName, tex: "", kept: true)] }
                var book = base()
                book.lessons = rendered.compactMap { $0?.models.chapter }
                book.hasAnswers = placement != .none
                return [Document(fileName: LaTeXBook.bookFileName, tex: templates.render(book, with: "course"))]
            }
            guard !keepDocs[position], let models = rendered[position]?.models else {
                return LaTeXBook.documentNames(slug: lessons[position].slug.rawValue, placement: placement)
                    .map { Document(fileName: $0, tex: "", kept: true) }
            }
            return renderDocuments(position: position, models.handout)
        }
        let items = try Array(-1..<lessons.count).parallelMap { position -> [Document] in
            var made = renderedDocuments(at: position)
            for index in made.indices {
                try sink(made[index])
                made[index].tex = ""
            }
            return made
        }
        // In course order, the book last.
        let documents = items.dropFirst().flatMap { $0 } + items[0]
        return Rendered(documents: documents, cacheEntries: entries, carriedEntries: carried,
                        lessonsFromCache: rendered.reduce(0) { $0 + ($1?.fromCache == false ? 0 : 1) })
    }

    /// One lesson's documents from its handout model.
    func renderDocuments(position: Int, _ handout: LaTeXLessonModel) -> [Document] {
        let placement = config.latexAnswers
        var model = base()
        model.lesson = handout
        model.answersAtEnd = placement == .endOfLesson
        model.hasAnswers = placement != .none
        let names = LaTeXBook.documentNames(slug: lessons[position].slug.rawValue, placement: placement)
        var result = [
            Document(fileName: names[0], tex: templates.render(model, with: "handout")),
            Document(fileName: names[1], tex: templates.render(model, with: "exercises")),
        ]
        if placement != .none {
            result.append(Document(fileName: names[2], tex: templates.render(model, with: "answers")))
        }
        return result
    }
}
