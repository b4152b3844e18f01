import Foundation
import MarkdownSyntax

/// Rendered calc blocks kept between builds, so a rebuild evaluates only blocks whose text
/// (or position, number, or the course's labels) changed.
///
/// An HTML entry (`KEY.html`) is the HTML of one block that evaluated and verified without
/// an error, named by a hash of everything the HTML depends on. A LaTeX entry
/// (`KEY.tex-models`) is the LaTeX of one lesson (its handout and book chapter models),
/// named by a hash of the lesson's whole text and context. Only successful builds write
/// entries, so a hit stands for blocks known to be correct.
public struct CalcCache: Sendable {
    /// Bump when the evaluation or the HTML of calc blocks changes, so old entries are unused.
    public static let version = "coursegen-calc-4"

    /// `version` and the identity of the running program (its executable's size and
    /// modification time): every key starts with it, so a coursegen built from other
    /// sources never takes another build's entries for its own, even where `version` was
    /// not bumped.
    static let stamp: String = {
        var identity = "unknown"
        if let path = Bundle.main.executablePath,
           let attributes = try? FileManager.default.attributesOfItem(atPath: path) {
            let size = (attributes[.size] as? NSNumber)?.int64Value ?? -1
            let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? -1
            identity = "\(size)@\(modified)"
        }
        return version + "+" + identity
    }()

    /// The cache's folder inside the output folder.
    public static let folderName = ".coursegen-cache"

    public let folder: URL

    public init(folder: URL) { self.folder = folder }

    /// The key of a block: its text with positions, its lesson and number, and the labels
    /// its captions and hints may refer to.
    static func key(_ code: CodeBlock, file: String, number: String?, context: String) -> String {
        var text = stamp + "\u{0}" + file + "\u{0}" + (number ?? "-") + "\u{0}" + context + "\u{0}" + code.info + "\u{0}"
        text += "\(code.range.start.line):\(code.range.start.column)\n"
        for line in code.lines { text += "\(line.line):\(line.column):\(line.text)\n" }
        return digest(text)
    }

    /// The labels of the course and what they render as: captions may refer to any of them.
    static func labelsDigest(_ labels: [String: LabelTarget]) -> String {
        let text = labels.keys.sorted().map { "\($0)=\(labels[$0]!.referenceText)@\(labels[$0]!.href)" }.joined(separator: "\n")
        return hex(fnv1a(text, basis: 0xcbf2_9ce4_8422_2325))
    }

    /// The key of a lesson's LaTeX: its whole text, place in the course and the labels it
    /// may refer to (`context`).
    static func lessonKey(_ lesson: Lesson, context: String) -> String {
        digest(stamp + "\u{0}latex\u{0}" + lesson.displayPath + "\u{0}" + lesson.slug.rawValue + "\u{0}"
            + String(lesson.number) + "\u{0}" + context + "\u{0}" + lesson.source.text)
    }

    /// A 128-bit hash of `text`, as 32 hex digits.
    static func digest(_ text: String) -> String {
        // Two 64-bit FNV-1a hashes with different offset bases, in one pass over the bytes.
        var a: UInt64 = 0xcbf2_9ce4_8422_2325, b: UInt64 = 0x6c62_272e_07bb_0142
        var text = text
        text.withUTF8 { bytes in
            for byte in bytes {
                a = (a ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
                b = (b ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
            }
        }
        return hex(a) + hex(b)
    }

    /// The file of a block's HTML entry.
    static func htmlFile(_ key: String) -> String { key + ".html" }

    /// The file of a lesson's LaTeX entry.
    static func latexFile(_ key: String) -> String { key + ".tex-models" }

    func read(_ key: String) -> String? { readFile(Self.htmlFile(key)) }

    func readFile(_ name: String) -> String? {
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }


    static func fnv1a(_ text: String, basis: UInt64) -> UInt64 {
        var hash = basis
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }

    static func hex(_ x: UInt64) -> String {
        let s = String(x, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }
}

/// Collects the HTML of freshly evaluated blocks while pages render in parallel.
final class CalcFragmentSink: @unchecked Sendable {
    private let lock = NSLock()
    private var fragments: [String: String] = [:]

    func store(_ html: String, key: String) {
        lock.lock(); defer { lock.unlock() }
        fragments[key] = html
    }

    var all: [String: String] {
        lock.lock(); defer { lock.unlock() }
        return fragments
    }
}
