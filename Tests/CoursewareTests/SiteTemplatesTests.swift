import Foundation
import Testing
@testable import Courseware
import MarkdownSyntax

@Suite struct SiteTemplatesTests {
    func folder(with files: [String: String]) throws -> TemporaryFolder {
        let temp = try TemporaryFolder()
        for (name, text) in files { try temp.write(text, to: "html/" + name) }
        return temp
    }

    static let minimal: [String: String] = [
        "index.mustache": "<h1>{{courseTitle}}</h1>", "lesson.mustache": "{{{body}}}",
        "callout.mustache": "{{{bodyHTML}}}", "equation.mustache": "{{tex}}", "course-nav.mustache": "", "course-nav-item.mustache": "",
    ]

    @Test func compilesAFolderOfTemplates() throws {
        let temp = try folder(with: Self.minimal)
        defer { temp.remove() }
        let (templates, diagnostics) = SiteTemplates.load(folder: temp.url.appendingPathComponent("html"), displayPath: "T/html")
        #expect(diagnostics.isEmpty)
        let model = EquationModel(tex: "a < b & 'c'", id: nil, number: nil)
        // Text values are escaped by the template; reading the element's text gives the TeX back.
        #expect(try #require(templates).render(model, with: "equation") == "a &lt; b &amp; &#39;c&#39;")
    }

    @Test func missingTemplateIsReported() throws {
        var files = Self.minimal
        files["callout.mustache"] = nil
        let temp = try folder(with: files)
        defer { temp.remove() }
        let (templates, diagnostics) = SiteTemplates.load(folder: temp.url.appendingPathComponent("html"), displayPath: "T/html")
        #expect(templates == nil)
        #expect(DiagnosticFormatter.format(diagnostics) == "T/html/callout.mustache: error: missing template 'callout.mustache'\n")
    }

    @Test func syntaxErrorIsReportedAtItsPosition() throws {
        var files = Self.minimal
        files["lesson.mustache"] = "<main>\n{{#contents}}\n{{title}}\n</main>\n"
        let temp = try folder(with: files)
        defer { temp.remove() }
        let (templates, diagnostics) = SiteTemplates.load(folder: temp.url.appendingPathComponent("html"), displayPath: "T/html")
        #expect(templates == nil)
        #expect(diagnostics.count == 1)
        #expect(diagnostics[0].file == "T/html/lesson.mustache")
        // The section opened on line 2 is still open at the end of the file.
        #expect(diagnostics[0].location.line == 5)
        #expect(diagnostics[0].message == "invalid template: a section is never closed (a {{/name}} is missing)")
    }

    @Test func missingFolderIsReported() {
        let (templates, diagnostics) = SiteTemplates.load(folder: URL(fileURLWithPath: "/nonexistent/html"), displayPath: "X/html")
        #expect(templates == nil)
        #expect(diagnostics.map(\.message) == ["templates folder not found (expected the HTML templates in X/html/)"])
    }
}
