import MarkdownSyntax

/// A lesson slug written in YAML (course.yml's `lessons:` or a `prerequisites:` entry),
/// with its position so a wrong one can be reported where it stands.
public struct SlugReference: Hashable, Sendable {
    public var slug: String
    public var location: SourceLocation
    public init(slug: String, location: SourceLocation) { self.slug = slug; self.location = location }
}
