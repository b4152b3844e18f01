import Foundation
import Testing

/// The HTML of calc blocks in a built lesson, compared byte for byte with reviewed files in
/// `Golden/Calc/`. `COURSEGEN_RECORD=1` rewrites them and fails, so a person reviews them.
struct CalcGoldenTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var block: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "gradient-directional", block: """
            ```calc
            f(x, y) = x^2 y + sin(y)
            gradient at (1, 0)
            directional at (1, 2) toward (3, 4) approx
            ```
            """),
        Case(name: "hessian-classify", block: """
            ```calc
            f(x, y) = x^3 - 3 x + y^2
            hessian
            classify at (1, 0)
            ```
            """),
        Case(name: "descent-check", block: """
            ```calc
            f(x, y) = x^2 + 2 y^2
            descent from (2, 1) rate 0.1 steps 20
            check at (1, 1)
            ```
            """),
        Case(name: "jacobian-chain-limit", block: """
            ```calc
            F(x, y) = (x^2 y, 5x + sin(y))
            g(x, y) = x y / (x^2 + y^2) if (x, y) != (0, 0) else 0
            jacobian at (1, 0)
            limit of g at (0, 0) along y = 2 x
            definition partial x of g at (0, 0)
            ```
            """),
        Case(name: "exercise", block: """
            ```calc exercise {#ex-dir-1}
            f(x, y) = x^2 - y^2
            ask directional at (1, 2) toward (3, 4)
            answer -2
            ask tangent plane at (1, 2)
            answer z = 2x - 4y + 3
            hint Normalize the direction first.
            ```
            """),
    ]

    static let goldenFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Golden/Calc", isDirectory: true)

    @Test(arguments: cases)
    func lessonBody(_ c: Case) throws {
        let lesson = "---\ntitle: Golden\n---\n\n" + c.block + "\n"
        let fixture = try Fixture(["course.yml": "title: T\n", "01-golden.md": lesson])
        let outcome = try CourseGenProcess.build(in: fixture.root)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let page = try fixture.read("Output/site/golden.html")
        guard let start = page.range(of: "<div class=\"lesson-body\">\n"),
              let end = page.range(of: "</div>\n</article>", range: start.upperBound..<page.endIndex) else {
            Issue.record("no lesson body in the page")
            return
        }
        let body = String(page[start.upperBound..<end.lowerBound])
        let golden = Self.goldenFolder.appendingPathComponent(c.name + ".html")
        if ProcessInfo.processInfo.environment["COURSEGEN_RECORD"] == "1" {
            try FileManager.default.createDirectory(at: Self.goldenFolder, withIntermediateDirectories: true)
            try Data(body.utf8).write(to: golden)
            Issue.record("recorded \(golden.lastPathComponent), review it")
            return
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        #expect(body == expected, "differs from \(golden.path); rerun with COURSEGEN_RECORD=1 to re-record")
    }
}
