import Foundation
import MarkdownSyntax
import Mustache

/// The LaTeX templates of a build, compiled once from `<templates>/latex/*.mustache`.
struct LaTeXTemplates: Sendable {
    static let required = ["preamble", "handout", "exercises", "answers", "course"]

    let library: MustacheLibrary
    /// A hash of every template's name and text: part of the key of reused documents.
    var digest = ""

    /// Compiles every template; problems become diagnostics naming the template file.
    static func load(folder: URL, displayPath: String) -> (LaTeXTemplates?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var library = MustacheLibrary()
        var sources = ""
        for name in required {
            let path = displayPath + "/" + name + ".mustache"
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name + ".mustache").path) else {
                diagnostics.append(SourceFile(displayPath: path, text: "").fileDiagnostic(.error, "missing template '\(name).mustache'"))
                continue
            }
            let text = String(decoding: data, as: UTF8.self)
            let source = SourceFile(displayPath: path, text: text)
            sources += name + "\u{0}" + text + "\u{0}"
            do {
                library.register(try MustacheTemplate(string: text), named: name)
            } catch let error as MustacheTemplate.ParserError {
                let line = error.context.lineNumber
                let column = source.byteColumn(line: line, scalarColumn: error.context.columnNumber)
                diagnostics.append(source.diagnostic(.error, at: SourceLocation(line: line, column: column),
                                                     "invalid template: \(SiteTemplates.explain(error.error))"))
            } catch {
                diagnostics.append(source.fileDiagnostic(.error, "invalid template: \(error)"))
            }
        }
        guard diagnostics.isEmpty else { return (nil, diagnostics) }
        var templates = LaTeXTemplates(library: library)
        templates.digest = CalcCache.digest(sources)
        return (templates, [])
    }

    func render(_ model: Any, with name: String) -> String {
        library.render(model, withTemplate: name) ?? ""
    }
}
