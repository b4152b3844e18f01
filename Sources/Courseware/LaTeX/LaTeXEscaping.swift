/// Text to LaTeX source that prints exactly that text with pdflatex.
///
/// Every character that means something to TeX is replaced by a command that prints it,
/// ligatures that would change what is printed (`--`, `''`, `,,`, `<<`) are broken, and
/// characters outside ASCII are kept as UTF-8 when the preamble knows them (Latin-1 through
/// `inputenc`, the rest through `\DeclareUnicodeCharacter`, see `LaTeXUnicode`) or written as
/// `[U+XXXX]` when it does not, so a document never fails on an unknown character.
public enum LaTeXEscaping {
    /// Escapes running text.
    public static func text(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            let next = index + 1 < scalars.count ? scalars[index + 1] : nil
            switch scalar {
            case "\\": out += "\\textbackslash{}"
            case "{": out += "\\{"
            case "}": out += "\\}"
            case "#": out += "\\#"
            case "$": out += "\\$"
            case "%": out += "\\%"
            case "&": out += "\\&"
            case "_": out += "\\_"
            case "~": out += "\\textasciitilde{}"
            case "^": out += "\\textasciicircum{}"
            case "<": out += "\\textless{}"
            case ">": out += "\\textgreater{}"
            case "|": out += "\\textbar{}"
            case "\"": out += "\\textquotedbl{}"
            case "'": out += "\\textquotesingle{}"
            case "`": out += "\\textasciigrave{}"
            // Brackets in braces, so an optional argument never swallows text after \item or \\.
            case "[": out += "{[}"
            case "]": out += "{]}"
            case "-", ",", "!", "?":
                out.unicodeScalars.append(scalar)
                // `--`, `,,`, `!``, `?`` are ligatures in T1 fonts.
                if let next, next == scalar || next == "`" { out += "{}" }
            case "\t", "\n", "\r": out += " "
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    continue
                } else if scalar.isASCII {
                    out.unicodeScalars.append(scalar)
                } else {
                    out += unicode(scalar)
                }
            }
        }
        return out
    }

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
