import Foundation

/// Where a build reads and writes. Display paths are the paths as the user wrote them,
/// used in every message.
public struct BuildOptions: Sendable {
    public var content: URL
    public var contentDisplay: String
    public var templates: URL
    public var templatesDisplay: String
    public var output: URL
    public var outputDisplay: String
    /// Debian's libjs-katex, copied into the site so it works offline.
    public var katex: URL
    /// Reuse the HTML of calc blocks evaluated by earlier builds (`--no-cache` turns it off).
    public var useCache = true
    /// Leave the course, pages and documents allocated when the build returns, for a
    /// process that exits right after: freeing hundreds of lesson trees one node at a time
    /// is work the operating system does at once on exit. Off for library users and tests.
    public var leaveAllocatedForExit = false
    /// Carry over what latexmk made of a kept LaTeX document (its PDF, .aux, .log,
    /// .fdb_latexmk, ...), so that `--pdf` finds it up to date instead of compiling it
    /// again. latexmk still checks every input by its checksum. Set by `build --pdf`.
    public var keepCompiledLaTeX = false

    public static let defaultKaTeX = URL(fileURLWithPath: "/usr/share/javascript/katex", isDirectory: true)

    /// Paths relative to the current directory, as given on the command line.
    public init(content: String = "Content", templates: String = "Templates", output: String = "Output",
                katex: URL = BuildOptions.defaultKaTeX) {
        self.content = URL(fileURLWithPath: content, isDirectory: true)
        self.contentDisplay = BuildOptions.display(content)
        self.templates = URL(fileURLWithPath: templates, isDirectory: true)
        self.templatesDisplay = BuildOptions.display(templates)
        self.output = URL(fileURLWithPath: output, isDirectory: true)
        self.outputDisplay = BuildOptions.display(output)
        self.katex = katex
    }

    /// A path without trailing slashes, so `Content/` names files as `Content/01-x.md`.
    public static func display(_ path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        return String(trimmed)
    }
}
