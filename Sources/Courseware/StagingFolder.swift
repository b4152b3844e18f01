import Foundation

/// The folder a build writes into before it becomes the output. Every path is given as
/// components that are checked one by one, so nothing can be written outside it.
public struct StagingFolder: Sendable {
    public let url: URL

    /// Whether a name may be one component of an output path: not empty, not `.` or `..`,
    /// no `/`, `\` or NUL.
    public static func isSafeComponent(_ name: String) -> Bool {
        !name.isEmpty && name != "." && name != ".."
            && !name.utf8.contains(where: { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "\\") || $0 == 0 })
    }

    func checkedURL(_ components: [String]) throws -> URL {
        guard !components.isEmpty else { throw OutputError(message: "empty output path") }
        var result = url
        for component in components {
            guard StagingFolder.isSafeComponent(component) else {
                throw OutputError(message: "refusing to write '\(components.joined(separator: "/"))': "
                    + "'\(component)' is not a plain file or folder name")
            }
            result.appendPathComponent(component)
        }
        return result
    }

    /// Creates a folder (and its parents) inside the staging folder.
    public func makeFolder(_ components: [String]) throws {
        try FileManager.default.createDirectory(at: checkedURL(components), withIntermediateDirectories: true)
    }

    /// Writes text as UTF-8; the folder must exist.
    public func write(_ text: String, to components: [String]) throws {
        try write(Data(text.utf8), to: components)
    }

    public func write(_ data: Data, to components: [String]) throws {
        let target = try checkedURL(components)
        do {
            try data.write(to: target)
        } catch {
            throw OutputError(message: "cannot write '\(components.joined(separator: "/"))': \(error.localizedDescription)")
        }
    }

    /// Copies a file's content (following symbolic links, as Debian's KaTeX fonts are links).
    public func copy(_ source: URL, to components: [String]) throws {
        let data: Data
        do {
            data = try Data(contentsOf: source.resolvingSymlinksInPath())
        } catch {
            throw OutputError(message: "cannot read '\(source.path)': \(error.localizedDescription)")
        }
        try write(data, to: components)
    }
}
