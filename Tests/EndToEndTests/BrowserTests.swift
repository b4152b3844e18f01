import Foundation
import Testing

/// The sample course in a real browser: headless Chromium opens every page, KaTeX renders
/// every math element, and nothing is logged to the console.
@Suite(.serialized) struct BrowserTests {
    /// Chromium with a private profile, so parallel runs do not share a lock.
    func chromium(_ arguments: [String]) throws -> ExternalTool.Outcome {
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("coursegen-chromium-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        return try ExternalTool.run("chromium", [
            "--headless", "--disable-gpu", "--no-sandbox", "--no-first-run", "--hide-scrollbars",
            "--user-data-dir=\(profile.path)", "--enable-logging=stderr", "--v=0",
            "--virtual-time-budget=5000",
        ] + arguments)
    }

    static func count(_ needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }

    @Test func everyPageRendersItsMathWithoutConsoleErrors() throws {
        let built = try SampleSite.build()
        defer { try? FileManager.default.removeItem(at: built.output.deletingLastPathComponent()) }
        let pages = built.pages
        #expect(pages.count == 4)
        var mathSeen = 0
        for page in pages {
            let source = try String(contentsOf: page, encoding: .utf8)
            let mathElements = Self.count("class=\"math inline\"", in: source) + Self.count("class=\"math display\"", in: source)
            mathSeen += mathElements

            let outcome = try chromium(["--dump-dom", page.absoluteString])
            #expect(outcome.status == 0, "chromium failed on \(page.lastPathComponent)")
            let dom = outcome.stdout
            #expect(dom.contains("</html>"), "no DOM for \(page.lastPathComponent)")
            // KaTeX puts one `katex` span in every element it renders, and marks failures.
            #expect(Self.count("class=\"katex\"", in: dom) == mathElements, "unrendered math in \(page.lastPathComponent)")
            #expect(!dom.contains("katex-error"), "KaTeX error in \(page.lastPathComponent)")
            let console = outcome.stderr.split(separator: "\n").filter { $0.contains(":CONSOLE") || $0.contains("Uncaught") }
            #expect(console.isEmpty, "console output on \(page.lastPathComponent): \(console)")
        }
        #expect(mathSeen > 40)
    }

    /// Screenshots for a person to look at: light, dark (prefers-color-scheme) and a phone width.
    @Test(arguments: [
        ("lesson-the-gradient.png", "1200,1600", false),
        ("lesson-the-gradient-dark.png", "1200,1600", true),
        ("lesson-the-gradient-narrow.png", "390,1400", false),
    ])
    func screenshotOfALessonPage(name: String, size: String, dark: Bool) throws {
        let built = try SampleSite.build()
        defer { try? FileManager.default.removeItem(at: built.output.deletingLastPathComponent()) }
        let screenshot = SampleSite.artifacts.appendingPathComponent(name)
        try? FileManager.default.removeItem(at: screenshot)
        let outcome = try chromium(["--window-size=\(size)", "--screenshot=\(screenshot.path)"]
                                   + (dark ? ["--force-dark-mode", "--blink-settings=preferredColorScheme=0"] : [])
                                   + [built.site.appendingPathComponent("the-gradient.html").absoluteString])
        #expect(outcome.status == 0)
        let data = try Data(contentsOf: screenshot)
        #expect(data.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        #expect(data.count > 20_000)
    }
}
