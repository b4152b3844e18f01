import Foundation
import MarkdownSyntax

/// What a successful build did, for the one-line summary.
public struct BuildSummary: Sendable {
    public var lessonCount: Int
    public var fileCount: Int
    /// Where the site is, as the user would type it (`Output/site`).
    public var siteDisplayPath: String
    /// Warnings do not fail a build; they are reported with it.
    public var warnings: [Diagnostic]
}

/// `coursegen build`: the pipeline load -> parse -> number -> render -> write.
///
/// Every step reports all the problems it finds; the build stops after the number step if
/// any of them is an error, so one run lists everything wrong with a course. The write step
/// builds into a staging folder and swaps it in at the end (see `OutputFolder`), so a
/// failed build leaves the previous output as it was.
public enum CourseBuild {
    public static func build(_ options: BuildOptions) throws(BuildFailure) -> BuildSummary {
        var diagnostics: [Diagnostic] = []
        var failedStep: BuildStep?
        func check(_ step: BuildStep) {
            if failedStep == nil, diagnostics.contains(where: { $0.severity == .error }) { failedStep = step }
        }

        // load
        let output = OutputFolder(url: options.output, displayPath: options.outputDisplay)
        if let refusal = output.refusal() {
            diagnostics.append(SourceFile(displayPath: options.outputDisplay, text: "").fileDiagnostic(.error, refusal))
        }
        let loaded = CourseLoader(folder: options.content, displayPath: options.contentDisplay).load()
        diagnostics += loaded.diagnostics
        let (templates, templateDiagnostics) = SiteTemplates.load(
            folder: options.templates.appendingPathComponent("html", isDirectory: true),
            displayPath: options.templatesDisplay + "/html")
        diagnostics += templateDiagnostics
        let (assets, assetDiagnostics) = SiteAssets.find(
            templates: options.templates, templatesDisplay: options.templatesDisplay, katex: options.katex)
        diagnostics += assetDiagnostics
        check(.load)
        guard loaded.usable else { throw failure(.load, diagnostics, loaded.lessons) }

        // parse
        let files = loaded.lessons
        let parsed = files.indices.map { $0 }.parallelMap { index -> (Lesson, [Diagnostic]) in
            let file = files[index]
            let document = MarkdownParser.parse(file.source.text, file: file.displayPath)
            let (metadata, metadataDiagnostics) = LessonMetadata.read(document.frontMatter, slug: file.slug, source: file.source)
            let lesson = Lesson(number: index + 1, slug: file.slug, metadata: metadata, document: document, source: file.source)
            return (lesson, metadataDiagnostics + document.diagnostics)
        }
        let lessons = parsed.map(\.0)
        diagnostics += parsed.flatMap(\.1)
        diagnostics += checkPrerequisites(lessons)
        check(.parse)

        // number
        let numbering = CourseNumbering(lessons: lessons)
        diagnostics += numbering.diagnostics
        check(.number)
        if let failedStep { throw failure(failedStep, diagnostics, files) }
        guard let templates else { throw failure(.load, diagnostics, files) }

        // render
        let pages = SiteRenderer(config: loaded.config, lessons: lessons, numbering: numbering, templates: templates).renderAll()

        // write
        do {
            try write(pages: pages, assets: assets, to: output)
        } catch {
            diagnostics.append(SourceFile(displayPath: options.outputDisplay, text: "")
                .fileDiagnostic(.error, "\(error); the previous output is unchanged"))
            throw failure(.write, diagnostics, files)
        }
        let warnings = sorted(diagnostics, files)
        return BuildSummary(lessonCount: lessons.count, fileCount: pages.count + assets.files.count + 1,
                            siteDisplayPath: options.outputDisplay + "/site", warnings: warnings)
    }

    /// Every prerequisite names a lesson of the course other than its own.
    static func checkPrerequisites(_ lessons: [Lesson]) -> [Diagnostic] {
        let positions = Dictionary(lessons.map { ($0.slug.rawValue, $0.number) }, uniquingKeysWith: { a, _ in a })
        var diagnostics: [Diagnostic] = []
        for lesson in lessons {
            for prerequisite in lesson.metadata.prerequisites {
                let length = prerequisite.slug.utf8.count
                if prerequisite.slug == lesson.slug.rawValue {
                    diagnostics.append(lesson.source.diagnostic(.error, at: prerequisite.location, length: length,
                        "a lesson cannot be its own prerequisite"))
                } else if let position = positions[prerequisite.slug] {
                    if position > lesson.number {
                        diagnostics.append(lesson.source.diagnostic(.warning, at: prerequisite.location, length: length,
                            "prerequisite '\(prerequisite.slug)' comes later in the course (lesson \(position))"))
                    }
                } else {
                    var message = "unknown prerequisite '\(prerequisite.slug)': no lesson has this name"
                    if let near = CourseNumbering.closest(to: prerequisite.slug, among: positions.keys.sorted()) {
                        message += " (did you mean '\(near)'?)"
                    }
                    diagnostics.append(lesson.source.diagnostic(.error, at: prerequisite.location, length: length, message))
                }
            }
        }
        return diagnostics
    }

    static func write(pages: [SiteRenderer.Page], assets: SiteAssets, to output: OutputFolder) throws {
        let staging = try output.makeStaging()
        do {
            try staging.makeFolder(["site", "assets"])
            try staging.makeFolder(["site", "katex", "fonts"])
            _ = try pages.parallelMap { page in try staging.write(page.html, to: ["site", page.fileName]) }
            _ = try assets.files.parallelMap { file in try staging.copy(file.source, to: file.target) }
            try output.commit(staging)
        } catch {
            output.discard(staging)
            throw error
        }
    }

    static func failure(_ step: BuildStep, _ diagnostics: [Diagnostic], _ lessons: [LessonFile]) -> BuildFailure {
        BuildFailure(step: step, diagnostics: sorted(diagnostics, lessons))
    }

    /// Diagnostics in reading order: whole-folder problems, course.yml, the lessons in course
    /// order, then everything else by path; by position within a file.
    static func sorted(_ diagnostics: [Diagnostic], _ lessons: [LessonFile]) -> [Diagnostic] {
        var rank: [String: Int] = [:]
        for (index, lesson) in lessons.enumerated() { rank[lesson.displayPath] = index + 2 }
        func key(_ d: Diagnostic) -> Int {
            if let r = rank[d.file] { return r }
            if d.file.hasSuffix("course.yml") { return 1 }
            return d.location.line == 0 && !d.file.contains(".") ? 0 : Int.max
        }
        return diagnostics.enumerated().sorted { a, b in
            let ka = key(a.element), kb = key(b.element)
            if ka != kb { return ka < kb }
            if a.element.file != b.element.file { return a.element.file < b.element.file }
            if a.element.location != b.element.location { return a.element.location < b.element.location }
            return a.offset < b.offset
        }.map(\.element)
    }
}
