import Testing
@testable import Courseware
import MarkdownSyntax

@Suite struct SourceFileTests {
    let file = SourceFile(displayPath: "a.md", text: "first\r\nsecond\n\nfourth é\nlast")

    @Test(arguments: [(1, "first"), (2, "second"), (3, ""), (4, "fourth é"), (5, "last"), (6, ""), (0, "")])
    func lines(number: Int, expected: String) {
        #expect(file.line(number) == expected)
    }

    @Test func scalarColumnsBecomeByteColumns() {
        // "fourth é": the character after "é" is scalar column 9, byte column 10.
        #expect(file.byteColumn(line: 4, scalarColumn: 8) == 8)
        #expect(file.byteColumn(line: 4, scalarColumn: 9) == 10)
        #expect(file.byteColumn(line: 1, scalarColumn: 1) == 1)
    }

    @Test func diagnosticQuotesItsLine() {
        let diagnostic = file.diagnostic(.error, at: SourceLocation(line: 2, column: 3), length: 2, "m")
        #expect(diagnostic.sourceLine == "second")
        #expect(diagnostic.file == "a.md")
        #expect(diagnostic.length == 2)
    }
}
