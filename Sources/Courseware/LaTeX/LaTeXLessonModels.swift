import Foundation

/// A lesson's LaTeX as the documents use it: alone (handout, exercise sheet, answer key)
/// and as a chapter of the book. This pair is what the cache keeps of a lesson, so an
/// unchanged lesson is neither evaluated nor rendered again.
struct LaTeXLessonModels: Sendable, Codable {
    var handout: LaTeXLessonModel
    var chapter: LaTeXLessonModel

    /// The cache entry: JSON with sorted keys, so the same lesson gives the same bytes.
    func encoded() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(self) else { return "" }
        return String(decoding: data, as: UTF8.self)
    }

    /// Reads an entry; nil when it is not one (damaged, or written by another version),
    /// which makes the build render the lesson again.
    static func decode(_ text: String) -> LaTeXLessonModels? {
        try? JSONDecoder().decode(LaTeXLessonModels.self, from: Data(text.utf8))
    }
}
