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
///
/// When the output being replaced is coursegen's own, a file whose bytes are unchanged is
/// hard-linked from it instead of written again: the previous output is only read, never
/// changed, so a failed build still leaves it as it was, and a rebuild of an unchanged
/// course allocates almost no new files.
public struct StagingFolder: Sendable {
    public let url: URL
    /// The output this build replaces, when it is coursegen's own.
    public let previous: URL?

    public init(url: URL, previous: URL? = nil) {
        self.url = url; self.previous = previous
        root = StagingFolder.trimmed(url.path)
        previousRoot = previous.map { StagingFolder.trimmed($0.path) }
    }

    /// Whether a name may be one component of an output path: not empty, not `.` or `..`,
    /// no `/`, `\` or NUL.
    public static func isSafeComponent(_ name: String) -> Bool {
        !name.isEmpty && name != "." && name != ".."
            && !name.utf8.contains(where: { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "\\") || $0 == 0 })
    }

    /// The path of `components` inside the staging folder, each checked to be a plain name.
    /// Paths are joined as text: thousands of files per build made `URL` a tenth of it.
    func checkedPath(_ components: [String]) throws -> String {
        guard !components.isEmpty else { throw OutputError(message: "empty output path") }
        for component in components where !StagingFolder.isSafeComponent(component) {
            throw OutputError(message: "refusing to write '\(components.joined(separator: "/"))': "
                + "'\(component)' is not a plain file or folder name")
        }
        return root + "/" + components.joined(separator: "/")
    }

    /// The staging folder's path, and the previous output's, without a trailing slash.
    private let root: String
    private let previousRoot: String?

    private static func trimmed(_ path: String) -> String {
        path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
    }

    /// Creates a folder (and its parents) inside the staging folder.
    public func makeFolder(_ components: [String]) throws {
        try FileManager.default.createDirectory(atPath: checkedPath(components), withIntermediateDirectories: true)
    }

    /// Writes text as UTF-8; the folder must exist. The string's own bytes are written,
    /// without copying them into a `Data` first.
    public func write(_ text: String, to components: [String]) throws {
        var text = text
        try text.withUTF8 { buffer in try write(UnsafeRawBufferPointer(buffer), to: components) }
    }

    public func write(_ data: Data, to components: [String]) throws {
        try data.withUnsafeBytes { buffer in try write(buffer, to: components) }
    }

    private func write(_ buffer: UnsafeRawBufferPointer, to components: [String]) throws {
        let target = try checkedPath(components)
        if reuse(buffer, at: components, for: target) { return }
        // Plain open/write/close: the staging folder is swapped in as a whole, so per-file
        // atomic writes (a temporary file and an fsync each) would only cost time.
        let descriptor = open(target, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw writeError(components) }
        defer { close(descriptor) }
        var offset = 0
        while offset < buffer.count {
            let result = systemWrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            if result < 0 {
                if errno == EINTR { continue }
                throw writeError(components)
            }
            offset += result
        }
    }

    /// Hard-links the previous output's file at the same place when it is a regular file
    /// with exactly these bytes; false when there is none or linking is not possible (for
    /// example across file systems).
    private func reuse(_ buffer: UnsafeRawBufferPointer, at components: [String], for target: String) -> Bool {
        guard let previousRoot else { return false }
        let old = previousRoot + "/" + components.joined(separator: "/")
        var info = stat()
        guard lstat(old, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == buffer.count,
              let existing = FileManager.default.contents(atPath: old),
              existing.withUnsafeBytes({ buffer.count == 0 || memcmp($0.baseAddress!, buffer.baseAddress!, buffer.count) == 0 })
        else { return false }
        return link(old, target) == 0
    }

    /// Takes the previous output's file at the same place as it is, without reading it:
    /// for files a `ReusePlan` knows to be unchanged. A hard link where possible, else a
    /// copy. `required`: a missing file is an error (else it is skipped).
    public func keepPrevious(_ components: [String], required: Bool = true) throws {
        let target = try checkedPath(components)
        guard let previousRoot else {
            if required { throw OutputError(message: "cannot keep '\(components.joined(separator: "/"))': there is no previous output") }
            return
        }
        let old = previousRoot + "/" + components.joined(separator: "/")
        if link(old, target) == 0 { return }
        guard let data = FileManager.default.contents(atPath: old) else {
            if required { throw OutputError(message: "cannot keep '\(components.joined(separator: "/"))' of the previous output: it is gone") }
            return
        }
        try write(data, to: components)
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
