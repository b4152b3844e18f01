import Foundation

extension BuildOptions {
    /// `.coursegen-cache/` next to the output folder: outside it, because a build replaces
    /// the output folder as a whole.
    public var calcCacheFolder: URL {
        output.standardizedFileURL.deletingLastPathComponent().appendingPathComponent(".coursegen-cache", isDirectory: true)
    }
}
