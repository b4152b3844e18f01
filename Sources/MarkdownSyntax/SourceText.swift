#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The bytes of a lesson file with the offset of every line, for turning byte offsets into
/// line and column and for quoting a line in a diagnostic.
struct SourceText {
    let bytes: [UInt8]
    /// Byte offset where each line starts; `lineStarts[0]` is line 1.
    let lineStarts: [Int]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        starts.reserveCapacity(bytes.count / 40 + 2)
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count, let found = memchr(base + offset, Int32(UInt8(ascii: "\n")), buffer.count - offset) {
                offset = UnsafePointer<UInt8>(found.assumingMemoryBound(to: UInt8.self)) - base + 1
                starts.append(offset)
            }
        }
        // A final newline does not open another line.
        if starts.count > 1, starts.last == bytes.count { starts.removeLast() }
        lineStarts = starts
    }

    /// The same lines over other bytes with the same line breaks (front matter blanked).
    init(_ bytes: [UInt8], sameLinesAs other: SourceText) {
        self.bytes = bytes
        lineStarts = other.lineStarts
    }

    var lineCount: Int { lineStarts.count }

    /// The offset just past line `line`'s content, before its `\n` (and a `\r` before it).
    func lineEnd(_ line: Int) -> Int {
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] - 1 : bytes.count
        if line == lineStarts.count, end > start, bytes[end - 1] == UInt8(ascii: "\n") { end -= 1 }
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return end
    }

    /// The 1-based line containing byte `offset`.
    func line(of offset: Int) -> Int {
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low + 1
    }

    /// Line and column (1-based, in bytes) of byte `offset`.
    func location(of offset: Int) -> SourceLocation {
        let line = line(of: offset)
        return SourceLocation(line: line, column: offset - lineStarts[line - 1] + 1)
    }

    /// The text of line `line` without its line ending; empty outside the file.
    func text(ofLine line: Int) -> String {
        guard line >= 1, line <= lineStarts.count else { return "" }
        return String(decoding: bytes[lineStarts[line - 1]..<lineEnd(line)], as: UTF8.self)
    }

    /// The bytes of line `line` without its line ending.
    func lineBytes(_ line: Int) -> ArraySlice<UInt8> {
        guard line >= 1, line <= lineStarts.count else { return [] }
        return bytes[lineStarts[line - 1]..<lineEnd(line)]
    }
}
