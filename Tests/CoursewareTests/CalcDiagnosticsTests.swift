@testable import Courseware
import MarkdownSyntax
import Testing

/// Broken blocks: each gives one clear error at the right file line and column.
struct CalcDiagnosticsTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var info = "calc"
        var lines: [String]
        var message: String
        /// Index of the offending line in `lines` (-1: the fence line).
        var lineIndex: Int
        var column: Int
        var testDescription: String { message }
    }

    static let cases: [Case] = [
        Case(lines: ["f(x, y) = x^2 y + sin(y)", "gradeint at (1, 0)"],
             message: "unknown request 'gradeint' (did you mean 'gradient'?)", lineIndex: 1, column: 1),
        // A broken contour line is the only error: the plot lines after it say nothing more.
        Case(info: "calc plot", lines: ["f(x, y) = x^2 + y^2", "contour x in [-3, 3], y in [2, 1] levels 5", "field 9",
                                        "descent from (1, 1) rate 0.1 steps 5", "mark (0, 0) \"m\"", "caption C"],
             message: "the interval [2, 1] is empty: its left end must be smaller", lineIndex: 1, column: 28),
        Case(lines: ["f(x, y) = x^2", "hesian"],
             message: "unknown request 'hesian' (did you mean 'hessian'?)", lineIndex: 1, column: 1),
        Case(lines: ["f(x, y) = x^2 y", "gradient at (1, 0, 2)"],
             message: "the point (1, 0, 2) has 3 coordinates, but f(x, y) takes 2", lineIndex: 1, column: 13),
        Case(lines: ["f(x, y) = x^2 y", "jacobian at (1, 2)"],
             message: "'jacobian' needs a vector field, but f(x, y) is a scalar field (did you mean 'gradient'?)",
             lineIndex: 1, column: 1),
        Case(lines: ["f(x, y, z) = x y z", "tangent plane at (1, 1, 1)"],
             message: "'tangent plane' needs a function of 2 variables, but f(x, y, z) has 3 (did you mean 'linearization'?)",
             lineIndex: 1, column: 1),
        Case(lines: ["F(x, y) = (x^2 y, 5x + sin(y))", "gradient"],
             message: "'gradient' needs a scalar field, but F(x, y) is a vector field (did you mean 'jacobian'?)",
             lineIndex: 1, column: 1),
        Case(lines: ["f(x, y) = x^2 - y^2", "directional at (1, 2) towards (3, 4)"],
             message: "unknown option 'towards' in 'directional' (did you mean 'toward'?)", lineIndex: 1, column: 23),
        Case(lines: ["f(x, y) = x^2 + y^2", "descent from (1, 1) rate 0.1 step 25"],
             message: "unknown option 'step' in 'descent' (did you mean 'steps'?)", lineIndex: 1, column: 30),
        Case(lines: ["f(x, y) = x^2 + y^2", "gradient att (1, 1)"],
             message: "unknown option 'att' in 'gradient' (did you mean 'at'?)", lineIndex: 1, column: 10),
        Case(lines: ["f(x, y) = x^2 + y^2", "partial z"],
             message: "'z' is not a variable of f(x, y)", lineIndex: 1, column: 9),
        Case(lines: ["f(x, y) = x^2 + y^2", "directional at (1, 2)"],
             message: "'directional' needs 'toward ...': directional at (a, b) toward (u, v)", lineIndex: 1, column: 1),
        Case(lines: ["f(x, y) = x^2 + y^2", "directional at (1, 2) toward (0, 0)"],
             message: "the direction (0, 0) is the zero vector; it has no unit vector", lineIndex: 1, column: 30),
        Case(lines: ["f(x, y) = 1/(x^2 + y^2)", "value at (0, 0)"],
             message: "'value at (0, 0)': f is undefined at (0, 0): division by zero",
             lineIndex: 1, column: 10),
        Case(lines: ["f(x, y) = log(x) + y", "gradient at (-1, 2)"],
             message: "undefined at (-1, 2): log of a non-positive number", lineIndex: 1, column: 13),
        Case(lines: ["g(x, y) = x y / (x^2 + y^2) if (x, y) != (0, 0) else 0", "gradient at (0, 0)"],
             message: "g is piecewise and its branches meet at (0, 0)", lineIndex: 1, column: 13),
        Case(lines: ["gradient at (1, 2)"],
             message: "no function is defined before 'gradient'", lineIndex: 0, column: 1),
        Case(lines: ["f(x, y) = x^2 + y^2", "f(x, y) = x"],
             message: "'f' is already defined on line 10", lineIndex: 1, column: 1),
        Case(lines: ["f(x, y) = x^2 + y^2", "value at (1, 1) # the bowl", "gradient of g at (1, 1)"],
             message: "unknown function 'g'", lineIndex: 2, column: 13),
        Case(lines: ["# only a comment", ""], message: "empty calc block", lineIndex: -1, column: 1),
        Case(lines: ["f(x, y) = x^2", "partials"], message: "", lineIndex: 0, column: 0),
        // Implicit products after numbers are expressions, not misspelled options.
        Case(lines: ["f(x, y) = x y / (x^2 + y^2)", "limit at (0, 0) along y = 2 x"], message: "", lineIndex: 0, column: 0),
        Case(lines: ["f(x, y) = x^2 + y^2", "a = 2", "value at (a, 1) approx", "descent from (1, 1) rate 1/4 steps 2"],
             message: "", lineIndex: 0, column: 0),
        Case(info: "calc exercize", lines: ["f(x) = x"],
             message: "unknown calc block kind 'exercize' (did you mean 'exercise'?)", lineIndex: -1, column: 9),
        Case(info: "calc exercise {#fig-wrong}", lines: ["f(x) = x", "ask value at (1)"],
             message: "the label 'fig-wrong' does not fit a exercise: its name must start with 'ex-'", lineIndex: -1, column: 20),
        Case(info: "calc exercise", lines: ["f(x, y) = x^2", "answer 2", "ask value at (1, 1)"],
             message: "'answer' must follow the 'ask' line it answers", lineIndex: 1, column: 1),
        Case(info: "calc exercise", lines: ["f(x, y) = x^2", "gradient at (1, 1)"],
             message: "an exercise asks with 'ask': write 'ask gradient at (1, 1)'", lineIndex: 1, column: 1),
        Case(info: "calc plot", lines: ["f(x, y) = x^2 + y^2", "contour x in [-3, 3], y in [-3, 3]", "feild 10"],
             message: "unknown plot line 'feild' (did you mean 'field'?)", lineIndex: 2, column: 1),
        Case(info: "calc plot", lines: ["f(x, y) = x^2 + y^2", "contour x in [3, -3], y in [-3, 3]"],
             message: "the interval [3, -3] is empty", lineIndex: 1, column: 14),
        Case(lines: ["f(x, y) = x^2 + y^2", "chain x = cos(t) wrt t"],
             message: "'chain' must substitute every variable of f(x, y); missing 'y'", lineIndex: 1, column: 7),
        Case(lines: ["f(x, y) = x^2 + y^2", "limit at (0, 0) along z = x"],
             message: "'z' is not a variable of f(x, y) (did you mean 'x'?)", lineIndex: 1, column: 23),
    ]

    @Test(arguments: cases)
    func brokenBlock(_ c: Case) {
        let (_, diagnostics) = runCalcBlock(c.info, c.lines)
        if c.message.isEmpty {
            #expect(diagnostics.isEmpty, "a correct block must give no diagnostics: \(diagnostics)")
            return
        }
        let errors = diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 1, "\(errors.map(\.message))")
        guard let d = errors.first else { return }
        #expect(d.message.contains(c.message), "\(d.message)")
        #expect(d.location.line == 10 + c.lineIndex)
        #expect(d.location.column == c.column, "\(d.message)")
        #expect(d.file == "Content/01-test.md")
    }

    /// An expression error from the Calculus parser lands at the file column of the offending name.
    @Test func expressionErrorColumnIsMappedToTheFile() {
        let (_, diagnostics) = runCalcBlock("calc", ["f(x, y) = x^2 + q", "gradient"], column: 3)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.message.contains("q") == true, "\(diagnostics)")
        // Column 3 is where the block's text starts (as inside a callout's `> `); `q` is its 17th character.
        #expect(diagnostics.first?.location == SourceLocation(line: 10, column: 3 + 16))
    }

    /// Inside a callout the block's lines start after `> `; positions follow.
    @Test func positionsInsideACallout() {
        let (_, diagnostics) = runCalcBlock("calc", ["f(x, y) = x^2", "gradeint"], column: 3)
        #expect(diagnostics.first?.location == SourceLocation(line: 11, column: 3))
        let formatted = DiagnosticFormatter.format(diagnostics)
        #expect(formatted.contains("Content/01-test.md:11:3: error: unknown request 'gradeint' (did you mean 'gradient'?)"))
        #expect(formatted.contains("    gradeint\n    ^~~~~~~~\n"))
    }

    /// Several problems in one block are all reported, each at its own line.
    @Test func everyProblemIsReported() {
        let (_, diagnostics) = runCalcBlock("calc", ["f(x, y) = x^2", "gradeint", "partial w", "hessian"])
        #expect(diagnostics.map(\.location.line) == [11, 12])
    }

    /// Binary garbage gives diagnostics, not a crash.
    @Test func binaryGarbage() {
        let garbage = String(decoding: (0..<200).map { UInt8(($0 * 37 + 11) % 256) }, as: UTF8.self)
        let lines = garbage.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let (_, diagnostics) = runCalcBlock("calc", lines)
        #expect(!diagnostics.isEmpty)
        #expect(diagnostics.allSatisfy { $0.location.line >= 10 && $0.location.column >= 1 })
    }

    /// A block of 10,000 lines is read without trouble; the problem on its last line is found.
    @Test func tenThousandLines() {
        var lines = ["f(x, y) = x^2 + y^2"]
        lines += (0..<9_998).map { "# note \($0)" }
        lines.append("gradient at (1, 2, 3)")
        let (_, diagnostics) = runCalcBlock("calc", lines)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.location.line == 10 + 9_999)
    }

    /// Comments: `#` lines and ` # ` to the end of a line are ignored.
    @Test func comments() {
        let (evaluated, diagnostics) = runCalcBlock("calc", [
            "# the bowl", "f(x, y) = x^2 + 2 y^2   # scalar field", "", "value at (1, 1) # three",
        ])
        #expect(diagnostics.isEmpty)
        #expect(evaluated?.results.first?.value == .exact(.scalar(.num(3))))
    }
}

/// Blocks read from real lessons by the Markdown parser keep their file positions.
struct CalcLessonPositionTests {
    @Test func blockInsideACallout() {
        let text = """
            ---
            title: T
            ---

            > [!example] A gradient
            > ```calc
            > f(x, y) = x^2 y
            > gradient at (1, 2, 3)
            > ```
            """
        let document = MarkdownParser.parse(text, file: "Content/01-t.md")
        var codes: [CodeBlock] = []
        TreeWalk(visitBlock: { if case .code(let c) = $0 { codes.append(c) } }).walk(document.blocks)
        #expect(codes.count == 1)
        guard let code = codes.first else { return }
        let (_, diagnostics) = CalcBlockParser.parse(code, file: "Content/01-t.md")
        #expect(diagnostics.count == 1)
        // `(1, 2, 3)` starts at byte 15 of "> gradient at (1, 2, 3)".
        #expect(diagnostics.first?.location == SourceLocation(line: 8, column: 15))
        #expect(DiagnosticFormatter.format(diagnostics).contains("    gradient at (1, 2, 3)\n                ^~~~~~~~~\n"))
    }

    @Test func nonASCIIColumnsCountBytes() {
        // "é" takes two bytes: the caret column after it moves by two.
        let (_, diagnostics) = runCalcBlock("calc", ["f(x, y) = x^2", "value at (1, 1) # é", "gradeint"])
        #expect(diagnostics.first?.location == SourceLocation(line: 12, column: 1))
        let line = CalcLine(text: "é + q", line: 4, column: 3)
        #expect(line.location(atScalar: 4) == SourceLocation(line: 4, column: 3 + 5))
        #expect(line.diagnostic("f.md", atScalar: 0, length: 1, "m").length == 2, "the caret covers all of é")
    }
}
