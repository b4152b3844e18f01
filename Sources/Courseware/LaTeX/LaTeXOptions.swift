/// Where the answers to a lesson's exercises go in the LaTeX documents (`latex_answers`
/// in course.yml).
public enum LaTeXAnswerPlacement: String, Hashable, Sendable, CaseIterable {
    /// Each handout ends with its answer key on a new page; the book has an answer appendix;
    /// the separate keys are written too.
    case endOfLesson = "end-of-lesson"
    /// Handouts carry no answers; the answer keys and the book's appendix hold them.
    case separate
    /// No answers anywhere: no answer keys, no appendix.
    case none
}

/// The paper size of every LaTeX document (`paper` in course.yml).
public enum PaperSize: String, Hashable, Sendable, CaseIterable {
    case a4, letter

    /// The `geometry` package option.
    var geometryOption: String {
        switch self {
        case .a4: "a4paper"
        case .letter: "letterpaper"
        }
    }
}
