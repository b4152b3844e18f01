import Foundation

/// Runs latexmk on the documents of `<output>/latex/` and reads TeX's errors out of the logs.
public struct LaTeXCompiler: Sendable {
    /// The folder holding the `.tex` files; PDFs are written next to them.
    public var folder: URL
    /// How the folder is named in messages (`Output/latex`).
    public var displayPath: String

    public init(folder: URL, displayPath: String) {
        self.folder = folder; self.displayPath = displayPath
    }

    /// What compiling one document gave.
    public struct Outcome: Sendable {
        public var document: String
        public var succeeded: Bool
        /// TeX's `!` messages with the source line each names, as `file:line: message`.
        public var errors: [String]
        /// Undefined references or missing characters, which do not stop TeX.
        public var problems: [String]
    }

    /// latexmk on the PATH, or nil.
    public static func latexmk() -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent("latexmk")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    /// Compiles every document (two at a time), in the given order.
    public func compile(_ documents: [String], latexmk: URL) -> [Outcome] {
        documents.parallelMap { compile($0, latexmk: latexmk) }
    }

    public func compile(_ document: String, latexmk: URL) -> Outcome {
        let process = Process()
        process.executableURL = latexmk
        process.arguments = ["-pdf", "-interaction=nonstopmode", "-halt-on-error", document]
        process.currentDirectoryURL = folder
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
            process.waitUntilExit()
        } catch {
            return Outcome(document: document, succeeded: false, errors: ["cannot run latexmk: \(error)"], problems: [])
        }
        let stem = document.hasSuffix(".tex") ? String(document.dropLast(4)) : document
        let log = (try? String(contentsOf: folder.appendingPathComponent(stem + ".log"), encoding: .utf8))
            ?? String(decoding: (try? Data(contentsOf: folder.appendingPathComponent(stem + ".log"))) ?? Data(), as: UTF8.self)
        let report = LaTeXLog(log, file: displayPath + "/" + document)
        return Outcome(document: document, succeeded: process.terminationStatus == 0 && report.errors.isEmpty,
                       errors: report.errors, problems: report.problems)
    }
}

/// The few lines of a TeX log a person needs: each `!` error with the line it names, and
/// undefined references and missing characters.
public struct LaTeXLog: Sendable {
    public var errors: [String] = []
    public var problems: [String] = []

    public init(_ log: String, file: String) {
        let lines = log.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var index = 0
        while index < lines.count {
            let line = lines[index]
            if line.hasPrefix("! ") && !line.hasPrefix("! ==> Fatal error") && !line.hasPrefix("!  ==>") {
                // The `l.<n> text` line follows within a few lines and names where TeX stopped.
                var location = file
                var context = ""
                for later in lines[(index + 1)..<min(lines.count, index + 12)] where later.hasPrefix("l.") {
                    let digits = later.dropFirst(2).prefix { $0.isNumber }
                    location += ":" + digits
                    context = later.dropFirst(2 + digits.count).trimmingCharacters(in: .whitespaces)
                    break
                }
                errors.append(location + ": " + line.dropFirst(2) + (context.isEmpty ? "" : " (at '" + context + "')"))
            } else if line.contains("Missing character:") {
                problems.append(file + ": " + line)
            } else if line.contains("undefined") && (line.contains("Reference") || line.contains("There were undefined")) {
                problems.append(file + ": " + line.trimmingCharacters(in: .whitespaces))
            }
            index += 1
        }
    }
}
