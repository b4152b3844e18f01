import Foundation
import MarkdownSyntax

/// The load step: finds `course.yml` and the lesson files, checks their names and puts
/// the lessons in course order.
struct CourseLoader {
    let folder: URL
    let displayPath: String

    struct Result {
        var config = CourseConfig()
        /// In course order.
        var lessons: [LessonFile] = []
        var diagnostics: [Diagnostic] = []
        /// False when there is nothing to go on (no folder, no lessons).
        var usable = true
    }

    func load() -> Result {
        var result = Result()
        let folderFile = SourceFile(displayPath: displayPath, text: "")
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            result.diagnostics.append(folderFile.fileDiagnostic(.error,
                "content folder not found (expected the lessons and course.yml in \(displayPath)/; use --content to name another folder)"))
            result.usable = false
            return result
        }

        let configURL = folder.appendingPathComponent("course.yml")
        var configFile = SourceFile(displayPath: path("course.yml"), text: "")
        if FileManager.default.fileExists(atPath: configURL.path) {
            if let text = CourseLoader.readText(configURL, display: path("course.yml"), into: &result.diagnostics) {
                configFile = SourceFile(displayPath: path("course.yml"), text: text)
                let (config, diagnostics) = CourseConfig.read(configFile)
                result.config = config
                result.diagnostics += diagnostics
            }
        }

        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasSuffix(".md") && !$0.hasPrefix(".") }
            .sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        // Names are checked in file order; the files are read on all cores.
        var bySlug: [String: String] = [:]
        var accepted: [(name: String, display: String, slug: Slug)] = []
        for name in names {
            let display = path(name)
            let candidate = Slug.candidate(fromFileName: name)
            guard let slug = Slug(candidate) else {
                result.diagnostics.append(SourceFile(displayPath: display, text: "").fileDiagnostic(.error,
                    "the lesson name '\(candidate)' may hold only lowercase letters a-z, digits and '-' "
                    + "(lesson files are named like 03-directional-derivatives.md)"))
                continue
            }
            if let first = bySlug[slug.rawValue] {
                result.diagnostics.append(SourceFile(displayPath: display, text: "").fileDiagnostic(.error,
                    "two lessons are named '\(slug)': \(first) and \(display)"))
                continue
            }
            bySlug[slug.rawValue] = display
            accepted.append((name, display, slug))
        }
        let folder = self.folder
        let texts = accepted.map { ($0.name, $0.display) }.parallelMap { name, display in
            var diagnostics: [Diagnostic] = []
            let text = CourseLoader.readText(folder.appendingPathComponent(name), display: display, into: &diagnostics)
            return (text, diagnostics)
        }
        var byRead: [String: LessonFile] = [:]
        var inFileOrder: [LessonFile] = []
        for (file, (text, diagnostics)) in zip(accepted, texts) {
            result.diagnostics += diagnostics
            guard let text else { continue }
            let lesson = LessonFile(slug: file.slug, fileName: file.name, source: SourceFile(displayPath: file.display, text: text))
            byRead[file.slug.rawValue] = lesson
            inFileOrder.append(lesson)
        }
        if names.isEmpty {
            result.diagnostics.append(folderFile.fileDiagnostic(.error, "no lessons: the content folder has no .md files"))
            result.usable = false
            return result
        }

        guard let order = result.config.lessonOrder else {
            result.lessons = inFileOrder
            return result
        }
        // course.yml's order; an entry without a file is an error at the entry, a file
        // not listed is kept (after the listed ones) with a warning.
        var placed: Set<String> = []
        for entry in order {
            if placed.contains(entry.slug) {
                result.diagnostics.append(configFile.diagnostic(.error, at: entry.location, length: entry.slug.utf8.count,
                    "lesson '\(entry.slug)' is listed twice"))
            } else if let lesson = byRead[entry.slug] {
                placed.insert(entry.slug)
                result.lessons.append(lesson)
            } else {
                var message = "course.yml lists the lesson '\(entry.slug)', but there is no file for it"
                if let near = CourseNumbering.closest(to: entry.slug, among: byRead.keys.sorted()) {
                    message += " (did you mean '\(near)'?)"
                }
                result.diagnostics.append(configFile.diagnostic(.error, at: entry.location, length: entry.slug.utf8.count, message))
            }
        }
        for lesson in inFileOrder where !placed.contains(lesson.slug.rawValue) {
            result.diagnostics.append(lesson.source.fileDiagnostic(.warning,
                "this lesson is not listed under 'lessons:' in course.yml; it comes after the listed ones"))
            result.lessons.append(lesson)
        }
        return result
    }

    private func path(_ name: String) -> String {
        displayPath == "." ? name : displayPath + "/" + name
    }

    private static func readText(_ url: URL, display: String, into diagnostics: inout [Diagnostic]) -> String? {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            diagnostics.append(SourceFile(displayPath: display, text: "").fileDiagnostic(.error, "cannot read this file"))
            return nil
        }
        guard let text = String(data: data, encoding: .utf8) else {
            diagnostics.append(SourceFile(displayPath: display, text: "").fileDiagnostic(.error, "the file is not UTF-8 text"))
            return nil
        }
        return text
    }
}
