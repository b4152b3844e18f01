import Foundation
#if canImport(Glibc)
import Glibc
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
import Darwin
private let systemWrite = Darwin.write
#endif

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
        // Plain open/write/close: the staging folder is swapped in as a whole, so per-file
        // atomic writes (a temporary file and an fsync each) would only cost time.
        let descriptor = open(target.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw writeError(components) }
        defer { close(descriptor) }
        let written: Bool = data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let result = systemWrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if result < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += result
            }
            return true
        }
        guard written else { throw writeError(components) }
    }

    private func writeError(_ components: [String]) -> OutputError {
        OutputError(message: "cannot write '\(components.joined(separator: "/"))': \(String(cString: strerror(errno)))")
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
