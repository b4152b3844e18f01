import MarkdownSyntax

/// What a lesson's front matter says about it.
public struct LessonMetadata: Hashable, Sendable {
    public var title: String
    public var summary: String?
    /// Slugs of the lessons to read first, with where each is written.
    public var prerequisites: [SlugReference]

    public init(title: String, summary: String? = nil, prerequisites: [SlugReference] = []) {
        self.title = title; self.summary = summary; self.prerequisites = prerequisites
    }

    static let knownKeys = ["title", "summary", "prerequisites"]

    /// Reads front matter; a missing title becomes the slug in words
    /// (`level-sets` -> `Level sets`).
    static func read(_ frontMatter: FrontMatter?, slug: Slug, source: SourceFile) -> (LessonMetadata, [Diagnostic]) {
        guard let frontMatter else { return (LessonMetadata(title: defaultTitle(for: slug)), []) }
        if let simple = SimpleFrontMatter.read(frontMatter.yaml, firstLine: frontMatter.firstLine, slug: slug) {
            return (simple, [])
        }
        return readYAML(frontMatter, slug: slug, source: source)
    }

    /// The full YAML reading, with diagnostics.
    static func readYAML(_ frontMatter: FrontMatter?, slug: Slug, source: SourceFile) -> (LessonMetadata, [Diagnostic]) {
        var metadata = LessonMetadata(title: defaultTitle(for: slug))
        guard let frontMatter else { return (metadata, []) }
        var reader = YAMLReader(source: source, firstLine: frontMatter.firstLine)
        guard let pairs = reader.mapping(frontMatter.yaml) else { return (metadata, reader.diagnostics) }
        for (key, keyNode, value) in pairs {
            switch key {
            case "title":
                if let text = reader.string(value, key: key) {
                    if text.trimmingWhitespace().isEmpty {
                        reader.report(reader.error(at: value, "'title' must not be empty"))
                    } else {
                        metadata.title = text
                    }
                }
            case "summary":
                if let text = reader.string(value, key: key) { metadata.summary = text.isEmpty ? nil : text }
            case "prerequisites":
                if let entries = reader.strings(value, key: key) {
                    metadata.prerequisites = entries.map { SlugReference(slug: $0.0, location: $0.1) }
                }
            default:
                reader.warning(at: keyNode, "unknown front matter key '\(key)' (known: \(knownKeys.joined(separator: ", ")))")
            }
        }
        return (metadata, reader.diagnostics)
    }

    static func defaultTitle(for slug: Slug) -> String {
        let words = slug.rawValue.split(separator: "-").joined(separator: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }
}

extension String {
    func trimmingWhitespace() -> String {
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s = s.dropFirst() }
        while let c = s.last, c.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
