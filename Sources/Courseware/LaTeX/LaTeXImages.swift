import Foundation
import MarkdownSyntax

/// The Markdown images of a course as the LaTeX documents include them: each image file
/// referenced by a relative path inside the content folder is copied into
/// `latex/images/`, and the documents name that copy in `\includegraphics`.
///
/// pdflatex reads PNG, JPEG and PDF, which are copied as they are. SVG, which it cannot
/// read, is converted to PDF with `rsvg-convert` (librsvg2-bin) during the build. Every
/// other image stays a framed box naming the file, with a warning at the image: remote or
/// absolute addresses, paths leaving the content folder, missing files, other formats,
/// and SVG when `rsvg-convert` is not installed.
struct LaTeXImages: Sendable {
    /// One image file to write into the output.
    struct File: Sendable {
        /// Where it goes, as components below the output folder (`latex`, `images`, ...).
        var target: [String]
        var data: Data
    }

    /// Image source as written in Markdown -> its path for `\includegraphics`, relative to `latex/`.
    var included: [String: String] = [:]
    /// The files to write, sorted by target.
    var files: [File] = []
    var diagnostics: [Diagnostic] = []

    /// A hash of `included` (which image goes where): the LaTeX of lessons names the copies.
    var digest: String {
        CalcCache.digest(included.keys.sorted().map { $0 + "\u{0}" + included[$0]! }.joined(separator: "\u{0}"))
    }

    /// The extensions pdflatex includes as they are.
    static let copiedExtensions: Set<String> = ["png", "jpg", "jpeg", "pdf"]
    /// The environment of `rsvg-convert`: a fixed creation date, so its PDF is the same every build.
    static let converterEnvironment = ["SOURCE_DATE_EPOCH": "0"]

    /// Finds the images of every lesson and reads (or converts) their files.
    /// `converter` is `rsvg-convert`, or nil when it is not installed.
    static func collect(_ lessons: [Lesson], contentFolder: URL,
                        converter: URL? = LaTeXImages.executable("rsvg-convert")) -> LaTeXImages {
        var result = LaTeXImages()
        // Relative path inside the content folder -> its file name under `images/`, one per path.
        var targets: [String: String] = [:]
        var taken: Set<String> = []
        let root = contentFolder.standardizedFileURL.resolvingSymlinksInPath()
        for lesson in lessons {
            for image in LaTeXImages.images(in: lesson) where result.included[image.source] == nil {
                let problem: String
                switch LaTeXImages.relativePath(image.source) {
                case .failure(let reason):
                    problem = reason.message
                case .success(let components):
                    let relative = components.joined(separator: "/")
                    if let name = targets[relative] {
                        result.included[image.source] = "images/" + name
                        continue
                    }
                    let file = components.reduce(root) { $0.appendingPathComponent($1) }
                    let extensionName = (components.last.map { ($0 as NSString).pathExtension } ?? "").lowercased()
                    let resolved = file.resolvingSymlinksInPath()
                    var isFolder: ObjCBool = false
                    if !resolved.path.hasPrefix(root.path + "/") {
                        problem = "image '\(image.source)' leads outside the content folder"
                    } else if !FileManager.default.fileExists(atPath: resolved.path, isDirectory: &isFolder) || isFolder.boolValue {
                        problem = "image file '\(relative)' not found in the content folder"
                    } else if copiedExtensions.contains(extensionName) || extensionName == "svg" {
                        var data: Data?
                        var reason = ""
                        if extensionName == "svg" {
                            if let converter {
                                (data, reason) = convert(resolved, with: converter)
                            } else {
                                reason = "rsvg-convert (Debian package librsvg2-bin) is not installed, so the SVG cannot be converted for pdflatex"
                            }
                        } else {
                            data = FileManager.default.contents(atPath: resolved.path)
                            if data == nil { reason = "cannot read it" }
                        }
                        if let data {
                            let name = uniqueName(components, pdf: extensionName == "svg", taken: &taken)
                            targets[relative] = name
                            result.included[image.source] = "images/" + name
                            result.files.append(File(target: ["latex", "images"] + name.split(separator: "/").map(String.init),
                                                     data: data))
                            continue
                        }
                        problem = "image '\(relative)' is not in the LaTeX: " + reason
                    } else {
                        problem = "pdflatex cannot include '.\(extensionName)' images (only PNG, JPEG, PDF and SVG): '\(relative)' is shown as a box naming it"
                    }
                }
                result.diagnostics.append(lesson.source.diagnostic(.warning, at: image.location,
                                                                   length: max(1, image.source.utf8.count), problem))
            }
        }
        result.files.sort { $0.target.lexicographicallyPrecedes($1.target) }
        return result
    }

    /// An image and where its address is written.
    struct Occurrence {
        var source: String
        var location: SourceLocation
    }

    /// Whether `text` has `![` somewhere.
    static func mayHaveImages(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard var at = bytes.baseAddress, bytes.count > 1 else { return false }
            let end = at + bytes.count
            // memchr to each `!`, then a look at the byte after it.
            while let found = memchr(at, Int32(UInt8(ascii: "!")), end - at) {
                let bang = found.assumingMemoryBound(to: UInt8.self)
                if bang + 1 < end, bang[1] == UInt8(ascii: "[") { return true }
                at = UnsafePointer(bang) + 1
            }
            return false
        }
    }

    /// The images of a lesson in reading order, each located at its address in the file
    /// (at its block's start when the address is not written as parsed, e.g. with escapes).
    static func images(in lesson: Lesson) -> [Occurrence] {
        // Every Markdown image is written `![`: a lesson without one has none to walk for.
        guard LaTeXImages.mayHaveImages(lesson.source.text) else { return [] }
        var found: [Occurrence] = []
        func inlines(_ list: [Inline], in range: SourceRange) {
            for inline in list {
                switch inline {
                case .image(let source, _, let children):
                    found.append(Occurrence(source: source, location: locate(source, in: range, of: lesson)))
                    inlines(children, in: range)
                case .emphasis(let children), .strong(let children), .link(_, _, let children):
                    inlines(children, in: range)
                case .text, .softBreak, .lineBreak, .code, .html, .math, .reference:
                    break
                }
            }
        }
        func blocks(_ list: [Block]) {
            for block in list {
                switch block {
                case .paragraph(let content, let range), .heading(_, let content, _, let range):
                    inlines(content, in: range)
                case .blockQuote(let children, _):
                    blocks(children)
                case .callout(let callout):
                    inlines(callout.title, in: callout.range)
                    blocks(callout.body)
                case .list(let list):
                    for item in list.items { blocks(item) }
                case .code, .html, .thematicBreak, .displayMath:
                    break
                }
            }
        }
        blocks(lesson.document.blocks)
        return found
    }

    /// Where `source` is first written within `range`; the range's start when it is not found.
    static func locate(_ source: String, in range: SourceRange, of lesson: Lesson) -> SourceLocation {
        guard !source.isEmpty, range.start.line >= 1 else { return range.start }
        for number in range.start.line...max(range.start.line, range.end.line) {
            let line = lesson.source.line(number)
            if let found = line.utf8.firstRange(of: Array(("(" + source).utf8)) {
                return SourceLocation(line: number, column: line.utf8.distance(from: line.utf8.startIndex, to: found.lowerBound) + 2)
            }
        }
        return range.start
    }

    /// The path components of an image address inside the content folder, or why it is not one.
    static func relativePath(_ source: String) -> Result<[String], Reason> {
        var path = Substring(source)
        if let end = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = path[..<end] }
        if path.isEmpty || path.hasSuffix("/") { return .failure(Reason("an image without a file name is not in the LaTeX")) }
        if let colon = path.firstIndex(of: ":"), !path[..<colon].contains("/") {
            return .failure(Reason("remote image '\(source)' is not in the LaTeX: only files in the content folder are copied"))
        }
        if path.hasPrefix("/") {
            return .failure(Reason("image '\(source)' has an absolute path: only paths relative to the content folder are copied"))
        }
        let decoded = String(path).removingPercentEncoding ?? String(path)
        var components: [String] = []
        for part in decoded.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..":
                if components.isEmpty { return .failure(Reason("image '\(source)' leads outside the content folder")) }
                components.removeLast()
            default:
                guard StagingFolder.isSafeComponent(String(part)) else {
                    return .failure(Reason("image '\(source)' is not a plain relative path"))
                }
                components.append(String(part))
            }
        }
        if components.isEmpty { return .failure(Reason("an image without a file name is not in the LaTeX")) }
        return .success(components)
    }

    /// Why an image is not included.
    struct Reason: Error {
        var message: String
        init(_ message: String) { self.message = message }
    }

    /// A name under `images/` that LaTeX reads without trouble: letters, digits, `-` and
    /// `_` in each folder and file name, one dot before a lower-case extension; `-2`, `-3`
    /// ... when two paths would meet.
    static func uniqueName(_ components: [String], pdf: Bool, taken: inout Set<String>) -> String {
        func clean(_ text: String) -> String {
            let kept = String(text.unicodeScalars.map { scalar -> Character in
                scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || scalar == "-" || scalar == "_")
                    ? Character(scalar) : "-"
            })
            return kept.isEmpty ? "image" : kept
        }
        let file = components.last ?? "image"
        let stem = clean((file as NSString).deletingPathExtension)
        let extensionName = pdf ? "pdf" : (file as NSString).pathExtension.lowercased()
        let folders = components.dropLast().map(clean)
        let base = (folders + [stem]).joined(separator: "/")
        var name = base + "." + extensionName
        var counter = 2
        while taken.contains(name) {
            name = base + "-\(counter)." + extensionName
            counter += 1
        }
        taken.insert(name)
        return name
    }

    /// An SVG file as PDF, through `rsvg-convert`; nil and the reason when it fails.
    static func convert(_ svg: URL, with converter: URL) -> (Data?, String) {
        let process = Process()
        process.executableURL = converter
        process.arguments = ["--format=pdf", svg.path]
        process.environment = converterEnvironment
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return (nil, "cannot run rsvg-convert: \(error)")
        }
        // The converter's messages are a line or two, far below a pipe's buffer, so reading
        // the PDF to its end first cannot block it.
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0, !data.isEmpty else {
            let text = String(decoding: message, as: UTF8.self).split(separator: "\n").first.map(String.init) ?? ""
            return (nil, "rsvg-convert failed" + (text.isEmpty ? "" : ": " + text))
        }
        return (data, "")
    }

    /// An executable on the PATH, or nil.
    static func executable(_ name: String) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }
}
