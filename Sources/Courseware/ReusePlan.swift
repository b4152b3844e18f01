import Foundation

/// What a rebuild takes from the previous output as it is: the page and LaTeX documents
/// of every lesson whose inputs did not change, and the course book when no lesson did.
///
/// Each reusable file is named by a key, a hash of everything it is made from (the
/// lesson's text, place and the course's labels, as `CalcCache.lessonKey`; the
/// templates; `course.yml`; for pages the title and place of every lesson, which the
/// navigation shows). A build records the keys of the files it wrote in the cache's
/// `manifest` (a line per key with the file names); the next build reuses a file when
/// its key is there and the previous output still has the file, hard-linking it into the
/// new output without reading it. A lesson whose
/// page is reused is not evaluated at all: its calc blocks' cache entries are carried over.
struct ReusePlan: Sendable {
    var lessonKeys: [String]
    /// The keys of the lessons' LaTeX models: `lessonKeys` and the course's image map
    /// (where each included image is copied), which the models name.
    var modelKeys: [String]
    var pageKeys: [String]
    var docsKeys: [String]
    var bookKey: String
    /// Per lesson: its page, its documents, can be taken from the previous output.
    var reusePage: [Bool]
    /// Per lesson whose page is kept: the cache keys of its calc blocks, as the page's
    /// manifest recorded them, so the lesson need not be walked to carry its entries over.
    var keptBlockKeys: [[String]]
    var reuseDocs: [Bool]
    var reuseBook: Bool

    /// `documentNames(slug)`: the LaTeX files of a lesson, as this build names them.
    init(lessons: [Lesson], config: CourseConfig, context: String, siteDigest: String, latexDigest: String,
         imagesDigest: String, cache: CalcCache, previous: URL?, documentNames: (String) -> [String]) {
        let config = String(describing: config)
        let navigation = CalcCache.digest(lessons.map { "\($0.number)\u{0}\($0.slug.rawValue)\u{0}\($0.metadata.title)" }
            .joined(separator: "\u{0}"))
        let site = CalcCache.digest("site\u{0}" + siteDigest + "\u{0}" + config + "\u{0}" + navigation)
        let latex = CalcCache.digest("latex\u{0}" + latexDigest + "\u{0}" + config)
        let lessonKeys = lessons.parallelMap { CalcCache.lessonKey($0, context: context) }
        let pageKeys = lessonKeys.map { CalcCache.digest($0 + "\u{0}page\u{0}" + site) }
        let modelKeys = lessonKeys.map { CalcCache.digest($0 + "\u{0}models\u{0}" + imagesDigest) }
        let docsKeys = modelKeys.map { CalcCache.digest($0 + "\u{0}docs\u{0}" + latex) }
        let bookKey = CalcCache.digest("book\u{0}" + latex + "\u{0}" + modelKeys.joined(separator: "\u{0}"))
        self.lessonKeys = lessonKeys
        self.modelKeys = modelKeys
        self.pageKeys = pageKeys
        self.docsKeys = docsKeys
        self.bookKey = bookKey

        // The manifest's words after the file names (a page's block keys), or nil when the
        // key is not there, names other files, or a file is gone from the previous output.
        let manifest = cache.readFile(ReusePlan.manifestName).map(ReusePlan.readManifest) ?? [:]
        @Sendable func kept(_ key: String, _ names: [String], in folder: String) -> [String]? {
            guard let previous, let words = manifest[key], words.count >= names.count,
                  Array(words.prefix(names.count)) == names else { return nil }
            let present = names.allSatisfy { name in
                var info = stat()
                let path = previous.path + "/" + folder + "/" + name
                return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
            }
            return present ? Array(words.dropFirst(names.count)) : nil
        }
        let slugs = lessons.map(\.slug.rawValue)
        let names = slugs.map(documentNames)
        let pages = Array(slugs.indices).parallelMap { i in kept(pageKeys[i], [slugs[i] + ".html"], in: "site") }
        reusePage = pages.map { $0 != nil }
        keptBlockKeys = pages.map { $0 ?? [] }
        reuseDocs = Array(slugs.indices).parallelMap { i in kept(docsKeys[i], names[i], in: "latex") != nil }
        reuseBook = kept(bookKey, [LaTeXBook.bookFileName], in: "latex") != nil
    }

    /// The cache entry listing the files this build wrote: one line per file group, `KEY`
    /// then the file names (then, for a page, its blocks' cache keys), separated by spaces
    /// (keys are hex, file names are slugs with an extension).
    static let manifestName = "manifest"

    static func readManifest(_ text: String) -> [String: [String]] {
        var result: [String: [String]] = [:]
        for line in text.split(separator: "\n") {
            let words = line.split(separator: " ").map(String.init)
            if let key = words.first { result[key] = Array(words.dropFirst()) }
        }
        return result
    }

    /// The manifest of this build's files, for the next build (file name -> content).
    /// `blockKeys`: per lesson, the cache keys of its calc blocks.
    func manifest(lessons: [Lesson], blockKeys: [[String]], documentNames: (String) -> [String]) -> [String: String] {
        guard !lessonKeys.isEmpty else { return [:] }
        var lines = [bookKey + " " + LaTeXBook.bookFileName]
        for (i, lesson) in lessons.enumerated() {
            lines.append(([pageKeys[i], lesson.slug.rawValue + ".html"] + blockKeys[i].sorted()).joined(separator: " "))
            lines.append(([docsKeys[i]] + documentNames(lesson.slug.rawValue)).joined(separator: " "))
        }
        return [ReusePlan.manifestName: lines.sorted().joined(separator: "\n") + "\n"]
    }
}
