import MarkdownSyntax

/// A fast reading of the front matter most lessons have: `title:` and `summary:` with
/// plain one-line text or double-quoted text without escapes, `prerequisites:` as a flow
/// list of slugs. Anything else (quotes,
/// comments, block lists, other keys, anything YAML could read differently) returns nil and
/// goes to the full YAML reader, which gives the same result for the simple form (a test
/// compares both), and the diagnostics for the rest.
enum SimpleFrontMatter {
    static func read(_ yaml: String, firstLine: Int, slug: Slug) -> LessonMetadata? {
        var metadata = LessonMetadata(title: LessonMetadata.defaultTitle(for: slug))
        var seen: Set<Substring> = []
        for (offset, line) in yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.isEmpty { continue }
            guard let colon = line.firstIndex(of: ":") else { return nil }
            let key = line[..<colon]
            guard seen.insert(key).inserted, line[colon...].hasPrefix(": ") else { return nil }
            let value = line[line.index(colon, offsetBy: 2)...]
            switch key {
            case "title", "summary":
                let text: Substring
                if isSafePlain(value) {
                    text = value
                } else if let inner = safeDoubleQuoted(value) {
                    text = inner
                } else {
                    return nil
                }
                if key == "title" { metadata.title = String(text) } else { metadata.summary = String(text) }
            case "prerequisites":
                guard value.hasPrefix("["), value.hasSuffix("]") else { return nil }
                let valueColumn = line.utf8.distance(from: line.startIndex, to: value.startIndex) + 1
                var column = valueColumn + 1
                let inner = value.dropFirst().dropLast()
                if inner.isEmpty { metadata.prerequisites = []; continue }
                for (index, part) in inner.split(separator: ",", omittingEmptySubsequences: false).enumerated() {
                    let leading = part.prefix { $0 == " " }.count
                    let slug = part.dropFirst(leading)
                    // A slug, then nothing but the ", " separator: anything else is left to YAML.
                    guard Slug.isValid(String(slug)), index == 0 ? leading == 0 : leading == 1 else { return nil }
                    metadata.prerequisites.append(SlugReference(
                        slug: String(slug), location: SourceLocation(line: firstLine + offset, column: column + leading)))
                    column += part.utf8.count + 1
                }
            default:
                return nil
            }
        }
        return metadata
    }

    /// The text between the quotes of a double-quoted scalar that has no escapes, which
    /// YAML reads as exactly that text; nil for anything else (empty, escapes, text after
    /// the closing quote).
    static func safeDoubleQuoted(_ value: Substring) -> Substring? {
        guard value.count >= 3, value.first == "\"", value.last == "\"" else { return nil }
        let inner = value.dropFirst().dropLast()
        for scalar in inner.unicodeScalars {
            switch scalar {
            case "\"", "\\", "\t": return nil
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || scalar.value == 0x85 || scalar.value == 0xFEFF
                    || scalar.value == 0x2028 || scalar.value == 0x2029 { return nil }
            }
        }
        return inner
    }

    /// Text that YAML reads as exactly itself in a plain scalar: starts with a letter or
    /// digit, no trailing blank, and none of the characters or pairs that mean something.
    static func isSafePlain(_ value: Substring) -> Bool {
        guard let first = value.unicodeScalars.first, first.isASCII,
              first.properties.isAlphabetic || ("0"..."9").contains(first),
              let last = value.unicodeScalars.last, last != " ", last != "\t", last != ":" else { return false }
        if value.contains(": ") || value.contains(" #") || value.contains("\t") { return false }
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"", "'", "{", "}", "[", "]", "&", "*", "!", "|", ">", "%", "@", "`", "#":
                return false
            default:
                // Control characters and non-ASCII line or byte-order marks are left to YAML.
                if scalar.value < 0x20 || scalar.value == 0x7F || scalar.value == 0x85 || scalar.value == 0xFEFF
                    || scalar.value == 0x2028 || scalar.value == 0x2029 { return false }
            }
        }
        return true
    }
}
