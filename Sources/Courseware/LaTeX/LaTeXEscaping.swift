/// Text to LaTeX source that prints exactly that text with pdflatex.
///
/// Every character that means something to TeX is replaced by a command that prints it,
/// ligatures that would change what is printed (`--`, `''`, `,,`, `<<`) are broken, and
/// characters outside ASCII are kept as UTF-8 when the preamble knows them (Latin-1 through
/// `inputenc`, the rest through `\DeclareUnicodeCharacter`, see `LaTeXUnicode`) or written as
/// `[U+XXXX]` when it does not, so a document never fails on an unknown character.
public enum LaTeXEscaping {
    /// Escapes running text.
    ///
    /// Works on UTF-8 bytes: most text is plain ASCII letters and spaces, copied as they are;
    /// a string with nothing to escape is returned without copying.
    public static func text(_ text: String) -> String {
        let bytes = text.utf8
        guard bytes.contains(where: { needsCare[Int($0)] }) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 16)
        func add(_ replacement: StaticString) {
            replacement.withUTF8Buffer { out.append(contentsOf: $0) }
        }
        var i = bytes.startIndex
        while i != bytes.endIndex {
            let byte = bytes[i]
            let nextIndex = bytes.index(after: i)
            if !needsCare[Int(byte)] { out.append(byte); i = nextIndex; continue }
            switch byte {
            case UInt8(ascii: "\\"): add("\\textbackslash{}")
            case UInt8(ascii: "{"): add("\\{")
            case UInt8(ascii: "}"): add("\\}")
            case UInt8(ascii: "#"): add("\\#")
            case UInt8(ascii: "$"): add("\\$")
            case UInt8(ascii: "%"): add("\\%")
            case UInt8(ascii: "&"): add("\\&")
            case UInt8(ascii: "_"): add("\\_")
            case UInt8(ascii: "~"): add("\\textasciitilde{}")
            case UInt8(ascii: "^"): add("\\textasciicircum{}")
            case UInt8(ascii: "<"): add("\\textless{}")
            case UInt8(ascii: ">"): add("\\textgreater{}")
            case UInt8(ascii: "|"): add("\\textbar{}")
            case UInt8(ascii: "\""): add("\\textquotedbl{}")
            case UInt8(ascii: "'"): add("\\textquotesingle{}")
            case UInt8(ascii: "`"): add("\\textasciigrave{}")
            // Brackets in braces, so an optional argument never swallows text after \item or \\.
            case UInt8(ascii: "["): add("{[}")
            case UInt8(ascii: "]"): add("{]}")
            case UInt8(ascii: "-"), UInt8(ascii: ","), UInt8(ascii: "!"), UInt8(ascii: "?"):
                out.append(byte)
                // `--`, `,,`, `!``, `?`` are ligatures in T1 fonts.
                if nextIndex != bytes.endIndex, bytes[nextIndex] == byte || bytes[nextIndex] == UInt8(ascii: "`") {
                    add("{}")
                }
            case UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"): out.append(UInt8(ascii: " "))
            case 0..<0x20, 0x7F: break
            default:
                // The lead byte of a multi-byte character (a String's UTF-8 is valid): decode
                // the character to ask whether the preamble knows it.
                let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                var value = UInt32(byte) & (length == 4 ? 0x07 : length == 3 ? 0x0F : 0x1F)
                var end = nextIndex
                for _ in 1..<length where end != bytes.endIndex {
                    value = value << 6 | UInt32(bytes[end] & 0x3F)
                    end = bytes.index(after: end)
                }
                let scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
                if LaTeXUnicode.isKnown(scalar) { out += bytes[i..<end] } else { out += Array(unicode(scalar).utf8) }
                i = end
                continue
            }
            i = nextIndex
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `text` escaped: runs of bytes that need no care are copied as they are,
    /// the rest goes through `text(_:)` a run at a time.
    public static func append(_ text: String, to out: inout String) {
        var storage = text
        storage.withUTF8 { bytes in
            var start = 0
            var index = 0
            while index < bytes.count {
                guard needsCare[Int(bytes[index])] else { index += 1; continue }
                // From here to the next byte that needs no care (always ASCII): escaped as one
                // piece, so ligature pairs (both bytes need care) and multi-byte characters stay
                // together.
                var end = index + 1
                while end < bytes.count, needsCare[Int(bytes[end])] { end += 1 }
                if index > start { out += String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self) }
                out += LaTeXEscaping.text(String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<end]), as: UTF8.self))
                start = end
                index = end
            }
            if start == 0 {
                out += text
            } else if start < bytes.count {
                out += String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self)
            }
        }
    }

    /// The bytes `text` cannot copy as they are: TeX's special characters, the first
    /// characters of ligatures, control characters and every byte of a non-ASCII character.
    private static let needsCare: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for byte in 0..<0x20 { table[byte] = true }
        for byte in 0x7F...0xFF { table[byte] = true }
        for character in "\\{}#$%&_~^<>|\"'`[]-,!?".utf8 { table[Int(character)] = true }
        return table
    }()

    /// A non-ASCII character as the preamble can print it.
    static func unicode(_ scalar: Unicode.Scalar) -> String {
        if LaTeXUnicode.isKnown(scalar) { return String(Character(scalar)) }
        return "[U+" + hex(scalar.value) + "]"
    }

    static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// A line of a code block for a `Verbatim` environment: verbatim, except characters the
    /// preamble cannot print, which become `[U+XXXX]`, and tabs, which become spaces.
    public static func verbatimLine(_ line: String) -> String {
        // Most lines are printable ASCII only, which stays as it is.
        if line.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return line }
        var out = ""
        for scalar in line.unicodeScalars {
            if scalar == "\t" {
                out += "    "
            } else if scalar.value < 0x20 || scalar.value == 0x7F {
                continue
            } else if scalar.isASCII {
                out.unicodeScalars.append(scalar)
            } else {
                out += unicode(scalar)
            }
        }
        return out
    }

    /// A URL for `\href`: `%`, `#` and `\` escaped, braces percent-encoded (they cannot be
    /// escaped inside the URL argument), spaces and control characters percent-encoded.
    public static func url(_ url: String) -> String {
        if url.utf8.allSatisfy({ byte in
            byte > 0x20 && byte < 0x7F && !"%#\\{}~^".utf8.contains(byte)
        }) {
            return url
        }
        var out = ""
        for byte in url.utf8 {
            switch byte {
            case UInt8(ascii: "%"): out += "\\%"
            case UInt8(ascii: "#"): out += "\\#"
            case UInt8(ascii: "\\"): out += "\\%5C"
            case UInt8(ascii: "{"): out += "\\%7B"
            case UInt8(ascii: "}"): out += "\\%7D"
            case UInt8(ascii: "~"): out += "\\string~"
            case UInt8(ascii: "^"): out += "\\%5E"
            case 0...0x20, 0x7F...0xFF: out += "\\%" + hexByte(byte)
            default: out.unicodeScalars.append(Unicode.Scalar(byte))
            }
        }
        return out
    }

    static func hexByte(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16, uppercase: true)
        return digits.count == 1 ? "0" + digits : digits
    }
}
