import Testing
import MarkdownSyntax

/// Positions refer to lines and byte columns of the original file, front matter included.
@Suite struct PositionTests {
    static let lesson = """
    ---
    title: Positions
    summary: Where things are.
    ---
    # Heading {#sec-top}

    Text with $x^2$ and @thm-main.

    > [!theorem] Main {#thm-main}
    > Body with $y$.

    - item
      ```calc exercise {#ex-one}
      f(x, y) = x^2 y
      ask gradient at (1, 2)
      ```

    ```calc
    f(x) = x^2
      indented line
    ```

        indented code
        second line
    """

    @Test func frontMatterIsSplitOff() throws {
        let document = MarkdownParser.parse(Self.lesson, file: "Content/01-positions.md")
        let frontMatter = try #require(document.frontMatter)
        #expect(frontMatter.yaml == "title: Positions\nsummary: Where things are.\n")
        #expect(frontMatter.firstLine == 2)
        #expect(document.diagnostics.isEmpty)
        guard case .heading(1, let content, "sec-top", let range)? = document.blocks.first else {
            Issue.record("first block should be the labelled heading: \(document.blocks.first as Any)"); return
        }
        #expect(content == [.text("Heading")])
        #expect(range.start == SourceLocation(line: 5, column: 1))
    }

    @Test func mathAndReferencePositions() {
        let document = MarkdownParser.parse(Self.lesson, file: "Content/01-positions.md")
        guard case .paragraph(let inlines, let range) = document.blocks[1] else {
            Issue.record("second block should be a paragraph"); return
        }
        #expect(range.start == SourceLocation(line: 7, column: 1))
        #expect(inlines[1] == .math(tex: "x^2", SourceRange(start: SourceLocation(line: 7, column: 11),
                                                             end: SourceLocation(line: 7, column: 15))))
        #expect(inlines[3] == .reference(label: "thm-main", SourceRange(start: SourceLocation(line: 7, column: 21),
                                                                        end: SourceLocation(line: 7, column: 29))))
    }

    @Test func calloutPositions() throws {
        let document = MarkdownParser.parse(Self.lesson, file: "Content/01-positions.md")
        let callout = try #require(TreeWalk.callouts(document.blocks).first)
        #expect(callout.kind == .theorem)
        #expect(callout.label == "thm-main")
        #expect(callout.title == [.text("Main")])
        #expect(callout.range.start == SourceLocation(line: 9, column: 1))
        #expect(callout.range.end.line == 10)
        guard case .paragraph(let body, _)? = callout.body.first else { Issue.record("callout body"); return }
        #expect(body[1] == .math(tex: "y", SourceRange(start: SourceLocation(line: 10, column: 13),
                                                       end: SourceLocation(line: 10, column: 15))))
    }

    @Test func codeLinesInListsAndAtTheMargin() {
        let document = MarkdownParser.parse(Self.lesson, file: "Content/01-positions.md")
        let blocks = TreeWalk.codeBlocks(document.blocks)
        #expect(blocks.count == 3)
        guard blocks.count == 3 else { return }
        #expect(blocks[0].info == "calc exercise {#ex-one}")
        #expect(blocks[0].fenced)
        #expect(blocks[0].lines == [CodeLine(text: "f(x, y) = x^2 y", line: 14, column: 3),
                                    CodeLine(text: "ask gradient at (1, 2)", line: 15, column: 3)])
        #expect(blocks[1].info == "calc")
        #expect(blocks[1].lines == [CodeLine(text: "f(x) = x^2", line: 19, column: 1),
                                    CodeLine(text: "  indented line", line: 20, column: 1)])
        #expect(!blocks[2].fenced)
        #expect(blocks[2].info == "")
        #expect(blocks[2].lines == [CodeLine(text: "indented code", line: 23, column: 5),
                                    CodeLine(text: "second line", line: 24, column: 5)])
    }

    @Test func codeInsideACallout() throws {
        let source = "> [!example]\n> ```calc\n> f(x) = $x$\n> ```"
        let document = MarkdownParser.parse(source, file: "q.md")
        let callout = try #require(TreeWalk.callouts(document.blocks).first)
        guard case .code(let code)? = callout.body.first else { Issue.record("code in callout"); return }
        #expect(code.lines == [CodeLine(text: "f(x) = $x$", line: 3, column: 3)])
    }

    @Test func multiLineDisplayMathRange() {
        let document = MarkdownParser.parse("---\na: 1\n---\n- item\n  $$\n  x\n  $$ {#eq-x}\n", file: "d.md")
        guard case .list(let list)? = document.blocks.first, list.items.count == 1,
              case .displayMath(let tex, let label, let range)? = list.items[0].last else {
            Issue.record("expected display math in a list item: \(document.blocks)"); return
        }
        #expect(tex == "\nx\n")
        #expect(label == "eq-x")
        #expect(range == SourceRange(start: SourceLocation(line: 5, column: 3), end: SourceLocation(line: 7, column: 12)))
    }

    @Test func linesAfterMultiLineMathKeepTheirNumbers() {
        let source = "$$\na\nb\n$$\n\n```\ncode\n```"
        let code = TreeWalk.codeBlocks(MarkdownParser.parse(source, file: "m.md").blocks)
        #expect(code.first?.lines == [CodeLine(text: "code", line: 7, column: 1)])
    }

    @Test func crlfLineEndings() {
        let document = MarkdownParser.parse("---\r\ntitle: x\r\n---\r\nA $y$\r\n", file: "crlf.md")
        #expect(document.frontMatter?.yaml == "title: x\r\n")
        #expect(TreeWalk.math(document.blocks) == ["i:y"])
    }
}
