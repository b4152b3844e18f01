import Foundation
import MarkdownSyntax
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The folder a build replaces, and the rules for replacing it safely.
///
/// A build writes into a fresh staging folder next to the output (`.Output.tmp-XXXXXX`),
/// puts the marker file in it, and swaps it in only after everything succeeded: the old
/// output is renamed away, the new one renamed in, the old one deleted. A build that fails
/// before the swap deletes its staging folder and leaves the old output untouched.
/// coursegen replaces only a folder that holds its marker or is empty.
public struct OutputFolder: Sendable {
    /// The file that marks a folder as coursegen's own output.
    public static let markerName = ".coursegen-output"
    static let markerText = "This folder is written by coursegen; the next build replaces it.\n"

    public let url: URL
    /// The path as the user wrote it, for messages.
    public let displayPath: String

    public init(url: URL, displayPath: String) {
        self.url = url.standardizedFileURL; self.displayPath = displayPath
    }

    /// Why the current folder may not be replaced; nil when it may (absent, empty, or marked).
    public func refusal() -> String? {
        var info = stat()
        guard lstat(url.path, &info) == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFLNK:
            return "refusing to replace '\(displayPath)': it is a symbolic link; choose another --output"
        case S_IFDIR:
            break
        default:
            return "refusing to replace '\(displayPath)': it is a file, not a folder; choose another --output"
        }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        if entries.isEmpty || entries.contains(OutputFolder.markerName) { return nil }
        return "refusing to replace '\(displayPath)': it is not empty and was not written by coursegen "
            + "(it has no \(OutputFolder.markerName) file); empty it or choose another --output"
    }

    /// The output of the previous build, when the folder is coursegen's: a build may take
    /// files from it unchanged (see `StagingFolder`, `ReusePlan`).
    public var previousBuild: URL? {
        guard refusal() == nil, FileManager.default.fileExists(atPath: url.appendingPathComponent(OutputFolder.markerName).path)
        else { return nil }
        return url
    }

    /// A new, empty staging folder next to the output, holding the marker already.
    public func makeStaging() throws -> StagingFolder {
        let parent = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            // Name the file in the way when there is one; that is the usual cause.
            var ancestor = parent
            while ancestor.path != "/" {
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: ancestor.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                    throw OutputError(message: "cannot create a folder for '\(displayPath)': '\(ancestor.path)' is a file")
                }
                ancestor = ancestor.deletingLastPathComponent()
            }
            throw OutputError(message: "cannot create a folder for '\(displayPath)': \(error.localizedDescription)")
        }
        let staging = try OutputFolder.makeUniqueDirectory(in: parent, prefix: ".\(url.lastPathComponent).tmp-")
        let folder = StagingFolder(url: staging, previous: previousBuild)
        try folder.write(OutputFolder.markerText, to: [OutputFolder.markerName])
        return folder
    }

    /// Puts the staging folder in place of the output. The previous output is removed only
    /// after the new one is in place; if the swap fails half-way, the old one is put back.
    public func commit(_ staging: StagingFolder) throws {
        if let reason = refusal() { throw OutputError(message: reason) }
        let parent = url.deletingLastPathComponent()
        var info = stat()
        let exists = lstat(url.path, &info) == 0
        var retired: URL?
        if exists {
            // rename(2) may replace an empty folder, so a fresh empty folder is a safe,
            // unique name to move the old output to.
            let old = try OutputFolder.makeUniqueDirectory(in: parent, prefix: ".\(url.lastPathComponent).old-")
            guard rename(url.path, old.path) == 0 else {
                let reason = String(cString: strerror(errno))
                rmdir(old.path)
                throw OutputError(message: "cannot move the previous '\(displayPath)' aside: \(reason)")
            }
            retired = old
        }
        guard rename(staging.url.path, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            if let retired { rename(retired.path, url.path) }
            throw OutputError(message: "cannot move the new build into '\(displayPath)': \(reason)")
        }
        if let retired { try? FileManager.default.removeItem(at: retired) }
    }

    /// Deletes a staging folder after a failed build.
    public func discard(_ staging: StagingFolder) {
        try? FileManager.default.removeItem(at: staging.url)
    }

    static func makeUniqueDirectory(in parent: URL, prefix: String) throws -> URL {
        var template = Array((parent.path + "/" + prefix + "XXXXXX").utf8CString)
        let made = template.withUnsafeMutableBufferPointer { buffer in mkdtemp(buffer.baseAddress!) }
        guard made != nil else {
            throw OutputError(message: "cannot create a folder in '\(parent.path)': \(String(cString: strerror(errno)))")
        }
        let path = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        // mkdtemp makes the folder private; a site is meant to be read by others.
        chmod(path, 0o755)
        return URL(fileURLWithPath: path, isDirectory: true)
    }
}

/// A problem writing the output, with a message for the user.
public struct OutputError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
