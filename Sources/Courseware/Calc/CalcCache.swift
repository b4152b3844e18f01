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
    /// may refer to (`context`). The text is hashed where it is, not copied after the rest.
    static func lessonKey(_ lesson: Lesson, context: String) -> String {
        digest(stamp + "\u{0}latex\u{0}" + lesson.displayPath + "\u{0}" + lesson.slug.rawValue + "\u{0}"
            + String(lesson.number) + "\u{0}" + context + "\u{0}" + digest(lesson.source.text))
    }

    /// A 128-bit hash of `text`, as 32 hex digits. Not cryptographic: it names cache
    /// entries and reusable files by their inputs, which are the author's own.
    ///
    /// Eight bytes a step in two independent lanes, each a round of XXH64 (multiply,
    /// rotate, multiply), so a whole course's text hashes in well under a millisecond;
    /// the last 0 to 15 bytes and the length go into a final round, and each lane is
    /// avalanched with the other folded in.
    static func digest(_ text: String) -> String {
        var text = text
        let (a, b) = text.withUTF8 { utf8 -> (UInt64, UInt64) in
            let bytes = UnsafeRawBufferPointer(utf8)
            let p1: UInt64 = 0x9E37_79B1_85EB_CA87, p2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
            @inline(__always) func round(_ acc: UInt64, _ word: UInt64) -> UInt64 {
                ((acc &+ word &* p2) << 31 | (acc &+ word &* p2) >> 33) &* p1
            }
            var a: UInt64 = 0x243F_6A88_85A3_08D3, b: UInt64 = 0x1319_8A2E_0370_7344
            let n = bytes.count
            var i = 0
            while i + 16 <= n {
                a = round(a, bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self).littleEndian)
                b = round(b, bytes.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self).littleEndian)
                i += 16
            }
            var tail0: UInt64 = 0, tail1: UInt64 = 0
            for k in i..<n {
                let shift = UInt64(8 * ((k - i) % 8))
                if k - i < 8 { tail0 |= UInt64(bytes[k]) << shift } else { tail1 |= UInt64(bytes[k]) << shift }
            }
            a = round(a, tail0 ^ UInt64(n))
            b = round(b, tail1 ^ UInt64(n) << 1)
            @inline(__always) func avalanche(_ h: UInt64) -> UInt64 {
                var h = h
                h ^= h >> 33; h = h &* p2
                h ^= h >> 29; h = h &* 0x1656_67B1_9E37_79F9
                h ^= h >> 32
                return h
            }
            let first = avalanche(a ^ (b << 17 | b >> 47))
            return (first, avalanche(b ^ first))
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
