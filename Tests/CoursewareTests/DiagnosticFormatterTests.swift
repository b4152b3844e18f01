import Testing
@testable import Courseware
import MarkdownSyntax

@Suite struct DiagnosticFormatterTests {
    @Test func formatsFileLineColumnLineAndCaret() {
        let diagnostic = Diagnostic(.error, file: "Content/03-directional-derivatives.md",
                                    location: SourceLocation(line: 42, column: 1), length: 8,
                                    message: "unknown request 'gradeint' (did you mean 'gradient'?)",
                                    sourceLine: "gradeint at (1, 0)")
        #expect(DiagnosticFormatter.format(diagnostic) == """
            Content/03-directional-derivatives.md:42:1: error: unknown request 'gradeint' (did you mean 'gradient'?)
                gradeint at (1, 0)
                ^~~~~~~~

            """)
    }

    @Test func leadingBlanksAreDroppedAndTheCaretFollows() {
        let diagnostic = Diagnostic(.error, file: "a.md", location: SourceLocation(line: 3, column: 7), length: 4,
                                    message: "m", sourceLine: "    > @thm-x here")
        #expect(DiagnosticFormatter.format(diagnostic) == "a.md:3:7: error: m\n    > @thm-x here\n      ^~~~\n")
    }

    @Test func caretCountsCharactersNotBytes() {
        // "é" is two UTF-8 bytes; column 5 in bytes is the 4th character.
        let diagnostic = Diagnostic(.warning, file: "a.md", location: SourceLocation(line: 1, column: 5), length: 2,
                                    message: "m", sourceLine: "éab$x")
        #expect(DiagnosticFormatter.format(diagnostic) == "a.md:1:5: warning: m\n    éab$x\n       ^~\n")
    }

    @Test func underlineStopsAtTheEndOfTheLine() {
        let diagnostic = Diagnostic(.error, file: "a.md", location: SourceLocation(line: 1, column: 3), length: 50,
                                    message: "m", sourceLine: "$$x")
        #expect(DiagnosticFormatter.format(diagnostic) == "a.md:1:3: error: m\n    $$x\n      ^\n")
    }

    @Test func fileLevelDiagnosticHasNoPositionOrExcerpt() {
        let diagnostic = Diagnostic(.error, file: "Content", location: SourceLocation(line: 0, column: 0),
                                    message: "content folder not found", sourceLine: "")
        #expect(DiagnosticFormatter.format(diagnostic) == "Content: error: content folder not found\n")
    }

    @Test func severalDiagnosticsAreJoinedInOrder() {
        let a = Diagnostic(.error, file: "a.md", location: SourceLocation(line: 1, column: 1), message: "first", sourceLine: "x")
        let b = Diagnostic(.warning, file: "b.md", location: SourceLocation(line: 2, column: 1), message: "second", sourceLine: "y")
        #expect(DiagnosticFormatter.format([a, b]) == "a.md:1:1: error: first\n    x\n    ^\nb.md:2:1: warning: second\n    y\n    ^\n")
    }
}
