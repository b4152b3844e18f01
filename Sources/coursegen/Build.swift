import ArgumentParser
import Courseware
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `coursegen build`: the whole course to a static site in `<output>/site`.
struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the course into a static HTML site.")

    @OptionGroup var course: CourseOptions

    @Flag(help: "Also compile every LaTeX document of <output>/latex with latexmk into PDFs next to them.")
    var pdf = false

    @Flag(name: .customLong("no-cache"), help: "Evaluate every calc block again instead of reusing earlier results.")
    var noCache = false

    @Flag(help: "Print how long each step took and what came from the cache.")
    var timings = false

    func run() throws {
        Build.tuneMemory()
        var options = BuildOptions(content: course.content, templates: course.templates, output: course.output)
        options.useCache = !noCache
        options.leaveAllocatedForExit = true
        options.keepCompiledLaTeX = pdf
        let summary: BuildSummary
        do {
            summary = try CourseBuild.build(options)
            Diagnostics.report(summary.warnings)
            let warnings = summary.warnings.count
            print("Built \(summary.lessonCount) lesson\(summary.lessonCount == 1 ? "" : "s") into \(summary.siteDisplayPath)"
                  + (warnings == 0 ? "" : " (\(warnings) warning\(warnings == 1 ? "" : "s"))"))
            if timings { printTimings(summary) }
        } catch {
            Diagnostics.report(error.diagnostics)
            let errors = error.diagnostics.filter { $0.severity == .error }.count
            Diagnostics.printError("build failed with \(errors) error\(errors == 1 ? "" : "s"); \(course.output) was not changed")
            throw ExitCode(1)
        }
        if pdf { try compilePDFs(summary.latexDocuments) }
    }

    /// A build allocates a few hundred megabytes on both cores. By default glibc grows the
    /// heap of a second thread 128 KiB at a time and gives memory back as soon as it is
    /// free: over a thousand `mprotect` calls in a large build, each of which makes the
    /// other core wait in its page faults. Growing 16 MiB at a time, keeping what was freed
    /// and taking large blocks from the heap too removes nearly all of them.
    static func tuneMemory() {
        #if canImport(Glibc)
        // mallopt(3) from <malloc.h>, which the Glibc module does not bring in.
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
        let trimThreshold: Int32 = -1, topPad: Int32 = -2, mmapThreshold: Int32 = -3  // M_* in <malloc.h>
        _ = mallopt(mmapThreshold, 64 << 20)
        _ = mallopt(topPad, 16 << 20)
        _ = mallopt(trimThreshold, 256 << 20)
        #endif
    }

    /// `--timings`: one line per step, then the cache's share of the work.
    func printTimings(_ summary: BuildSummary) {
        func milliseconds(_ seconds: Double) -> String {
            let tenths = Int((seconds * 10_000).rounded())
            return "\(tenths / 10).\(tenths % 10) ms"
        }
        let width = summary.timings.map(\.step.count).max() ?? 0
        for (step, seconds) in summary.timings {
            print("  " + step + String(repeating: " ", count: width - step.count) + "  " + milliseconds(seconds))
        }
        let total = summary.timings.reduce(0) { $0 + $1.seconds }
        print("  " + "total" + String(repeating: " ", count: max(0, width - 5)) + "  " + milliseconds(total))
        print("  calc blocks: \(summary.blocksEvaluated) evaluated, \(summary.blocksFromCache) from the cache; "
              + "LaTeX: \(summary.latexLessonsRendered) lesson\(summary.latexLessonsRendered == 1 ? "" : "s") rendered, "
              + "\(summary.latexLessonsFromCache) from the cache; kept from the previous output: "
              + "\(summary.pagesKept) page\(summary.pagesKept == 1 ? "" : "s"), "
              + "\(summary.documentsKept) LaTeX document\(summary.documentsKept == 1 ? "" : "s")")
    }

    /// `--pdf`: latexmk on every document; each failure is reported with its lesson and TeX's message.
    func compilePDFs(_ documents: [String]) throws {
        let latexDisplay = BuildOptions.display(course.output) + "/latex"
        guard let latexmk = LaTeXCompiler.latexmk() else {
            Diagnostics.printError("error: --pdf needs latexmk, which is not installed (Debian: apt-get install latexmk "
                + "texlive-latex-extra texlive-fonts-recommended); the LaTeX sources are in \(latexDisplay)")
            throw ExitCode(1)
        }
        let compiler = LaTeXCompiler(folder: URL(fileURLWithPath: course.output).appendingPathComponent("latex"),
                                     displayPath: latexDisplay)
        let outcomes = compiler.compile(documents, latexmk: latexmk)
        var failed = 0
        for outcome in outcomes {
            let stem = String(outcome.document.dropLast(".tex".count))
            let what = stem == "course" ? "the course book"
                : "lesson '" + ["-exercises", "-answers"].reduce(stem) { name, suffix in
                    name.hasSuffix(suffix) ? String(name.dropLast(suffix.count)) : name } + "'"
            if !outcome.succeeded {
                failed += 1
                Diagnostics.printError("error: LaTeX failed for \(what) (\(latexDisplay)/\(outcome.document))")
                for error in outcome.errors { Diagnostics.printError("  " + error) }
                if outcome.errors.isEmpty { Diagnostics.printError("  see \(latexDisplay)/\(stem).log") }
            }
            for problem in outcome.problems { Diagnostics.printError("warning: \(what): " + problem) }
        }
        guard failed == 0 else {
            Diagnostics.printError("error: \(failed) of \(outcomes.count) LaTeX documents failed to compile")
            throw ExitCode(1)
        }
        print("Compiled \(outcomes.count) PDF\(outcomes.count == 1 ? "" : "s") into \(latexDisplay)")
    }
}
