import Foundation
import MarkdownSyntax

/// The files a site needs besides its pages: the theme (`<templates>/assets/*`, copied to
/// `site/assets/`) and KaTeX (copied to `site/katex/`, so math works offline).
struct SiteAssets: Sendable {
    /// (source, path inside the site) for every file to copy, in a fixed order.
    var files: [(source: URL, target: [String])]

    static let katexFiles = ["katex.min.js", "katex.min.css"]

    /// Lists the files; a missing KaTeX or an unsafe asset name is a diagnostic.
    static func find(templates: URL, templatesDisplay: String, katex: URL) -> (SiteAssets, [Diagnostic]) {
        var files: [(source: URL, target: [String])] = []
        var diagnostics: [Diagnostic] = []
        let manager = FileManager.default

        let assets = templates.appendingPathComponent("assets", isDirectory: true)
        for name in ((try? manager.contentsOfDirectory(atPath: assets.path)) ?? []).sorted() where !name.hasPrefix(".") {
            let source = assets.appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: source.path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            guard StagingFolder.isSafeComponent(name) else {
                diagnostics.append(SourceFile(displayPath: "\(templatesDisplay)/assets/\(name)", text: "")
                    .fileDiagnostic(.error, "asset names may not contain '/' or be '..'"))
                continue
            }
            files.append((source, ["site", "assets", name]))
        }

        let katexMissing = SourceFile(displayPath: katex.path, text: "")
        for name in katexFiles {
            let source = katex.appendingPathComponent(name)
            if manager.fileExists(atPath: source.path) {
                files.append((source, ["site", "katex", name]))
            } else {
                diagnostics.append(katexMissing.fileDiagnostic(.error,
                    "KaTeX not found (no \(name)); install Debian's libjs-katex"))
            }
        }
        let fonts = katex.appendingPathComponent("fonts", isDirectory: true)
        let fontNames = ((try? manager.contentsOfDirectory(atPath: fonts.resolvingSymlinksInPath().path)) ?? [])
            .filter { !$0.hasPrefix(".") && StagingFolder.isSafeComponent($0) }.sorted()
        if fontNames.isEmpty {
            diagnostics.append(katexMissing.fileDiagnostic(.error, "KaTeX fonts not found in fonts/; install Debian's libjs-katex"))
        }
        for name in fontNames {
            files.append((fonts.appendingPathComponent(name), ["site", "katex", "fonts", name]))
        }
        return (SiteAssets(files: files), diagnostics)
    }
}
