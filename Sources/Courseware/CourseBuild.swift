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
    /// The LaTeX documents written into `<output>/latex/`, by file name, in course order.
    public var latexDocuments: [String] = []
    /// Wall time of each step, in order (`coursegen build --timings`).
    public var timings: [(step: String, seconds: Double)] = []
    /// How many calc blocks were evaluated, and how many taken from the cache.
    public var blocksEvaluated = 0
    public var blocksFromCache = 0
    /// How many lessons' LaTeX was rendered, and how many taken from the cache.
    public var latexLessonsRendered = 0
    public var latexLessonsFromCache = 0
    /// Lesson pages and LaTeX documents taken unchanged from the previous output.
    public var pagesKept = 0
    public var documentsKept = 0
}

/// What a build leaves allocated for the process's exit (`BuildOptions.leaveAllocatedForExit`).
final class LeftForExit: @unchecked Sendable {
    let value: Any
    init(_ value: Any) { self.value = value }
}

/// Wall-clock marks between the steps of a build.
struct StepClock {
    private var last = ContinuousClock.now
    private(set) var marks: [(step: String, seconds: Double)] = []

    /// Replaces the last mark by finer ones that add up to about the same time.
    mutating func replaceLast(with marks: [(step: String, seconds: Double)]) {
        guard !marks.isEmpty, let last = self.marks.popLast() else { return }
        self.marks += marks
        let rest = last.seconds - marks.reduce(0) { $0 + $1.seconds }
        if rest > 0, let final = self.marks.popLast() { self.marks.append((final.step, final.seconds + rest)) }
    }

    mutating func mark(_ step: String) {
        let now = ContinuousClock.now
        let elapsed = now - last
        marks.append((step, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18))
        last = now
    }
}

/// `coursegen build`: the pipeline load -> parse -> number -> render -> write.
///
/// Every step reports all the problems it finds; the build stops after the number step if
/// any of them is an error, so one run lists everything wrong with a course. The write step
/// builds into a staging folder and swaps it in at the end (see `OutputFolder`), so a
/// failed build leaves the previous output as it was.
public enum CourseBuild {
    public static func build(_ options: BuildOptions) throws(BuildFailure) -> BuildSummary {
        // load (the output folder, templates and assets; the course itself below)
        var clock = StepClock()
        var diagnostics: [Diagnostic] = []
        let output = OutputFolder(url: options.output, displayPath: options.outputDisplay)
        if let refusal = output.refusal() {
            diagnostics.append(SourceFile(displayPath: options.outputDisplay, text: "").fileDiagnostic(.error, refusal))
        }
        let (templates, templateDiagnostics) = SiteTemplates.load(
            folder: options.templates.appendingPathComponent("html", isDirectory: true),
            displayPath: options.templatesDisplay + "/html")
        diagnostics += templateDiagnostics
        let (latexTemplates, latexTemplateDiagnostics) = LaTeXTemplates.load(
            folder: options.templates.appendingPathComponent("latex", isDirectory: true),
            displayPath: options.templatesDisplay + "/latex")
        diagnostics += latexTemplateDiagnostics
        let (assets, assetDiagnostics) = SiteAssets.find(
            templates: options.templates, templatesDisplay: options.templatesDisplay, katex: options.katex)
        diagnostics += assetDiagnostics

        let setupFailed = diagnostics.contains { $0.severity == .error }
        clock.mark("templates and assets")

        // load, parse, number
        let course = Course.read(folder: options.content, displayPath: options.contentDisplay)
        diagnostics += course.diagnostics
        if let step = setupFailed ? .load : course.failedStep {
            throw failure(step, diagnostics, course.files)
        }
        guard let templates, let latexTemplates else { throw failure(.load, diagnostics, course.files) }
        clock.mark("read, parse and number")
        clock.replaceLast(with: course.timings)

        // evaluate: every calc block, verified (CALC.md 3); an error stops the build here
        let cache = options.useCache ? CalcCache(folder: options.calcCacheFolder) : nil
        let cacheContext = CalcCache.labelsDigest(course.numbering.labels) + (course.config.allowHTML ? "+html" : "")
        let placement = course.config.latexAnswers
        // The images the LaTeX includes, read (SVG converted) now, written with the rest below.
        let images = LaTeXImages.collect(course.lessons, contentFolder: options.content)
        diagnostics += images.diagnostics
        let plan = cache.map { cache in
            ReusePlan(lessons: course.lessons, config: course.config, context: cacheContext, siteDigest: templates.digest,
                      latexDigest: latexTemplates.digest, imagesDigest: images.digest, cache: cache, previous: output.previousBuild,
                      documentNames: { LaTeXBook.documentNames(slug: $0, placement: placement) })
        }
        let calc = Array(course.lessons.indices).parallelMap { i in
            if let plan, plan.reusePage[i] {
                return CalcLessonEvaluation(skipping: course.lessons[i], keys: plan.keptBlockKeys[i])
            }
            return CalcLessonEvaluation(course.lessons[i], cache: cache, numbers: course.numbering.lessons[i], context: cacheContext)
        }
        diagnostics += calc.flatMap(\.diagnostics)
        if diagnostics.contains(where: { $0.severity == .error }) { throw failure(.parse, diagnostics, course.files) }
        clock.mark("evaluate calc blocks")

        // render and write: every page and document is written into the staging folder as
        // soon as it is rendered, on the core that rendered it; the staging folder becomes
        // the output only when everything is written (see `OutputFolder`).
        let staging: StagingFolder
        do {
            staging = try output.makeStaging()
        } catch {
            throw writeFailure(error, diagnostics, course.files, options)
        }
        var site = SiteRenderer(config: course.config, lessons: course.lessons, numbering: course.numbering,
                                templates: templates)
        site.calc = calc
        site.keep = plan?.reusePage ?? []
        var book = LaTeXBook(config: course.config, lessons: course.lessons, numbering: course.numbering,
                             templates: latexTemplates)
        book.calc = calc
        book.images = images.included
        let pages: [SiteRenderer.Page]
        let documents: [LaTeXBook.Document]
        let lessonsFromCache: Int
        do {
            try staging.makeFolder(["site", "assets"])
            try staging.makeFolder(["site", "katex", "fonts"])
            try staging.makeFolder(["latex"])
            // What latexmk left next to each kept document in the previous output: `stem.*`.
            let compiled = options.keepCompiledLaTeX ? CourseBuild.compiledLaTeX(in: staging) : [:]
            pages = try site.renderAll { page in
                if page.kept { try staging.keepPrevious(["site", page.fileName]) } else { try staging.write(page.html, to: ["site", page.fileName]) }
            }
            clock.mark("render pages")
            let latex = try book.renderAll(cache: cache, plan: plan) { document in
                if document.kept {
                    try staging.keepPrevious(["latex", document.fileName])
                    for name in compiled[document.fileName] ?? [] {
                        try staging.keepPrevious(["latex", name], required: false)
                    }
                } else {
                    try staging.write(document.tex, to: ["latex", document.fileName])
                }
            }
            documents = latex.documents
            lessonsFromCache = latex.lessonsFromCache
            clock.mark("render LaTeX")

            var cacheEntries: [String: String] = latex.cacheEntries
            var carried = latex.carriedEntries
            if let plan {
                for lesson in calc {
                    for (key, html) in lesson.cacheEntries { cacheEntries[CalcCache.htmlFile(key)] = html }
                    carried += lesson.reusedKeys.map(CalcCache.htmlFile)
                }
                cacheEntries.merge(plan.manifest(lessons: course.lessons, blockKeys: calc.map(\.allKeys),
                                                documentNames: { LaTeXBook.documentNames(slug: $0, placement: placement) })) { a, _ in a }
            }
            try write(assets: assets, latexImages: images.files, cacheEntries: cacheEntries, carried: carried, to: staging)
            try output.commit(staging)
        } catch {
            output.discard(staging)
            throw writeFailure(error, diagnostics, course.files, options)
        }
        clock.mark("write")
        var summary = BuildSummary(lessonCount: course.lessons.count,
                                   fileCount: pages.count + assets.files.count + 1 + documents.count + images.files.count,
                                   siteDisplayPath: options.outputDisplay + "/site", warnings: sorted(diagnostics, course.files),
                                   latexDocuments: documents.map(\.fileName))
        summary.timings = clock.marks
        summary.blocksEvaluated = calc.reduce(0) { $0 + $1.blocks.count }
        summary.blocksFromCache = calc.reduce(0) { $0 + $1.reusedKeys.count }
        summary.latexLessonsFromCache = lessonsFromCache
        summary.latexLessonsRendered = course.lessons.count - lessonsFromCache
        summary.pagesKept = pages.filter(\.kept).count
        summary.documentsKept = documents.filter(\.kept).count
        if options.leaveAllocatedForExit {
            _ = Unmanaged.passRetained(LeftForExit((course, calc, pages, documents)))
        }
        return summary
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

    /// What latexmk left next to each document in the previous output (`stem.*`, by the
    /// document's file name), for `build --pdf` to carry over with kept documents.
    static func compiledLaTeX(in staging: StagingFolder) -> [String: [String]] {
        guard let previous = staging.previous else { return [:] }
        var found: [String: [String]] = [:]
        let names = (try? FileManager.default.contentsOfDirectory(atPath: previous.appendingPathComponent("latex").path)) ?? []
        for name in names.sorted() where !name.hasSuffix(".tex") && !name.hasPrefix(".") {
            guard let dot = name.firstIndex(of: ".") else { continue }
            found[String(name[..<dot]) + ".tex", default: []].append(name)
        }
        return found
    }

    /// Writes what is left once the pages and documents are written: the site's assets,
    /// the LaTeX images, and the cache entries the build used (file name -> content).
    /// `carried`: cache entries taken from the previous output as they are, when it has them.
    static func write(assets: SiteAssets, latexImages: [LaTeXImages.File] = [], cacheEntries: [String: String] = [:],
                      carried: [String] = [], to staging: StagingFolder) throws {
        _ = try assets.files.parallelMap { file in try staging.copy(file.source, to: file.target) }
        for image in latexImages {
            try staging.makeFolder(Array(image.target.dropLast()))
            try staging.write(image.data, to: image.target)
        }
        if !cacheEntries.isEmpty || !carried.isEmpty {
            try staging.makeFolder([CalcCache.folderName])
            _ = try cacheEntries.sorted(by: { $0.key < $1.key }).parallelMap { name, content in
                try staging.write(content, to: [CalcCache.folderName, name])
            }
            let fresh = Set(cacheEntries.keys)
            _ = try Array(Set(carried).subtracting(fresh)).sorted().parallelMap { name in
                try staging.keepPrevious([CalcCache.folderName, name], required: false)
            }
        }
    }

    static func writeFailure(_ error: Error, _ diagnostics: [Diagnostic], _ lessons: [LessonFile],
                             _ options: BuildOptions) -> BuildFailure {
        let diagnostic = SourceFile(displayPath: options.outputDisplay, text: "")
            .fileDiagnostic(.error, "\(error); the previous output is unchanged")
        return failure(.write, diagnostics + [diagnostic], lessons)
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
