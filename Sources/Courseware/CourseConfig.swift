import MarkdownSyntax

/// What `course.yml` says about the course. Every field has a default, and the file itself
/// is optional.
public struct CourseConfig: Hashable, Sendable {
    public var title: String = "Untitled course"
    public var author: String? = nil
    /// The lesson order by slug, with the position of each entry; nil when not given.
    public var lessonOrder: [SlugReference]? = nil
    /// Raw HTML in lessons passes through only when true; otherwise it is escaped.
    public var allowHTML: Bool = false
    /// The `lang` of every page.
    public var language: String = "en"
    /// Where exercise answers go in the LaTeX documents.
    public var latexAnswers: LaTeXAnswerPlacement = .endOfLesson
    /// The paper of the LaTeX documents.
    public var paperSize: PaperSize = .a4

    public init() {}

    /// The keys course.yml understands.
    static let knownKeys = ["title", "author", "lessons", "allow_html", "language", "latex_answers", "paper"]

    /// Reads course.yml; problems become diagnostics and the defaults stay in place.
    static func read(_ source: SourceFile) -> (CourseConfig, [Diagnostic]) {
        var config = CourseConfig()
        var reader = YAMLReader(source: source, firstLine: 1)
        guard let pairs = reader.mapping(source.text) else { return (config, reader.diagnostics) }
        for (key, keyNode, value) in pairs {
            switch key {
            case "title":
                if let text = reader.string(value, key: key) { config.title = text }
            case "author":
                if let text = reader.string(value, key: key) { config.author = text.isEmpty ? nil : text }
            case "language":
                if let text = reader.string(value, key: key), !text.isEmpty { config.language = text }
            case "allow_html":
                if let flag = reader.bool(value, key: key) { config.allowHTML = flag }
            case "latex_answers":
                if let text = reader.string(value, key: key) {
                    if let placement = LaTeXAnswerPlacement(rawValue: text) { config.latexAnswers = placement } else {
                        reader.warning(at: value, "unknown latex_answers '\(text)' (known: "
                            + LaTeXAnswerPlacement.allCases.map(\.rawValue).joined(separator: ", ") + ")")
                    }
                }
            case "paper":
                if let text = reader.string(value, key: key) {
                    if let paper = PaperSize(rawValue: text) { config.paperSize = paper } else {
                        reader.warning(at: value, "unknown paper '\(text)' (known: "
                            + PaperSize.allCases.map(\.rawValue).joined(separator: ", ") + ")")
                    }
                }
            case "lessons":
                if let entries = reader.strings(value, key: key) {
                    config.lessonOrder = entries.map { SlugReference(slug: $0.0, location: $0.1) }
                }
            default:
                reader.warning(at: keyNode, "unknown key '\(key)' in course.yml (known: \(knownKeys.joined(separator: ", ")))")
            }
        }
        return (config, reader.diagnostics)
    }
}
