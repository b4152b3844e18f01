import Foundation
import Testing

/// `coursegen calc` and `coursegen check` as an author runs them.
struct CalcCommandTests {
    /// Runs `coursegen arguments` with `input` on standard input.
    static func run(_ arguments: [String], input: String, in folder: URL = FileManager.default.temporaryDirectory)
        throws -> CourseGenProcess.Outcome
    {
        let process = Process()
        process.executableURL = try CourseGenProcess.executable()
        process.arguments = arguments
        process.currentDirectoryURL = folder
        let inPipe = Pipe(), out = Pipe(), err = Pipe()
        process.standardInput = inPipe
        process.standardOutput = out
        process.standardError = err
        try process.run()
        inPipe.fileHandleForWriting.write(Data(input.utf8))
        try inPipe.fileHandleForWriting.close()
        let errData = ReadInBackground(err.fileHandleForReading)
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CourseGenProcess.Outcome(status: process.terminationStatus,
                                        stdout: String(decoding: outData, as: UTF8.self),
                                        stderr: String(decoding: errData.wait(), as: UTF8.self))
    }

    struct Example: CustomTestStringConvertible, Sendable {
        var name: String
        var block: String
        /// Expected exact results, in order.
        var exact: [String]
        var testDescription: String { name }
    }

    /// The examples of CALC.md (2.2 with requests about each of its functions, 2.3's table,
    /// 2.4, 2.5); expected values worked out by hand.
    static let examples: [Example] = [
        Example(name: "2.2 definitions", block: """
            f(x, y) = x^2 y + sin(y)                     # scalar field
            F(x, y) = (x^2 y, 5x + sin(y))               # vector field (Jacobian requests)
            g(x, y) = x y / (x^2 + y^2) if (x, y) != (0, 0) else 0   # piecewise
            a = 3                                        # a constant usable below
            gradient at (1, 0)
            jacobian of F at (1, 0)
            definition partial x of g at (0, 0)
            value at (a, 0)
            """, exact: ["(0, 2)", "[[0, 1], [5, 1]]", "0", "0"]),
        Example(name: "2.3 value", block: "f(x, y) = x^2 + 2 y^2\nvalue at (1, 1)", exact: ["3"]),
        Example(name: "2.3 partials", block: "f(x, y) = x^2 y + sin(y)\npartials", exact: ["(2 x y, x^2 + cos(y))"]),
        Example(name: "2.3 partial x, y", block: "f(x, y) = x^2 y^3\npartial x, y", exact: ["6 x y^2"]),
        Example(name: "2.3 steepest", block: "f(x, y) = 3x + 4y\nsteepest at (0, 0)", exact: ["(3/5, 4/5)"]),
        Example(name: "2.3 hessian at", block: "f(x, y) = x^2 + 2 y^2\nhessian at (1, 1)", exact: ["[[2, 0], [0, 4]]"]),
        Example(name: "2.3 clairaut", block: "f(x, y) = x^2 y^3\nclairaut at (1, 1)", exact: ["6"]),
        Example(name: "2.3 tangent plane", block: "f(x, y) = x^2 + y^2\ntangent plane at (1, 1)", exact: ["z = 2 x + 2 y - 2"]),
        Example(name: "2.3 chain", block: "f(x, y) = x^2 + y^2\nchain x = cos(t), y = sin(t) wrt t", exact: ["0"]),
        Example(name: "2.3 limit", block: "f(x, y) = x y / (x^2 + y^2)\nlimit at (0, 0) along y = x", exact: ["1/2"]),
        Example(name: "2.3 classify", block: "f(x, y) = x^2 + 2 y^2\nclassify at (0, 0)", exact: ["minimum"]),
        Example(name: "2.3 descent", block: "f(x, y) = x^2 + y^2\ndescent from (1, 1) rate 0.25 steps 1", exact: ["(0.5, 0.5)"]),
        Example(name: "2.5 exercise", block: """
            f(x, y) = x^2 - y^2
            ask directional at (1, 2) toward (3, 4)
            answer -2
            hint Normalize the direction first.
            """, exact: ["-2"]),
    ]

    @Test(arguments: examples)
    func jsonOfEveryExample(_ example: Example) throws {
        let outcome = try Self.run(["calc", "--format", "json"], input: example.block)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any]
        let results = object?["results"] as? [[String: Any]] ?? []
        #expect(results.count == example.exact.count)
        for (result, expected) in zip(results, example.exact) {
            // Exact results are compared as calc syntax; term order is the printer's, so a
            // difference of term order alone would show here as a failure to review.
            let exact = result["exact"] as? String ?? ""
            #expect(exact == expected || Self.sameTerms(exact, expected), "\(exact) vs \(expected)")
            #expect(result["verified"] as? Bool == true)
            #expect((result["latex"] as? String)?.isEmpty == false)
            #expect((result["steps"] as? [Any])?.isEmpty == false)
        }
        #expect((object?["diagnostics"] as? [Any])?.isEmpty == true)
    }

    /// The same terms in another order (`2 x + 2 y - 2` and `-2 + 2 x + 2 y`).
    static func sameTerms(_ a: String, _ b: String) -> Bool {
        func terms(_ s: String) -> [String] {
            s.replacingOccurrences(of: "z = ", with: "").replacingOccurrences(of: " - ", with: " + -")
                .split(separator: "+").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.sorted()
        }
        return terms(a) == terms(b)
    }

    @Test func plotExampleGivesAFigure() throws {
        let block = """
            f(x, y) = x^2 + 2 y^2
            contour x in [-3, 3], y in [-3, 3] levels 12
            field 13
            descent from (2.6, 2.2) rate 0.1 steps 25
            mark (0, 0) "minimum"
            caption Level sets of $f$, its gradient field, and a gradient-descent path.
            """
        let text = try Self.run(["calc"], input: block)
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.hasPrefix("figure: "))
        let latex = try Self.run(["calc", "--format", "latex"], input: block)
        #expect(latex.stdout.contains("\\begin{tikzpicture}"))
    }

    /// CALC.md 4's example: the diagnostic names the line and column, exit status 1.
    @Test func diagnosticsExitOne() throws {
        let outcome = try Self.run(["calc", "--format", "json"], input: "f(x, y) = x^2 y\ngradeint at (1, 0)\n")
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("<stdin>:2:1: error: unknown request 'gradeint' (did you mean 'gradient'?)"))
        #expect(outcome.stdout.contains("\"column\" : 1"))
    }

    @Test func wrongAnswerExitsOne() throws {
        let outcome = try Self.run(["calc"], input: "f(x, y) = x^2 - y^2\nask directional at (1, 2) toward (3, 4)\nanswer 2\n")
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("<stdin>:3:8: error: wrong answer"))
        #expect(outcome.stderr.contains("the answer is 2, but the computed result is -2"))
    }

    static let lesson = """
        ---
        title: Directional Derivatives
        ---

        Intro text with @ex-dir-1.

        ```calc
        f(x, y) = x^2 y + sin(y)
        gradient at (1, 0)
        ```

        ```calc exercise {#ex-dir-1}
        f(x, y) = x^2 - y^2
        ask directional at (1, 2) toward (3, 4)
        answer ANSWER
        ```
        """

    @Test func checkPassesAndFailsAtTheAnswerLine() throws {
        let good = try Fixture(["course.yml": "title: T\n", "01-directional.md": Self.lesson.replacingOccurrences(of: "ANSWER", with: "-2")])
        let passed = try CourseGenProcess.run(["check"], in: good.root)
        #expect(passed.status == 0, "\(passed.stderr)")
        #expect(passed.stdout == "Checked 1 lesson: 1 example, 1 exercise, 0 figures; 2 results verified, 1 answer checked\n")
        #expect(!good.exists("Output"), "check writes nothing")

        let bad = try Fixture(["course.yml": "title: T\n", "01-directional.md": Self.lesson.replacingOccurrences(of: "ANSWER", with: "-3")])
        let failed = try CourseGenProcess.run(["check"], in: bad.root)
        #expect(failed.status == 1)
        #expect(failed.stderr.contains("Content/01-directional.md:15:8: error: wrong answer to 'directional at (1, 2) toward (3, 4)'"),
                "\(failed.stderr)")
        let built = try CourseGenProcess.build(in: bad.root)
        #expect(built.status == 1)
        #expect(!bad.exists("Output/site"), "a failed build writes no site")
    }

    @Test func builtLessonShowsWorkedExampleAndExercise() throws {
        let fixture = try Fixture(["course.yml": "title: T\n", "01-directional.md": Self.lesson.replacingOccurrences(of: "ANSWER", with: "-2")])
        let outcome = try CourseGenProcess.build(in: fixture.root)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let html = try fixture.read("Output/site/directional.html")
        #expect(html.contains("<div class=\"calc-example\">"))
        #expect(html.contains("<div class=\"calc-exercise\" id=\"ex-dir-1\">"))
        #expect(html.contains("<strong>Exercise 1.1</strong>"))
        #expect(html.contains("<a class=\"reference\" href=\"#ex-dir-1\">Exercise 1.1</a>"))
        #expect(html.contains("<summary>Answer and worked solution</summary>"))
        #expect(html.contains("<li><a href=\"#ex-dir-1\">Exercise 1.1</a></li>"))
        #expect(!html.contains("<pre><code class=\"language-calc"), "calc blocks are not shown as code")
    }
}
