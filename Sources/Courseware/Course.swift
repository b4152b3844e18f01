import Foundation
import MarkdownSyntax

/// A course read and checked: the load, parse and number steps of a build, without
/// templates or output. `coursegen build` renders it; a command that only checks a course
/// can stop here.
public struct Course: Sendable {
    public var config: CourseConfig
    /// In course order.
    public var lessons: [Lesson]
    public var numbering: CourseNumbering
    /// Every problem found, in reading order (see `CourseBuild.sorted`).
    public var diagnostics: [Diagnostic]
    /// The first step that found an error; nil when there is none.
    public var failedStep: BuildStep?
    var files: [LessonFile]
    /// Wall time of the read, parse and number steps (`coursegen build --timings`).
    var timings: [(step: String, seconds: Double)] = []

    /// Reads `course.yml` and the lessons of `folder`, parses them in parallel, numbers them
    /// and checks every reference. Never throws: problems are in `diagnostics`.
    public static func read(folder: URL, displayPath: String) -> Course {
        var clock = StepClock()
        var diagnostics: [Diagnostic] = []
        var failedStep: BuildStep?
        func check(_ step: BuildStep) {
            if failedStep == nil, diagnostics.contains(where: { $0.severity == .error }) { failedStep = step }
        }

        // load
        let loaded = CourseLoader(folder: folder, displayPath: displayPath).load()
        diagnostics += loaded.diagnostics
        check(.load)
        let files = loaded.usable ? loaded.lessons : []
        clock.mark("read")

        // parse
        let parsed = files.indices.map { $0 }.parallelMap { index -> (Lesson, [Diagnostic]) in
            let file = files[index]
            let document = MarkdownParser.parse(file.source.text, file: file.displayPath)
            let (metadata, metadataDiagnostics) = LessonMetadata.read(document.frontMatter, slug: file.slug, source: file.source)
            let lesson = Lesson(number: index + 1, slug: file.slug, metadata: metadata, document: document, source: file.source)
            return (lesson, metadataDiagnostics + document.diagnostics)
        }
        let lessons = parsed.map(\.0)
        diagnostics += parsed.flatMap(\.1)
        diagnostics += CourseBuild.checkPrerequisites(lessons)
        check(.parse)
        clock.mark("parse")

        // number
        let numbering = CourseNumbering(lessons: lessons)
        diagnostics += numbering.diagnostics
        check(.number)
        clock.mark("number")

        return Course(config: loaded.config, lessons: lessons, numbering: numbering,
                      diagnostics: CourseBuild.sorted(diagnostics, files), failedStep: failedStep, files: files,
                      timings: clock.marks)
    }
}
