import Foundation
import Testing

/// A lesson with a worked example, an exercise and a figure in headless Chromium: KaTeX
/// renders every derivation (also those inside closed `<details>`), the SVG figure is on
/// the page, nothing is logged to the console. Leaves a screenshot for a person to look at.
@Suite(.serialized) struct CalcBrowserTests {
    static let lesson = """
        ---
        title: Calc in the browser
        ---

        ## Worked example

        ```calc
        f(x, y) = x^2 y + sin(y)
        gradient at (1, 0)
        directional at (1, 2) toward (3, 4) approx
        hessian
        descent from (1, 1) rate 0.1 steps 12
        ```

        See @ex-dir and @fig-bowl.

        ```calc exercise {#ex-dir}
        f(x, y) = x^2 - y^2
        ask directional at (1, 2) toward (3, 4)
        answer -2
        ask classify at (0, 0)
        answer saddle
        hint Normalize the direction first.
        ```

        ```calc plot {#fig-bowl}
        f(x, y) = x^2 + 2 y^2
        contour x in [-3, 3], y in [-3, 3] levels 12
        field 13
        descent from (2.6, 2.2) rate 0.1 steps 25
        mark (0, 0) "minimum"
        caption Level sets of $f$, its gradient field, and a gradient-descent path.
        ```
        """

    func chromium(_ arguments: [String]) throws -> ExternalTool.Outcome {
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("coursegen-chromium-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        return try ExternalTool.run("chromium", [
            "--headless", "--disable-gpu", "--no-sandbox", "--no-first-run", "--hide-scrollbars",
            "--user-data-dir=\(profile.path)", "--enable-logging=stderr", "--v=0", "--virtual-time-budget=5000",
        ] + arguments)
    }

    static func count(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

    @Test func calcLessonRendersInChromium() throws {
        let fixture = try Fixture(["course.yml": "title: T\n", "01-calc.md": Self.lesson])
        let built = try CourseGenProcess.build(in: fixture.root)
        #expect(built.status == 0, "\(built.stderr)")
        let page = fixture.root.appendingPathComponent("Output/site/calc.html")
        let source = try String(contentsOf: page, encoding: .utf8)
        let math = Self.count("class=\"math inline\"", in: source) + Self.count("class=\"math display\"", in: source)
        #expect(math > 20)

        let outcome = try chromium(["--dump-dom", page.absoluteString])
        #expect(outcome.status == 0)
        let dom = outcome.stdout
        #expect(Self.count("class=\"katex\"", in: dom) == math, "every math element rendered")
        #expect(!dom.contains("katex-error"))
        #expect(dom.contains("<figure class=\"calc-figure\" id=\"fig-bowl\">"))
        #expect(dom.contains("<svg"))
        let console = outcome.stderr.split(separator: "\n").filter { $0.contains(":CONSOLE") || $0.contains("Uncaught") }
        #expect(console.isEmpty, "\(console)")

        let folder = CourseGenProcess.packageRoot.appendingPathComponent("TestArtifacts/CalcBrowser", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let screenshot = folder.appendingPathComponent("calc-lesson.png")
        try? FileManager.default.removeItem(at: screenshot)
        let shot = try chromium(["--window-size=1100,2400", "--screenshot=\(screenshot.path)", page.absoluteString])
        #expect(shot.status == 0)
        let data = try Data(contentsOf: screenshot)
        #expect(data.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        #expect(data.count > 20_000)
    }
}
