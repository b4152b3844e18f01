/// What an `HTMLExtensions` hook may use to render the children of the node it was given,
/// with the same renderer and extensions.
public struct HTMLRenderContext {
    /// Renders blocks as the renderer would at this point (each block ends with a newline).
    public let renderBlocks: ([Block]) -> String
    /// Renders inlines as the renderer would inside a paragraph.
    public let renderInlines: ([Inline]) -> String
    /// Renders inlines as plain, escaped text (what `alt` attributes get).
    public let renderPlainText: ([Inline]) -> String
    /// Whether raw HTML is passed through.
    public let allowRawHTML: Bool
}
