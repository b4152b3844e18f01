@testable import Courseware
import MarkdownSyntax
import Testing

/// Calc work for print: the steps, the remark and table the site shows, and the answer
/// framed once.
@Suite struct LaTeXCalcWorkTests {
    static func work(_ lines: [String]) throws -> String {
        let (evaluated, diagnostics) = runCalcBlock("calc", lines)
        let block = try #require(evaluated, "\(diagnostics.map(\.message))")
        let lesson = Lesson(number: 1, slug: Slug("one")!, metadata: LessonMetadata(title: "One"),
                            document: MarkdownParser.parse("", file: "one.md"), file: "one.md", text: "")
        let numbering = CourseNumbering(lessons: [lesson])
        return LaTeXRenderer(numbers: numbering.lessons[0], labels: numbering.labels).work(block)
    }

    @Test func theAnswerIsFramedOnceAndTheFunctionWrittenOnce() throws {
        let tex = try Self.work(["f(x, y) = x^2 y", "gradient at (1, 2)", "gradient"])
        #expect(tex.components(separatedBy: "f(x, y) = x^{2} y").count == 2, "\(tex)")
        // The last step states the answer, so only the framed line says it.
        #expect(tex.components(separatedBy: "\\nabla f\\left(1, 2\\right)").count == 2, "\(tex)")
        #expect(tex.contains("\\boxed{\\nabla f\\left(1, 2\\right) = \\left(4, 1\\right)}"), "\(tex)")
        #expect(tex.components(separatedBy: "\\boxed{").count == 3)
        #expect(tex.contains("\\[ \\postdisplaypenalty=10000 \\cgfit{\\begin{aligned}"))
    }

    @Test func aDescentShowsItsTableWithMinusSigns() throws {
        let tex = try Self.work(["f(x, y) = x^2 + y^2", "descent from (1, -1) rate 0.1 steps 2"])
        #expect(tex.contains("\\begin{tabular}{rrrr}"), "\(tex)")
        #expect(tex.contains("\\textminus{}1"), "\(tex)")
        #expect(tex.contains("After 2 steps"), "the remark: \(tex)")
    }

    @Test func theLinearizationsPlainTextRemarkIsLeftOut() throws {
        let tex = try Self.work(["f(x, y) = x^2 + y^2", "linearization at (1, 2)"])
        #expect(!tex.contains("\\noindent L ="), "\(tex)")
        #expect(tex.contains("point-slope form"), "\(tex)")
        #expect(tex.contains("\\boxed{L = "), "\(tex)")
    }

    @Test(arguments: [("-0.147134", "\\textminus{}0.147134"), ("4.05e-13", "4.05e\\textminus{}13"),
                      ("12", "12"), ("x_1", "x\\_1"), ("-", "-"), ("k", "k")])
    func tableCells(_ cell: String, _ tex: String) {
        #expect(LaTeXRenderer.tableCell(cell) == tex)
    }
}
