/// The `{#prefix-name}` labels and `@prefix-name` references of CALC.md section 1.
enum Label {
    /// Every prefix a label may have.
    static let prefixes: Set<String> = ["def", "thm", "lem", "prop", "cor", "exm", "rem", "eq", "fig", "ex", "sec"]

    /// The prefix of a well-formed label (`thm` of `thm-steepest`), or nil.
    static func prefix(of label: String) -> String? {
        guard let dash = label.firstIndex(of: "-") else { return nil }
        let prefix = String(label[..<dash])
        let name = label[label.index(after: dash)...]
        guard prefixes.contains(prefix), !name.isEmpty, name.utf8.allSatisfy(isNameByte) else { return nil }
        return prefix
    }

    /// Bytes allowed in the name part of a label.
    static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"):
            return true
        default:
            return false
        }
    }

    /// Why `label` cannot be written on `item` (whose labels take `expected`), or nil
    /// when it fits. `expected` nil means the item cannot be labelled at all.
    static func problem(with label: String, expected: String?, item: String) -> String? {
        guard let expected else {
            return "\(item) cannot carry a label ('\(label)')"
        }
        guard let prefix = prefix(of: label) else {
            return "malformed label '\(label)': a label is '\(expected)-' followed by letters, digits, '-' or '_'"
        }
        if prefix != expected {
            return "label '\(label)' does not fit \(item): its prefix must be '\(expected)-', not '\(prefix)-'"
        }
        return nil
    }
}

extension CalloutKind {
    /// The label prefix of this kind of callout; nil for the kinds that cannot be referred to.
    public var labelPrefix: String? {
        switch self {
        case .definition: "def"
        case .theorem: "thm"
        case .lemma: "lem"
        case .proposition: "prop"
        case .corollary: "cor"
        case .example: "exm"
        case .remark: "rem"
        case .caution, .proof, .note: nil
        }
    }
}

extension CalloutKind {
    /// The kind within two edits of `written` (a typo), nearest first; nil if none is that close.
    static func closest(to written: String) -> CalloutKind? {
        var best: (kind: CalloutKind, distance: Int)?
        for kind in allCases {
            let distance = editDistance(Array(written.utf8), Array(kind.rawValue.utf8))
            if distance <= 2, distance < (best?.distance ?? Int.max) { best = (kind, distance) }
        }
        return best?.kind
    }

    /// Levenshtein distance with one row of memory.
    private static func editDistance(_ a: [UInt8], _ b: [UInt8]) -> Int {
        if a.isEmpty { return b.count }
        var row = Array(0...b.count)
        for i in 1...a.count {
            var diagonal = row[0]
            row[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                let above = row[j]
                row[j] = min(above + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1))
                diagonal = above
            }
        }
        return row[b.count]
    }
}
