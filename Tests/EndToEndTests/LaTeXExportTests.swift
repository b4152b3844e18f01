import Foundation
import Testing

/// The LaTeX documents compiled with latexmk through `coursegen build --pdf`: they compile
/// with no errors, undefined references or missing characters, they show hostile text as
/// written, and every number matches the site's.
@Suite(.serialized) struct LaTeXExportTests {
    /// A course built with `--pdf` into a fresh folder.
    struct Built {
        let output: URL
        var latex: URL { output.appendingPathComponent("latex") }
        func read(_ path: String) throws -> String {
            try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
        }
    }

    static func buildWithPDF(content: URL, in root: URL) throws -> Built {
        _ = try ExternalTool.find("latexmk")
        let package = CourseGenProcess.packageRoot
        let outcome = try CourseGenProcess.run(
            ["build", "--pdf", "--content", content.path,
             "--templates", package.appendingPathComponent("Templates").path,
             "--output", root.appendingPathComponent("Output").path], in: root)
        #expect(outcome.status == 0, "coursegen build --pdf failed:\n\(outcome.stderr)")
        #expect(outcome.stderr == "", "warnings from the build or LaTeX:\n\(outcome.stderr)")
        #expect(outcome.stdout.contains("Compiled "), "\(outcome.stdout)")
        return Built(output: root.appendingPathComponent("Output"))
    }

    /// Every document compiled cleanly: a PDF, no `!` error, no undefined reference, no missing character.
    static func checkLogs(_ built: Built) throws -> [String] {
        let documents = try FileManager.default.contentsOfDirectory(atPath: built.latex.path)
            .filter { $0.hasSuffix(".tex") }.sorted()
        for document in documents {
            let stem = String(document.dropLast(4))
            #expect(FileManager.default.fileExists(atPath: built.latex.appendingPathComponent(stem + ".pdf").path),
                    "no PDF for \(document)")
            let log = try built.read("latex/" + stem + ".log")
            let lines = log.split(separator: "\n").map(String.init)
            #expect(!lines.contains { $0.hasPrefix("!") }, "\(document): TeX error")
            #expect(!log.lowercased().contains("undefined"), "\(document): \(lines.filter { $0.lowercased().contains("undefined") })")
            #expect(!log.contains("Missing character"), "\(document): \(lines.filter { $0.contains("Missing character") })")
            #expect(!log.contains("Warning:"), "\(document): \(lines.filter { $0.contains("Warning:") })")
        }
        return documents
    }

    static func pdfText(_ pdf: URL) throws -> String {
        let outcome = try ExternalTool.run("pdftotext", ["-enc", "UTF-8", pdf.path, "-"])
        #expect(outcome.status == 0, "pdftotext: \(outcome.stderr)")
        return outcome.stdout
    }

    /// What `pdftotext` gives for a few glyphs that are drawn from math fonts or as
    /// ligatures, mapped back to the characters written; spacing collapsed.
    static func normalized(_ text: String) -> String {
        var text = text
        for (shown, written) in [("ﬁ", "fi"), ("ﬂ", "fl"), ("ﬀ", "ff"), ("ﬃ", "ffi"), ("ﬄ", "ffl"),
                                  (". . .", "…"), ("∥", "‖"), ("̸=", "≠"), ("∆", "Δ")] {
            text = text.replacingOccurrences(of: shown, with: written)
        }
        return text.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
    }

    static func artifacts() throws -> URL {
        let folder = CourseGenProcess.packageRoot.appendingPathComponent("TestArtifacts/latex")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func hostileTextCompilesAndReadsAsWritten() throws {
        let fixture = try Fixture(LaTeXFixtures.hostileCourse)
        defer { fixture.remove() }
        let built = try Self.buildWithPDF(content: fixture.root.appendingPathComponent("Content"), in: fixture.root)
        let documents = try Self.checkLogs(built)
        #expect(documents == ["course.tex", "hostile-answers.tex", "hostile-exercises.tex", "hostile.tex"])
        let handout = try built.read("latex/hostile.tex")
        #expect(handout.contains("letterpaper"))
        // end-of-lesson, the default: the answer key closes the handout on a new page.
        #expect(handout.contains("\\clearpage\n\\section*{Answers}"))
        let text = Self.normalized(try Self.pdfText(built.latex.appendingPathComponent("hostile.pdf")))
        for (markdown, shown) in LaTeXFixtures.hostile {
            #expect(text.contains(Self.normalized(shown)), "\(markdown) is not shown as \(shown) in:\n\(text)")
        }
        #expect(text.contains("Lesson 1: Hostile #1: $ & _"))
        #expect(text.contains("Hostile & 100% {course}"))
        #expect(text.contains("\\end{CodeBlock} # % & ~ ^ _ { } α ∇"))
        #expect(text.contains("Theorem 1.1 (A [b] & c_d). Body of Theorem 1.1 with 100% and \\."), "\(text)")
    }

    @Test func sampleCourseCompilesWithTheSiteNumbers() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("coursegen-latex-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let built = try Self.buildWithPDF(content: CourseGenProcess.packageRoot.appendingPathComponent("Content"), in: root)
        let documents = try Self.checkLogs(built)
        // A handout, an exercise sheet and an answer key per lesson, and the book.
        let lessons = try FileManager.default.contentsOfDirectory(
            atPath: CourseGenProcess.packageRoot.appendingPathComponent("Content").path).filter { $0.hasSuffix(".md") }
        #expect(documents.contains("course.tex") && documents.count == 3 * lessons.count + 1, "\(documents)")
        try Self.checkNumberParity(built)

        // The computed answers of the calc blocks, as the site shows them, are in the book.
        let book = try Self.pdfText(built.latex.appendingPathComponent("course.pdf"))
        var computed: [String] = []
        for page in try FileManager.default.contentsOfDirectory(atPath: built.output.appendingPathComponent("site").path)
        where page.hasSuffix(".html") {
            let html = try built.read("site/" + page)
            for answer in html.matches(of: /<p class="calc-answer">(.*?)<\/p>/) {
                computed += answer.1.matches(of: /\d+\.\d+/).map { String($0.0) }
            }
        }
        #expect(!computed.isEmpty, "the sample course shows no computed decimals")
        for number in computed { #expect(book.contains(number), "computed \(number) is not in the book") }

        // The first pages of the book, kept for people to look at.
        let artifacts = try Self.artifacts()
        for old in try FileManager.default.contentsOfDirectory(atPath: artifacts.path) where old.hasPrefix("course-") {
            try FileManager.default.removeItem(at: artifacts.appendingPathComponent(old))
        }
        let render = try ExternalTool.run("pdftoppm", ["-png", "-r", "60", "-f", "1", "-l", "4",
            built.latex.appendingPathComponent("course.pdf").path, artifacts.appendingPathComponent("course").path])
        #expect(render.status == 0, "pdftoppm: \(render.stderr)")
        let pngs = try FileManager.default.contentsOfDirectory(atPath: artifacts.path).filter { $0.hasPrefix("course-") }
        #expect(pngs.count == 4, "\(pngs)")
    }

    @Test func fixtureCourseCompilesWithTheSiteNumbers() throws {
        let fixture = try LaTeXFixtures.fixtureCourseFolder()
        defer { fixture.remove() }
        let built = try Self.buildWithPDF(content: fixture.root.appendingPathComponent("Content"), in: fixture.root)
        let documents = try Self.checkLogs(built)
        #expect(documents == ["basics-answers.tex", "basics-exercises.tex", "basics.tex", "course.tex",
                              "more-answers.tex", "more-exercises.tex", "more.tex"])
        try Self.checkNumberParity(built)
        // `separate`: the handout carries no answers.
        #expect(!(try built.read("latex/basics.tex")).contains("\\section*{Answers}"))
        let book = Self.normalized(try Self.pdfText(built.latex.appendingPathComponent("course.pdf")))
        for expected in ["Theorem 2.1 (Main)", "Theorem 2.2", "Lemma 2.1 (Helper)", "Proposition 2.1", "Corollary 2.1 (Last)",
                         "Definition 1.1 (Point)", "Example 1.1", "Remark 1.1 (Careful)", "Caution 1.1", "Note",
                         "By Definition 1.1 and Equation (1.1), Section 1.1 holds.", "Ann Author", "Diagram word"] {
            #expect(book.contains(expected), "missing \(expected)")
        }
        #expect(!book.contains("raw html"))
        // Calc blocks: worked example, exercises numbered as on the site, the figure, and the
        // computed answers in the appendix.
        for expected in ["Worked example", "Exercise 2.1", "Exercise 2.2", "Figure 2.1", "Level sets of f",
                         "Hint. Normalize the direction first.", "Exercise 2.1 and Figure 2.1"] {
            #expect(book.contains(expected), "missing \(expected)")
        }
        let site = try built.read("site/more.html")
        #expect(site.contains("Exercise 2.1") && site.contains("Exercise 2.2") && site.contains("Figure 2.1"))
        let appendix = String(book[(book.range(of: "Answers")?.upperBound ?? book.endIndex)...])
        #expect(appendix.contains("−2") || appendix.contains("-2"), "the computed answer -2 is not in the appendix:\n\(appendix)")
        let sheet = Self.normalized(try Self.pdfText(built.latex.appendingPathComponent("more-exercises.pdf")))
        #expect(sheet.contains("Exercise 2.1") && sheet.contains("Exercise 2.2") && sheet.contains("Hint. Normalize the direction first."))
        // Each exercise states the function it asks about, as the site does.
        let sheetTeX = try built.read("latex/more-exercises.tex")
        #expect(sheetTeX.contains("\\[ f(x, y) = x^{2} - y^{2} \\]"), "\(sheetTeX)")
        #expect(sheetTeX.contains("\\[ h(x, y) = 3x + 5y \\]"), "\(sheetTeX)")
        let key = Self.normalized(try Self.pdfText(built.latex.appendingPathComponent("more-answers.pdf")))
        #expect(key.contains("Exercise 2.1") && key.contains("Exercise 2.2") && (key.contains("−2") || key.contains("-2")))
        // A handout names items of other lessons in the site's words, without a link target.
        let handout = Self.normalized(try Self.pdfText(built.latex.appendingPathComponent("more.pdf")))
        #expect(handout.contains("By Definition 1.1 and Equation (1.1), Section 1.1 holds."))
    }

    /// Images: the PNG is copied and drawn in the PDF, the SVG converted (its word is in
    /// the PDF's text); exercises come after the lesson, numbered and referenced as on the site.
    @Test func imagesAreIncludedAndExercisesGatheredAtTheEnd() throws {
        let fixture = try LaTeXFixtures.fixtureCourseFolder()
        defer { fixture.remove() }
        let built = try Self.buildWithPDF(content: fixture.root.appendingPathComponent("Content"), in: fixture.root)
        _ = try Self.checkLogs(built)
        #expect(try Data(contentsOf: built.latex.appendingPathComponent("images/plot.png")) == LaTeXFixtures.plotPNG)
        #expect(try Data(contentsOf: built.latex.appendingPathComponent("images/figures/diagram.pdf")).starts(with: Array("%PDF".utf8)))
        let handoutTeX = try built.read("latex/basics.tex")
        #expect(handoutTeX.contains("\\cgincludegraphics{images/plot.png}"))
        #expect(handoutTeX.contains("\\begin{center}\n\\cgincludegraphics{images/figures/diagram.pdf}\n\\end{center}"))
        // pdfimages lists the PNG (24 x 12) in the handout and the book; the SVG is vector, so it is text.
        for pdf in ["basics.pdf", "course.pdf"] {
            _ = try ExternalTool.find("pdfimages")
            let list = try ExternalTool.run("pdfimages", ["-list", built.latex.appendingPathComponent(pdf).path])
            #expect(list.status == 0, "pdfimages: \(list.stderr)")
            let images = list.stdout.split(separator: "\n").filter { $0.contains(" image ") && $0.contains(" 24 ") && $0.contains(" 12 ") }
            #expect(images.count == 1, "\(pdf):\n\(list.stdout)")
            #expect(Self.normalized(try Self.pdfText(built.latex.appendingPathComponent(pdf))).contains("Diagram word"))
        }

        // The exercises of `more` were written between the worked example and the figure;
        // they follow the whole lesson, figure included, under "Exercises".
        let more = try built.read("latex/more.tex")
        func position(_ text: String) -> String.Index? { more.range(of: text)?.lowerBound }
        let marks = ["\\begin{cgworked}", "\\begin{figure}", "\\section*{Exercises}",
                     "\\cgnumber{cgexercise}{2.1}", "\\label{ex-dir}", "\\cgnumber{cgexercise}{2.2}", "\\end{document}"].map(position)
        #expect(!marks.contains(nil) && marks.compactMap { $0 } == marks.compactMap { $0 }.sorted(), "\(more)")
        #expect(more.components(separatedBy: "\\begin{cgexercise}").count == 3)
        let text = Self.normalized(try Self.pdfText(built.latex.appendingPathComponent("more.pdf")))
        #expect(text.contains("Exercise 2.1 and Figure 2.1"), "the reference to the gathered exercise: \(text)")
        let book = try built.read("latex/course.tex")
        #expect(book.contains("\\section*{Exercises}\n\\addcontentsline{toc}{section}{Exercises}"))
    }

    @Test func aFailedBuildLeavesTheImagesAsTheyWere() throws {
        let fixture = try LaTeXFixtures.fixtureCourseFolder()
        defer { fixture.remove() }
        #expect(try CourseGenProcess.build(in: fixture.root).status == 0)
        let before = fixture.snapshot("Output/latex/images")
        #expect(before.keys.sorted() == ["figures/diagram.pdf", "plot.png"])
        // A changed image and a lesson with an error: the build stops, the old copies stay.
        try Data([1, 2, 3]).write(to: fixture.root.appendingPathComponent("Content/plot.png"))
        try fixture.write("---\ntitle: Broken\n---\n\nSee @thm-nowhere.\n", to: "Content/03-broken.md")
        let outcome = try CourseGenProcess.build(in: fixture.root)
        #expect(outcome.status != 0)
        #expect(fixture.snapshot("Output/latex/images") == before)
    }

    @Test func anImageOutsideTheContentFolderIsAWarningAndNamedInABox() throws {
        let fixture = try Fixture(["01-one.md": "---\ntitle: One\n---\n\nSee ![secret](../secret.png).\n"])
        defer { fixture.remove() }
        try LaTeXFixtures.plotPNG.write(to: fixture.root.appendingPathComponent("secret.png"))
        let outcome = try CourseGenProcess.build(in: fixture.root)
        #expect(outcome.status == 0)
        #expect(outcome.stderr.contains("Content/01-one.md:5:15: warning: image '../secret.png' leads outside the content folder"),
                "\(outcome.stderr)")
        #expect(!fixture.exists("Output/latex/images"))
        #expect(try fixture.read("Output/latex/one.tex").contains("\\cgimage{secret}{../secret.png}"))
    }

    @Test func aLaTeXErrorIsReportedWithItsLessonAndLine() throws {
        let fixture = try Fixture(["01-one.md": "---\ntitle: One\n---\n\nText.\n"])
        defer { fixture.remove() }
        // The package's templates with a mistake in the handout.
        let templates = CourseGenProcess.packageRoot.appendingPathComponent("Templates")
        for folder in ["html", "latex", "assets"] {
            let names = try FileManager.default.contentsOfDirectory(atPath: templates.appendingPathComponent(folder).path)
            for name in names {
                var text = try String(contentsOf: templates.appendingPathComponent(folder + "/" + name), encoding: .utf8)
                if folder == "latex", name == "handout.mustache" {
                    text = text.replacingOccurrences(of: "\\maketitle\n", with: "\\maketitle\n\\notacommand\n")
                }
                try fixture.write(text, to: "Templates/" + folder + "/" + name)
            }
        }
        _ = try ExternalTool.find("latexmk")
        let outcome = try CourseGenProcess.run(["build", "--pdf", "--templates", "Templates"], in: fixture.root)
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("error: LaTeX failed for lesson 'one' (Output/latex/one.tex)"), "\(outcome.stderr)")
        #expect(outcome.stderr.contains(#/Output/latex/one\.tex:\d+: Undefined control sequence\. \(at '\\notacommand'\)/#),
                "\(outcome.stderr)")
        #expect(outcome.stderr.contains("error: 1 of 4 LaTeX documents failed to compile"), "\(outcome.stderr)")
        #expect(outcome.stderr.split(separator: "\n").count < 10, "not a wall of log:\n\(outcome.stderr)")
    }

    /// `--pdf` after editing one lesson compiles that lesson's documents and the book; the
    /// other lessons' PDFs come over from the previous output as latexmk left them.
    @Test func pdfRebuildCompilesOnlyWhatChanged() throws {
        let fixture = try Fixture(["course.yml": "title: T\nlessons: [one, two]\n",
                                   "01-one.md": "---\ntitle: One\n---\n\nText one.\n",
                                   "02-two.md": "---\ntitle: Two\n---\n\nText two.\n"])
        defer { fixture.remove() }
        _ = try ExternalTool.find("latexmk")
        let templates = CourseGenProcess.packageRoot.appendingPathComponent("Templates").path
        func inode(_ path: String) throws -> Int {
            let attributes = try FileManager.default.attributesOfItem(atPath: fixture.root.appendingPathComponent(path).path)
            return try #require(attributes[.systemFileNumber] as? Int)
        }
        let first = try CourseGenProcess.run(["build", "--pdf", "--templates", templates], in: fixture.root)
        #expect(first.status == 0, "\(first.stderr)")
        let one = try inode("Output/latex/one.pdf"), two = try inode("Output/latex/two.pdf")
        let book = try inode("Output/latex/course.pdf")

        try fixture.write("---\ntitle: Two\n---\n\nText two, edited.\n", to: "Content/02-two.md")
        let second = try CourseGenProcess.run(["build", "--pdf", "--templates", templates], in: fixture.root)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(try inode("Output/latex/one.pdf") == one, "the unchanged lesson's PDF is the previous one")
        #expect(fixture.exists("Output/latex/one.fdb_latexmk"))
        #expect(try inode("Output/latex/two.pdf") != two)
        #expect(try inode("Output/latex/course.pdf") != book)
        let text = try ExternalTool.run("pdftotext", ["Output/latex/two.pdf", "-"], in: fixture.root)
        #expect(text.stdout.contains("Text two, edited."), "\(text.stdout)")

        // A build without --pdf carries no PDFs.
        let plain = try CourseGenProcess.run(["build", "--templates", templates], in: fixture.root)
        #expect(plain.status == 0, "\(plain.stderr)")
        #expect(!fixture.exists("Output/latex/one.pdf"))
    }

    @Test func withoutLaTeXMkThePDFStepSaysSo() throws {
        let fixture = try Fixture(["01-one.md": "---\ntitle: One\n---\n\nText.\n"])
        defer { fixture.remove() }
        let process = Process()
        process.executableURL = try CourseGenProcess.executable()
        process.arguments = ["build", "--pdf", "--templates", CourseGenProcess.packageRoot.appendingPathComponent("Templates").path]
        process.currentDirectoryURL = fixture.root
        process.environment = ["PATH": "/nonexistent"]
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let data = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let stderr = String(decoding: data, as: UTF8.self)
        #expect(process.terminationStatus == 1)
        #expect(stderr.contains("error: --pdf needs latexmk, which is not installed"), "\(stderr)")
        #expect(fixture.exists("Output/latex/one.tex"))
    }

    @Test func theSameCourseGivesTheSameBytes() throws {
        let fixture = try LaTeXFixtures.fixtureCourseFolder()
        defer { fixture.remove() }
        #expect(try CourseGenProcess.build(in: fixture.root, output: "First").status == 0)
        #expect(try CourseGenProcess.build(in: fixture.root, output: "Second").status == 0)
        let first = fixture.snapshot("First/latex"), second = fixture.snapshot("Second/latex")
        // Seven documents, the PNG and the SVG converted to PDF.
        #expect(first.count == 9, "\(first.keys.sorted())")
        #expect(first == second)
    }

    @Test func answersCanBeTurnedOffAndPaperDefaultsToA4() throws {
        let fixture = try Fixture(["course.yml": "title: T\nlatex_answers: none\n",
                                   "01-one.md": "---\ntitle: One\n---\n\nText.\n"])
        defer { fixture.remove() }
        let outcome = try CourseGenProcess.build(in: fixture.root)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(fixture.entries("Output/latex") == ["course.tex", "one-exercises.tex", "one.tex"])
        let handout = try fixture.read("Output/latex/one.tex")
        #expect(handout.contains("a4paper") && !handout.contains("Answers"))
        #expect(!(try fixture.read("Output/latex/course.tex")).contains("\\appendix"))
    }

    @Test func anUnknownOptionValueIsAWarning() throws {
        let fixture = try Fixture(["course.yml": "title: T\npaper: a5\n",
                                   "01-one.md": "---\ntitle: One\n---\n\nText.\n"])
        defer { fixture.remove() }
        let outcome = try CourseGenProcess.build(in: fixture.root)
        #expect(outcome.status == 0)
        #expect(outcome.stderr.contains("unknown paper 'a5' (known: a4, letter)"), "\(outcome.stderr)")
    }

    /// Every numbered item has the same number in the HTML pages and the book: labelled
    /// items through the book's `.aux`, sections through its table of contents, callouts in
    /// reading order through its text.
    static func checkNumberParity(_ built: Built) throws {
        let site = built.output.appendingPathComponent("site")
        let pages = try FileManager.default.contentsOfDirectory(atPath: site.path)
            .filter { $0.hasSuffix(".html") && $0 != "index.html" }
        // Lessons in course order: by their kicker number.
        var html: [(lesson: Int, text: String)] = []
        for page in pages {
            let text = try String(contentsOf: site.appendingPathComponent(page), encoding: .utf8)
            let number = Int(text.firstMatch(of: /<p class="lesson-kicker">Lesson (\d+)<\/p>/)?.1 ?? "0") ?? 0
            html.append((number, text))
        }
        html.sort { $0.lesson < $1.lesson }

        var htmlLabels: [String: String] = [:]
        var htmlSections: [String] = []
        var htmlCallouts: [String] = []
        for (_, text) in html {
            // Numbered items of the page in reading order, by where each starts.
            var items: [(String.Index, String)] = []
            defer { htmlCallouts += items.sorted { $0.0 < $1.0 }.map(\.1) }
            for match in text.matches(of: /<div class="callout [^"]*" id="([^"]+)">\n<p class="callout-heading"><span class="callout-kind">\w+ ([\d.]+)<\/span>/) {
                htmlLabels[String(match.1)] = String(match.2)
            }
            for match in text.matches(of: /<div class="equation" id="([^"]+)">\n<div class="math display">[^<]*<\/div>\n<span class="equation-number">\(([\d.]+)\)<\/span>/) {
                htmlLabels[String(match.1)] = String(match.2)
            }
            for match in text.matches(of: /<div class="calc-exercise" id="([^"]+)">\n<p class="calc-exercise-title"><strong>Exercise ([\d.]+)<\/strong>/) {
                // Unlabelled exercises get an id made from their number; only labels go to the aux.
                if match.1.hasPrefix("ex-") { htmlLabels[String(match.1)] = String(match.2) }
                items.append((match.range.lowerBound, "Exercise " + match.2))
            }
            for match in text.matches(of: /<figure class="calc-figure" id="([^"]+)">[\s\S]*?<span class="figure-number">Figure ([\d.]+)\.<\/span>/) {
                if match.1.hasPrefix("fig-") { htmlLabels[String(match.1)] = String(match.2) }
                items.append((match.range.lowerBound, "Figure " + match.2))
            }
            for match in text.matches(of: /<h[23] id="([^"]+)"><span class="section-number">([\d.]+)<\/span>/) {
                htmlSections.append(String(match.2))
                if match.1.hasPrefix("sec-") { htmlLabels[String(match.1)] = String(match.2) }
            }
            for match in text.matches(of: /<span class="callout-kind">(\w+) ([\d.]+)<\/span>/) {
                items.append((match.range.lowerBound, match.1 + " " + match.2))
            }
        }
        #expect(!htmlLabels.isEmpty && !htmlSections.isEmpty && !htmlCallouts.isEmpty)

        let aux = try built.read("latex/course.aux")
        var latexLabels: [String: String] = [:]
        // amsmath's \tag writes its number in one more pair of braces.
        for match in aux.matches(of: /\\newlabel\{([^}]+)\}\{\{\{?([^{}]*)\}/) where !match.1.hasSuffix("@cref") {
            latexLabels[String(match.1)] = String(match.2)
        }
        #expect(latexLabels == htmlLabels)

        let toc = try built.read("latex/course.toc")
        let latexSections = toc.matches(of: /\\contentsline \{(?:sub)?section\}\{\\numberline \{([\d.]+)\}/).map { String($0.1) }
        #expect(latexSections == htmlSections)

        let book = try pdfText(built.latex.appendingPathComponent("course.pdf"))
        let kinds = "Definition|Theorem|Lemma|Proposition|Corollary|Example|Remark|Caution|Exercise|Figure"
        let heading = try Regex<(Substring, Substring)>("(?m)^((?:\(kinds)) \\d+\\.\\d+)(?=[ .(:]|$)")
        let latexCallouts = book.matches(of: heading).map { String($0.1) }
        // Callout headings start a line in the text; a reference may too, so the site's
        // callouts must appear in order among them, and nothing else may.
        // Figures float in LaTeX (to the top of a page), so only their numbers are compared
        // (the sets below); every other item must keep its place.
        var remaining = latexCallouts.filter { !$0.hasPrefix("Figure ") }[...]
        for callout in htmlCallouts where !callout.hasPrefix("Figure ") {
            guard let found = remaining.firstIndex(of: callout) else {
                Issue.record("\(callout) of the site is not in the book (book: \(latexCallouts))")
                return
            }
            remaining = remaining[(found + 1)...]
        }
        #expect(Set(latexCallouts) == Set(htmlCallouts))
    }
}
