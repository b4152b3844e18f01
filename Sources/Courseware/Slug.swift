/// A lesson's name in URLs and references: `[a-z0-9-]+`, taken from the file name without
/// its numeric prefix and extension (`03-directional-derivatives.md` ->
/// `directional-derivatives`). The character rule is what keeps every output path inside
/// the output folder: a slug can hold neither `/` nor `..`.
public struct Slug: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let rawValue: String

    /// nil unless `text` is non-empty and only lowercase ASCII letters, digits and hyphens.
    public init?(_ text: String) {
        guard Slug.isValid(text) else { return nil }
        rawValue = text
    }

    public static func isValid(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { byte in
            (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "-")
        }
    }

    /// The slug text of a lesson file name, before validation: `07-level-sets.md` ->
    /// `level-sets`. A name without a numeric prefix keeps its whole stem.
    public static func candidate(fromFileName name: String) -> String {
        var stem = Substring(name)
        if stem.hasSuffix(".md") { stem = stem.dropLast(3) }
        let digits = stem.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, stem.dropFirst(digits.count).first == "-" {
            stem = stem.dropFirst(digits.count + 1)
        }
        return String(stem)
    }

    public var description: String { rawValue }
    public static func < (a: Slug, b: Slug) -> Bool { a.rawValue < b.rawValue }
}
