/// A lesson's LaTeX as the documents use it: alone (handout, exercise sheet, answer key)
/// and as a chapter of the book. This pair is what the cache keeps of a lesson, so an
/// unchanged lesson is neither evaluated nor rendered again.
struct LaTeXLessonModels: Sendable, Equatable {
    var handout: LaTeXLessonModel
    var chapter: LaTeXLessonModel

    /// The first line of every entry; a different one is not read.
    static let header = "coursegen-latex-lesson 2\n"

    /// The cache entry: each field as `NAME BYTECOUNT`, a newline, the text, a newline.
    /// Reading it back is a scan for lengths, several times faster than JSON, which
    /// mattered: decoding 200 lessons' JSON was a tenth of a rebuild.
    /// When the chapter is the handout (a lesson without references to other lessons, the
    /// usual case), only `chapter.same` is written for it.
    func encoded() -> String {
        var out = Self.header
        func field(_ name: String, _ value: String) {
            out += name + " " + String(value.utf8.count) + "\n" + value + "\n"
        }
        for (name, value) in handout.archiveFields { field("handout." + name, value) }
        if chapter == handout {
            field("chapter.same", "")
        } else {
            for (name, value) in chapter.archiveFields { field("chapter." + name, value) }
        }
        return out
    }

    /// Reads an entry; nil when it is not one (damaged, or written by another version),
    /// which makes the build render the lesson again.
    static func decode(_ text: String) -> LaTeXLessonModels? {
        let bytes = Array(text.utf8)
        let header = Array(Self.header.utf8)
        guard bytes.starts(with: header) else { return nil }
        var fields: [String: [String: String]] = ["handout": [:], "chapter": [:]]
        var i = header.count
        while i < bytes.count {
            guard let space = bytes[i...].firstIndex(of: UInt8(ascii: " ")),
                  let newline = bytes[space...].firstIndex(of: UInt8(ascii: "\n")),
                  let count = Int(String(decoding: bytes[(space + 1)..<newline], as: UTF8.self)),
                  count >= 0, newline + 1 + count < bytes.count, bytes[newline + 1 + count] == UInt8(ascii: "\n")
            else { return nil }
            let name = String(decoding: bytes[i..<space], as: UTF8.self).split(separator: ".", maxSplits: 1)
            guard name.count == 2, fields[String(name[0])] != nil else { return nil }
            fields[String(name[0]), default: [:]][String(name[1])] =
                String(decoding: bytes[(newline + 1)..<(newline + 1 + count)], as: UTF8.self)
            i = newline + 2 + count
        }
        guard let handout = LaTeXLessonModel(archive: fields["handout"] ?? [:]) else { return nil }
        if fields["chapter"]?["same"] != nil { return LaTeXLessonModels(handout: handout, chapter: handout) }
        guard let chapter = LaTeXLessonModel(archive: fields["chapter"] ?? [:]) else { return nil }
        return LaTeXLessonModels(handout: handout, chapter: chapter)
    }
}

extension LaTeXLessonModel {
    /// Every stored field by name, as text; an absent optional is left out. A test checks
    /// that this names every stored property, so a new field cannot be forgotten here.
    var archiveFields: [(String, String)] {
        var fields: [(String, String)] = [("number", String(number)), ("slug", slug), ("title", title)]
        if let summary { fields.append(("summary", summary)) }
        fields += [("body", body), ("exercises", exercises), ("answers", answers)]
        return fields
    }

    /// The model from `archiveFields`; nil when a required field is missing.
    init?(archive fields: [String: String]) {
        guard let number = fields["number"].flatMap({ Int($0) }), let slug = fields["slug"], let title = fields["title"],
              let body = fields["body"], let exercises = fields["exercises"], let answers = fields["answers"]
        else { return nil }
        self.init(number: number, slug: slug, title: title, summary: fields["summary"], body: body,
                  exercises: exercises, answers: answers)
    }
}
