import Foundation
import MarkdownSyntax
import Mustache

/// The HTML templates of a build, compiled once from `<templates>/html/*.mustache`.
public struct SiteTemplates: Sendable {
    /// The templates the site needs; the others in the folder are partials.
    public static let required = ["index", "lesson", "callout", "equation", "course-nav", "course-nav-item"]

    let library: MustacheLibrary
    /// A hash of every template's name and text: part of the key of a reused page.
    var digest = ""

    /// Compiles every `.mustache` file in `folder`; problems become diagnostics that name
    /// the template file and position.
    static func load(folder: URL, displayPath: String) -> (SiteTemplates?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
                .filter { $0.hasSuffix(".mustache") && !$0.hasPrefix(".") }.sorted()
        } catch {
            let file = SourceFile(displayPath: displayPath, text: "")
            return (nil, [file.fileDiagnostic(.error, "templates folder not found (expected the HTML templates in \(displayPath)/)")])
        }
        var library = MustacheLibrary()
        var sources = ""
        for name in names {
            let file = SourceFile(displayPath: displayPath + "/" + name, text: "")
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path),
                  let text = String(data: data, encoding: .utf8) else {
                diagnostics.append(file.fileDiagnostic(.error, "cannot read template (it must be UTF-8 text)"))
                continue
            }
            let source = SourceFile(displayPath: displayPath + "/" + name, text: text)
            sources += name + "\u{0}" + text + "\u{0}"
            do {
                library.register(try MustacheTemplate(string: text), named: String(name.dropLast(".mustache".count)))
            } catch let error as MustacheTemplate.ParserError {
                let line = error.context.lineNumber
                let column = source.byteColumn(line: line, scalarColumn: error.context.columnNumber)
                diagnostics.append(source.diagnostic(.error, at: SourceLocation(line: line, column: column),
                                                     "invalid template: \(SiteTemplates.explain(error.error))"))
            } catch {
                diagnostics.append(source.fileDiagnostic(.error, "invalid template: \(error)"))
            }
        }
        for name in required where library.getTemplate(named: name) == nil && !names.contains(name + ".mustache") {
            diagnostics.append(SourceFile(displayPath: displayPath + "/" + name + ".mustache", text: "")
                .fileDiagnostic(.error, "missing template '\(name).mustache'"))
        }
        guard diagnostics.isEmpty else { return (nil, diagnostics) }
        var templates = SiteTemplates(library: library)
        templates.digest = CalcCache.digest(sources)
        return (templates, [])
    }

    /// Mustache's parser errors in words.
    static func explain(_ error: Error) -> String {
        switch String(describing: error) {
        case "expectedSectionEnd": "a section is never closed (a {{/name}} is missing)"
        case "sectionCloseNameIncorrect": "a section is closed with another name than it was opened with"
        case "unfinishedName": "a tag is not finished (missing }})"
        case "invalidSetDelimiter": "invalid delimiter change"
        case let other: other
        }
    }

    /// Renders a model with a named template (which exists: `load` checked it).
    func render(_ model: Any, with name: String) -> String {
        library.render(model, withTemplate: name) ?? ""
    }
}
