import Foundation
@testable import Courseware
import MarkdownSyntax
import Testing

/// Markdown images copied into `latex/images/` for `\includegraphics`: only relative paths
/// inside the content folder, and a warning at the image for everything else.
@Suite struct LaTeXImagesTests {
    struct PathCase: Sendable, CustomTestStringConvertible {
        var source: String
        var components: [String]?
        var testDescription: String { source }
    }

    @Test(arguments: [
        PathCase(source: "plot.png", components: ["plot.png"]),
        PathCase(source: "figs/./a.png", components: ["figs", "a.png"]),
        PathCase(source: "figs/../b.png", components: ["b.png"]),
        PathCase(source: "a%20b.png?v=2#top", components: ["a b.png"]),
        PathCase(source: "../outside.png", components: nil),
        PathCase(source: "figs/../../outside.png", components: nil),
        PathCase(source: "https://example.com/a.png", components: nil),
        PathCase(source: "data:image/png;base64,AAAA", components: nil),
        PathCase(source: "/etc/a.png", components: nil),
        PathCase(source: "", components: nil),
        PathCase(source: "figs/", components: nil),
    ])
    func relativePaths(_ row: PathCase) {
        switch LaTeXImages.relativePath(row.source) {
        case .success(let components): #expect(components == row.components)
        case .failure(let reason): #expect(row.components == nil, "\(reason.message)")
        }
    }

    @Test func namesAreSafeForLaTeXAndUnique() {
        var taken: Set<String> = []
        #expect(LaTeXImages.uniqueName(["my figs", "plot v1.PNG"], pdf: false, taken: &taken) == "my-figs/plot-v1.png")
        #expect(LaTeXImages.uniqueName(["my_figs", "plot v1.png"], pdf: false, taken: &taken) == "my_figs/plot-v1.png")
        #expect(LaTeXImages.uniqueName(["my-figs", "plot_v1.png"], pdf: false, taken: &taken) == "my-figs/plot_v1.png")
        #expect(LaTeXImages.uniqueName(["my figs", "plot-v1.png"], pdf: false, taken: &taken) == "my-figs/plot-v1-2.png")
        #expect(LaTeXImages.uniqueName(["drawing.svg"], pdf: true, taken: &taken) == "drawing.pdf")
        #expect(LaTeXImages.uniqueName(["é.png"], pdf: false, taken: &taken) == "-.png")
    }

    static func lesson(_ markdown: String) -> Lesson {
        Lesson(number: 1, slug: Slug("one")!, metadata: LessonMetadata(title: "One"),
               document: MarkdownParser.parse(markdown, file: "Content/01-one.md"), file: "Content/01-one.md", text: markdown)
    }

    @Test func imagesInsideTheContentFolderAreCopiedAndTheOthersWarnedAbout() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("PNG bytes", to: "Content/figs/a.png")
        try folder.write("JPEG bytes", to: "Content/b.JPG")
        try folder.write("GIF bytes", to: "Content/c.gif")
        try folder.write("secret", to: "outside.png")
        try FileManager.default.createSymbolicLink(atPath: folder.url.appendingPathComponent("Content/link.png").path,
                                                   withDestinationPath: folder.url.appendingPathComponent("outside.png").path)
        let lesson = Self.lesson("""
            Text ![a](figs/a.png) and ![again](figs/a.png).

            > [!note] ![b](b.JPG)
            > - ![c](c.gif)

            ![d](missing.png) ![e](../outside.png) ![f](link.png)
            """)
        let images = LaTeXImages.collect([lesson], contentFolder: folder.url.appendingPathComponent("Content"), converter: nil)
        #expect(images.included == ["figs/a.png": "images/figs/a.png", "b.JPG": "images/b.jpg"])
        #expect(images.files.map(\.target) == [["latex", "images", "b.jpg"], ["latex", "images", "figs", "a.png"]])
        #expect(images.files.map { String(decoding: $0.data, as: UTF8.self) } == ["JPEG bytes", "PNG bytes"])
        let warnings = images.diagnostics.map { "\($0.location) \($0.message)" }
        #expect(warnings == [
            "4:10 pdflatex cannot include '.gif' images (only PNG, JPEG, PDF and SVG): 'c.gif' is shown as a box naming it",
            "6:6 image file 'missing.png' not found in the content folder",
            "6:24 image '../outside.png' leads outside the content folder",
            "6:45 image 'link.png' leads outside the content folder",
        ], "\(warnings)")
        #expect(images.diagnostics.allSatisfy { $0.severity == .warning && $0.file == "Content/01-one.md" })
    }

    @Test func anSVGWithoutTheConverterIsAWarningAndABox() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"4\" height=\"4\"/>", to: "Content/d.svg")
        let images = LaTeXImages.collect([Self.lesson("![d](d.svg)\n")], contentFolder: folder.url.appendingPathComponent("Content"),
                                         converter: nil)
        #expect(images.included.isEmpty && images.files.isEmpty)
        #expect(images.diagnostics.map(\.message) == [
            "image 'd.svg' is not in the LaTeX: rsvg-convert (Debian package librsvg2-bin) is not installed, so the SVG cannot be converted for pdflatex"])
    }

    @Test func anSVGIsConvertedToTheSamePDFEveryTime() throws {
        let converter = try #require(LaTeXImages.executable("rsvg-convert"), "rsvg-convert (librsvg2-bin) is not installed")
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"40\" height=\"20\"><rect width=\"40\" height=\"20\" fill=\"red\"/></svg>",
                         to: "Content/d.svg")
        try folder.write("<svg broken", to: "Content/bad.svg")
        let content = folder.url.appendingPathComponent("Content")
        let first = LaTeXImages.collect([Self.lesson("![d](d.svg) ![bad](bad.svg)\n")], contentFolder: content, converter: converter)
        let second = LaTeXImages.collect([Self.lesson("![d](d.svg)\n")], contentFolder: content, converter: converter)
        #expect(first.included == ["d.svg": "images/d.pdf"])
        let pdf = try #require(first.files.first)
        #expect(pdf.target == ["latex", "images", "d.pdf"])
        #expect(pdf.data.starts(with: Array("%PDF".utf8)))
        #expect(pdf.data == second.files.first?.data)
        #expect(first.diagnostics.count == 1 && first.diagnostics[0].message.hasPrefix("image 'bad.svg' is not in the LaTeX: rsvg-convert failed"),
                "\(first.diagnostics.map(\.message))")
    }

    @Test func theRendererIncludesCopiedImagesAndNamesTheOthers() {
        let lesson = Self.lesson("![a plot](figs/a.png)\n\nInline ![x](figs/a.png) and ![gone](gone.png).\n")
        let numbering = CourseNumbering(lessons: [lesson])
        var renderer = LaTeXRenderer(numbers: numbering.lessons[0], labels: numbering.labels)
        renderer.images = ["figs/a.png": "images/figs/a.png"]
        let tex = renderer.render(lesson.document.blocks)
        #expect(tex == "\\begin{center}\n\\cgincludegraphics{images/figs/a.png}\n\\end{center}\n\n"
                + "Inline \\cgincludegraphics{images/figs/a.png} and \\cgimage{gone}{gone.png}.\n", "\(tex)")
    }
}
