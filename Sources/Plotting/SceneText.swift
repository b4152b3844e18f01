/// How a piece of text is anchored at its position.
public enum TextAnchor: Hashable, Sendable {
    case start, middle, end
}

/// A piece of text placed on the page.
public struct SceneText: Hashable, Sendable {
    /// Plain text (may contain Unicode such as ∇ and −).
    public var text: String
    /// The same text for LaTeX (already escaped; may use math mode).
    public var latex: String
    /// Anchor point; the text's vertical centre sits on `position.y`.
    public var position: Point
    public var anchor: TextAnchor
    /// The box the text is estimated to cover, used to keep texts apart.
    public var box: PageRect
    /// For level labels, the index into `PlotScene.levels`.
    public var levelIndex: Int?
}
