import Mustache

/// What every LaTeX template gets: the course, the paper, and the `\DeclareUnicodeCharacter` lines.
/// Text fields are LaTeX already (escaped by `LaTeXEscaping`), so the templates place them
/// with `<%& name %>`, never HTML-escaped.
struct LaTeXDocumentModel: Sendable, MustacheParent {
    var courseTitle: String
    var author: String?
    var paper: String
    var unicodeDefinitions: String
    /// Set for documents about one lesson.
    var lesson: LaTeXLessonModel?
    /// The book's chapters.
    var lessons: [LaTeXLessonModel] = []
    var answersAtEnd: Bool = false
    var hasAnswers: Bool = false

    func child(named name: String) -> Any? {
        switch name {
        case "courseTitle": TemplateText(courseTitle)
        case "author": author.templateText
        case "paper": TemplateText(paper)
        case "unicodeDefinitions": TemplateText(unicodeDefinitions)
        case "lesson": lesson
        case "lessons": lessons
        case "answersAtEnd": answersAtEnd
        case "hasAnswers": hasAnswers
        default: nil
        }
    }
}

/// One lesson in a LaTeX document.
struct LaTeXLessonModel: Sendable, Equatable, MustacheParent {
    var number: Int
    /// `number - 1`: what the book sets the chapter counter to before `\chapter`.
    var chapterCounter: Int { number - 1 }
    var slug: String
    var title: String
    var summary: String?
    var body: String
    /// The exercise list, or a sentence saying there is none.
    var exercises: String
    var answers: String

    func child(named name: String) -> Any? {
        switch name {
        case "number": TemplateNumber(number)
        case "chapterCounter": TemplateNumber(chapterCounter)
        case "slug": TemplateText(slug)
        case "title": TemplateText(title)
        case "summary": summary.templateText
        case "body": TemplateText(body)
        case "exercises": TemplateText(exercises)
        case "answers": TemplateText(answers)
        default: nil
        }
    }
}
