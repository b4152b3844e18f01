/// HTML escaping exactly as libcmark's HTML renderer does it.
public enum HTMLEscaping {
    /// Escapes text for element content and attribute values: `&`, `<`, `>` and `"`.
    public static func text(_ string: String) -> String {
        var out: [UInt8] = []
        appendText(string, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `string` escaped for HTML.
    public static func appendText(_ string: String, to out: inout String) {
        var bytes: [UInt8] = []
        appendText(string, to: &bytes)
        out += String(decoding: bytes, as: UTF8.self)
    }

    /// Escapes text exactly as a Mustache `{{name}}` tag does (`&`, `<`, `>`, `"` and `'`),
    /// for models that hand templates text already escaped (`{{{titleHTML}}}`): the same
    /// bytes as `{{title}}`, made a byte run at a time instead of a character at a time.
    public static func templateText(_ string: String) -> String {
        var string = string
        return string.withUTF8 { bytes -> String? in
            var out: [UInt8] = []
            guard appendEscaped(bytes, apostrophe: true, onlyIfNeeded: true, to: &out) else { return nil }
            return String(decoding: out, as: UTF8.self)
        } ?? string
    }

    /// Appends `string` escaped for HTML to a byte buffer; copies unchanged runs in one piece.
    static func appendText(_ string: String, to out: inout [UInt8]) {
        var string = string
        string.withUTF8 { bytes in _ = appendEscaped(bytes, apostrophe: false, onlyIfNeeded: false, to: &out) }
    }

    /// Appends `bytes` with `&`, `<`, `>`, `"` (and `'` when `apostrophe`) replaced by their
    /// entities, unchanged runs copied in one piece. With `onlyIfNeeded`, appends nothing
    /// and returns false when no byte needs a replacement.
    private static func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, apostrophe: Bool, onlyIfNeeded: Bool,
                                      to out: inout [UInt8]) -> Bool {
        var runStart = 0
        var replaced = false
        for index in 0..<bytes.count {
            let replacement: StaticString
            switch bytes[index] {
            case UInt8(ascii: "&"): replacement = "&amp;"
            case UInt8(ascii: "<"): replacement = "&lt;"
            case UInt8(ascii: ">"): replacement = "&gt;"
            case UInt8(ascii: "\""): replacement = "&quot;"
            case UInt8(ascii: "'") where apostrophe: replacement = "&#39;"
            default: continue
            }
            if !replaced, onlyIfNeeded { out.reserveCapacity(out.count + bytes.count + 16) }
            replaced = true
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
            out.append(contentsOf: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
            runStart = index + 1
        }
        if onlyIfNeeded && !replaced { return false }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
        return true
    }

    /// Escapes a link destination as cmark does: URL-safe characters stay, `&` and `'`
    /// become entities, every other byte is percent-encoded with uppercase hex.
    public static func href(_ url: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(url.utf8.count)
        let hex = Array("0123456789ABCDEF".utf8)
        for byte in url.utf8 {
            if hrefSafe(byte) {
                out.append(byte)
            } else if byte == UInt8(ascii: "&") {
                out.append(contentsOf: "&amp;".utf8)
            } else if byte == UInt8(ascii: "'") {
                out.append(contentsOf: "&#x27;".utf8)
            } else {
                out.append(UInt8(ascii: "%"))
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0xF)])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static let hrefPunctuation: [Bool] = (0..<256).map { byte in
        "!#$%()*+,-./:;=?@_~".utf8.contains(UInt8(byte))
    }

    private static func hrefSafe(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            // The punctuation cmark leaves unescaped in URLs (reserved and unreserved).
            return hrefPunctuation[Int(byte)]
        }
    }

    /// Whether cmark's safe mode drops this destination: `javascript:`, `vbscript:`,
    /// `file:` and `data:` other than a few image types, compared case-insensitively.
    public static func isDangerousURL(_ url: String) -> Bool {
        let lower = String(url.utf8.prefix(16).map { byte -> Character in
            let b = (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte
            return Character(Unicode.Scalar(b))
        })
        if lower.hasPrefix("data:") {
            for image in ["png", "gif", "jpeg", "webp"] where lower.hasPrefix("data:image/" + image) {
                return false
            }
            return true
        }
        return lower.hasPrefix("javascript:") || lower.hasPrefix("vbscript:") || lower.hasPrefix("file:")
    }
}
