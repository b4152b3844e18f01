import MarkdownSyntax

/// A lesson file found in the content folder, before parsing.
public struct LessonFile: Sendable {
    public var slug: Slug
    public var fileName: String
    var source: SourceFile
    /// The path shown in diagnostics.
    public var displayPath: String { source.displayPath }

    init(slug: Slug, fileName: String, source: SourceFile) {
        self.slug = slug; self.fileName = fileName; self.source = source
    }
}

/// A parsed lesson: where it stands in the course, what its front matter says, its tree.
public struct Lesson: Sendable {
    /// 1-based position in the course; the first part of every number in the lesson.
    public var number: Int
    public var slug: Slug
    public var metadata: LessonMetadata
    public var document: MarkdownDocument
    var source: SourceFile

    init(number: Int, slug: Slug, metadata: LessonMetadata, document: MarkdownDocument, source: SourceFile) {
        self.number = number; self.slug = slug; self.metadata = metadata
        self.document = document; self.source = source
    }

    /// A lesson built from text, for tests and tools; diagnostics name `file`.
    public init(number: Int, slug: Slug, metadata: LessonMetadata, document: MarkdownDocument,
                file: String, text: String) {
        self.init(number: number, slug: slug, metadata: metadata, document: document,
                  source: SourceFile(displayPath: file, text: text))
    }

    public var displayPath: String { source.displayPath }
}
