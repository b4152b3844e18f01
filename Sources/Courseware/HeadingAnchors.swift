import MarkdownSyntax

/// Gives every heading of a lesson an id: its `{#sec-...}` label when it has one, else
/// one made from its text (`Level sets` -> `level-sets`), made unique on the page and
/// never equal to any label of the lesson or any id the templates use.
struct HeadingAnchors {
    /// Ids the page templates use themselves.
    static let reserved: Set<String> = ["main"]

    var ids: [SourceLocation: String] = [:]
    /// The headings in document order: level, inline content, id, start.
    var headings: [(level: Int, content: [Inline], id: String, start: SourceLocation)] = []

    init(blocks: [Block]) {
        var taken = HeadingAnchors.reserved
        TreeWalk(visitBlock: { block in
            switch block {
            case .heading(_, _, let label?, _): taken.insert(label)
            case .callout(let callout): if let label = callout.label { taken.insert(label) }
            case .displayMath(_, let label?, _): taken.insert(label)
            case .heading, .paragraph, .blockQuote, .list, .code, .html, .thematicBreak, .displayMath: break
            }
        }).walk(blocks)
        var ids: [SourceLocation: String] = [:]
        var headings: [(level: Int, content: [Inline], id: String, start: SourceLocation)] = []
        TreeWalk(visitBlock: { block in
            guard case .heading(let level, let content, let label, let range) = block else { return }
            let id: String
            if let label {
                id = label
            } else {
                let base = HeadingAnchors.slugify(plainText(content))
                var candidate = base
                var suffix = 2
                while taken.contains(candidate) { candidate = "\(base)-\(suffix)"; suffix += 1 }
                taken.insert(candidate)
                id = candidate
            }
            ids[range.start] = id
            headings.append((level, content, id, range.start))
        }).walk(blocks)
        self.ids = ids
        self.headings = headings
    }

    /// Lowercase ASCII letters and digits, runs of anything else as one `-`.
    static func slugify(_ text: String) -> String {
        var out = ""
        var pendingDash = false
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                // ASCII needs no Unicode tables: the common case, done by hand.
                var c = scalar.value
                if c >= 0x41 && c <= 0x5A { c += 0x20 }
                if (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39) {
                    if pendingDash && !out.isEmpty { out += "-" }
                    pendingDash = false
                    out.unicodeScalars.append(Unicode.Scalar(UInt8(c)))
                } else {
                    pendingDash = true
                }
                continue
            }
            let lower = scalar.properties.lowercaseMapping
            if lower.unicodeScalars.count == 1, let c = lower.unicodeScalars.first, c.isASCII,
               (c >= "a" && c <= "z") || (c >= "0" && c <= "9") {
                if pendingDash && !out.isEmpty { out += "-" }
                pendingDash = false
                out.unicodeScalars.append(c)
            } else {
                pendingDash = true
            }
        }
        return out.isEmpty ? "section" : out
    }
}
