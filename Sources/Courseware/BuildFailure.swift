import MarkdownSyntax

/// A build that stopped because of errors; carries every problem found, warnings included,
/// and the pipeline step that stopped it.
public struct BuildFailure: Error, Sendable {
    public var step: BuildStep
    public var diagnostics: [Diagnostic]
    public init(step: BuildStep, diagnostics: [Diagnostic]) {
        self.step = step; self.diagnostics = diagnostics
    }
}

/// The named steps of a build, in the order they run.
public enum BuildStep: String, Sendable, CaseIterable {
    case load, parse, number, render, write
}
