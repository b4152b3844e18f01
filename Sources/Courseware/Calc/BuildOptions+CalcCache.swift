import Foundation

extension BuildOptions {
    /// `.coursegen-cache/` inside the output folder, where the previous build left it.
    ///
    /// A build reads the previous output's entries and writes the ones it used into the new
    /// output (which then replaces the old one whole), so the cache never grows stale entries
    /// and nothing is written outside the output folder.
    public var calcCacheFolder: URL {
        output.standardizedFileURL.appendingPathComponent(CalcCache.folderName, isDirectory: true)
    }
}
