/// One token of the expression syntax, with its place in the text.
struct ExpressionToken: Hashable, Sendable {
    enum Kind: Hashable, Sendable {
        /// A decimal literal exactly as written (`2`, `0.25`).
        case number(String)
        case identifier(String)
        /// An operator or punctuation: `+ - * / ^ ( ) [ ] , == != < <= > >=` (`**` is `^`).
        case symbol(String)
        case end
    }

    var kind: Kind
    /// 1-based column of the first character.
    var column: Int
    /// Number of characters.
    var length: Int

    /// The text as written, for messages.
    var text: String {
        switch kind {
        case .number(let s), .identifier(let s): return s
        case .symbol(let s): return s
        case .end: return "end of input"
        }
    }

    /// How a message names this token: `'sin'` or `end of input`.
    var quoted: String {
        if case .end = kind { return "end of input" }
        return "'\(text)'"
    }

    func isSymbol(_ s: String) -> Bool {
        if case .symbol(let t) = kind { return t == s }
        return false
    }

    func isKeyword(_ s: String) -> Bool {
        if case .identifier(let t) = kind { return t == s }
        return false
    }
}

/// Splits expression text into tokens; never fails silently and never traps.
enum ExpressionLexer {
    /// Longest literal the lexer accepts: a guard against pathological input, far beyond
    /// anything a course writes.
    static let maximumNumberLength = 2000

    static func tokenize(_ text: String) throws(ExpressionSyntaxError) -> [ExpressionToken] {
        if let tokens = tokenizeASCII(text) { return tokens }
        return try tokenizeScalars(text)
    }

    /// The tokens of plain ASCII text, read from its UTF-8 bytes (a column is then a byte
    /// offset); nil when the text is not ASCII or has an error, which `tokenizeScalars`
    /// then reports. The same tokens as `tokenizeScalars`.
    static func tokenizeASCII(_ text: String) -> [ExpressionToken]? {
        var text = text
        return text.withUTF8 { bytes -> [ExpressionToken]? in
            let n = bytes.count
            var tokens: [ExpressionToken] = []
            tokens.reserveCapacity(n / 2 + 2)
            var i = 0
            func isDigit(_ c: UInt8) -> Bool { c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") }
            func isLetter(_ c: UInt8) -> Bool {
                (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z")) || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z"))
            }
            func text(_ range: Range<Int>) -> String {
                String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
            }
            let point = UInt8(ascii: ".")
            while i < n {
                let c = bytes[i]
                if c >= 0x80 { return nil }
                if c == UInt8(ascii: " ") || c == UInt8(ascii: "\t") || c == UInt8(ascii: "\n") || c == UInt8(ascii: "\r") {
                    i += 1
                    continue
                }
                let start = i
                if isDigit(c) || (c == point && i + 1 < n && isDigit(bytes[i + 1])) {
                    var sawPoint = false
                    while i < n, isDigit(bytes[i]) || (bytes[i] == point && !sawPoint) {
                        if bytes[i] == point {
                            guard i + 1 < n, isDigit(bytes[i + 1]) else { return nil }
                            sawPoint = true
                        }
                        i += 1
                    }
                    if i < n, bytes[i] == point { return nil }
                    if i - start > maximumNumberLength { return nil }
                    tokens.append(ExpressionToken(kind: .number(text(start..<i)), column: start + 1, length: i - start))
                    continue
                }
                if isLetter(c) {
                    while i < n, isLetter(bytes[i]) || isDigit(bytes[i]) || bytes[i] == UInt8(ascii: "_") { i += 1 }
                    if bytes[i - 1] == UInt8(ascii: "_") { return nil }
                    tokens.append(ExpressionToken(kind: .identifier(text(start..<i)), column: start + 1, length: i - start))
                    continue
                }
                let next: UInt8 = i + 1 < n ? bytes[i + 1] : 0
                let symbol: String
                var length = 1
                switch c {
                case UInt8(ascii: "*"):
                    if next == UInt8(ascii: "*") { symbol = "^"; length = 2 } else { symbol = "*" }
                case UInt8(ascii: "="):
                    guard next == UInt8(ascii: "=") else { return nil }
                    symbol = "=="; length = 2
                case UInt8(ascii: "!"):
                    guard next == UInt8(ascii: "=") else { return nil }
                    symbol = "!="; length = 2
                case UInt8(ascii: "<"):
                    if next == UInt8(ascii: "=") { symbol = "<="; length = 2 } else { symbol = "<" }
                case UInt8(ascii: ">"):
                    if next == UInt8(ascii: "=") { symbol = ">="; length = 2 } else { symbol = ">" }
                case UInt8(ascii: "+"): symbol = "+"
                case UInt8(ascii: "-"): symbol = "-"
                case UInt8(ascii: "/"): symbol = "/"
                case UInt8(ascii: "^"): symbol = "^"
                case UInt8(ascii: "("): symbol = "("
                case UInt8(ascii: ")"): symbol = ")"
                case UInt8(ascii: "["): symbol = "["
                case UInt8(ascii: "]"): symbol = "]"
                case UInt8(ascii: ","): symbol = ","
                default: return nil
                }
                tokens.append(ExpressionToken(kind: .symbol(symbol), column: start + 1, length: length))
                i += length
            }
            tokens.append(ExpressionToken(kind: .end, column: n + 1, length: 1))
            return tokens
        }
    }

    /// The general lexer, over Unicode scalars (columns count scalars).
    static func tokenizeScalars(_ text: String) throws(ExpressionSyntaxError) -> [ExpressionToken] {
        let chars = Array(text.unicodeScalars)
        var tokens: [ExpressionToken] = []
        var i = 0
        func isDigit(_ c: Unicode.Scalar) -> Bool { c >= "0" && c <= "9" }
        func isLetter(_ c: Unicode.Scalar) -> Bool { (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") }
        while i < chars.count {
            let c = chars[i]
            if c == " " || c == "\t" || c == "\n" || c == "\r" { i += 1; continue }
            let start = i
            if isDigit(c) || (c == "." && i + 1 < chars.count && isDigit(chars[i + 1])) {
                var sawPoint = false
                while i < chars.count, isDigit(chars[i]) || (chars[i] == "." && !sawPoint) {
                    if chars[i] == "." {
                        // `2.` followed by a non-digit is a malformed decimal.
                        guard i + 1 < chars.count, isDigit(chars[i + 1]) else {
                            throw ExpressionSyntaxError("expected a digit after the decimal point", column: i + 2)
                        }
                        sawPoint = true
                    }
                    i += 1
                }
                if i < chars.count, chars[i] == "." {
                    throw ExpressionSyntaxError("a number has at most one decimal point", column: i + 1)
                }
                if i - start > maximumNumberLength {
                    throw ExpressionSyntaxError(
                        "number too long (more than \(maximumNumberLength) digits)", column: start + 1, length: i - start)
                }
                var s = ""
                s.unicodeScalars.append(contentsOf: chars[start..<i])
                tokens.append(ExpressionToken(kind: .number(s), column: start + 1, length: i - start))
                continue
            }
            if isLetter(c) {
                while i < chars.count, isLetter(chars[i]) || isDigit(chars[i]) || chars[i] == "_" { i += 1 }
                if chars[i - 1] == "_" {
                    throw ExpressionSyntaxError("expected a subscript after '_'", column: i + 1)
                }
                var s = ""
                s.unicodeScalars.append(contentsOf: chars[start..<i])
                tokens.append(ExpressionToken(kind: .identifier(s), column: start + 1, length: i - start))
                continue
            }
            let next: Unicode.Scalar? = i + 1 < chars.count ? chars[i + 1] : nil
            var symbol: String
            switch c {
            case "*": symbol = next == "*" ? "^" : "*"
            case "=":
                guard next == "=" else {
                    throw ExpressionSyntaxError("'=' is not an operator here (write '==' to compare)", column: i + 1)
                }
                symbol = "=="
            case "!":
                guard next == "=" else {
                    throw ExpressionSyntaxError("expected '!=' (found '!')", column: i + 1)
                }
                symbol = "!="
            case "<": symbol = next == "=" ? "<=" : "<"
            case ">": symbol = next == "=" ? ">=" : ">"
            // Literals, not String(c): a literal costs no allocation or conversion.
            case "+": symbol = "+"
            case "-": symbol = "-"
            case "/": symbol = "/"
            case "^": symbol = "^"
            case "(": symbol = "("
            case ")": symbol = ")"
            case "[": symbol = "["
            case "]": symbol = "]"
            case ",": symbol = ","
            default:
                throw ExpressionSyntaxError("unexpected character \(describe(c))", column: i + 1)
            }
            let length = (c == "*" && next == "*") || symbol.utf8.count == 2 ? 2 : 1
            tokens.append(ExpressionToken(kind: .symbol(symbol), column: start + 1, length: length))
            i += length
        }
        tokens.append(ExpressionToken(kind: .end, column: chars.count + 1, length: 1))
        return tokens
    }

    /// Names a character for a message; control and invisible characters by code point.
    static func describe(_ c: Unicode.Scalar) -> String {
        if c.value < 0x20 || c.value == 0x7F || c == "\u{FFFD}" || c.properties.generalCategory == .format {
            return "U+" + String(c.value, radix: 16, uppercase: true).leftPadded(to: 4)
        }
        return "'\(c)'"
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
