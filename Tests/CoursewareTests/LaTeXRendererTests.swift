@testable import Courseware
import MarkdownSyntax
import Testing

/// The LaTeX of lesson trees: numbers from the course numbering, references through \ref,
/// math byte for byte.
@Suite struct LaTeXRendererTests {
    static func render(_ lessons: [(String, String)], position: Int = 0, wholeCourse: Bool = true) -> String {
        let parsed = lessons.enumerated().map { index, entry in
            Lesson(number: index + 1, slug: Slug(entry.0)!, metadata: LessonMetadata(title: entry.0),
                   document: MarkdownParser.parse(entry.1, file: entry.0 + ".md"), file: entry.0 + ".md", text: entry.1)
        }
        let numbering = CourseNumbering(lessons: parsed)
        var renderer = LaTeXRenderer(numbers: numbering.lessons[position], labels: numbering.labels)
        if !wholeCourse { renderer.lessonsInDocument = [parsed[position].slug] }
        return renderer.render(parsed[position].document.blocks)
    }

    @Test func calloutsCarryTheSiteNumbers() {
        let tex = Self.render([("a", "x\n"), ("b", """
            > [!definition] Thing {#def-thing}
            > Body.

            > [!theorem]
            > First.

            > [!theorem] Second {#thm-second}
            > See @def-thing.

            > [!proof]
            > Done.
            """)], position: 1)
        #expect(tex.contains("\\cgnumber{cgdefinition}{2.1}\n\\begin{cgdefinition}[{Thing}]\\relax\n\\label{def-thing}\n"))
        #expect(tex.contains("\\cgnumber{cgtheorem}{2.1}\n\\begin{cgtheorem}\\relax\n"))
        #expect(tex.contains("\\cgnumber{cgtheorem}{2.2}\n\\begin{cgtheorem}[{Second}]\\relax\n\\label{thm-second}"))
        #expect(tex.contains("\\hyperref[def-thing]{Definition~\\ref*{def-thing}}"))
        #expect(tex.contains("\\begin{cgproof}\\relax\nDone.\n\\end{cgproof}"))
        #expect(!tex.contains("cgnumber{cgproof"))
    }

    @Test func equationsAndSectionsAreNumberedAndMathIsUntouched() {
        let tex = Self.render([("a", """
            ## First {#sec-first}

            ### Inner

            $$
            a_{1} * b \\% c
            $$ {#eq-one}

            Inline $x_1 < y$ and @eq-one and @sec-first.
            """)])
        #expect(tex.contains("\\cgnumber{section}{1.1}\n\\section{\\texorpdfstring{First}{First}}\\label{sec-first}\n"))
        #expect(tex.contains("\\cgnumber{subsection}{1.1.1}\n\\subsection{\\texorpdfstring{Inner}{Inner}}\n"))
        #expect(tex.contains("\\begin{equation}\na_{1} * b \\% c\n\\tag{1.1}\\label{eq-one}\n\\end{equation}\n"))
        #expect(tex.contains("Inline \\(x_1 < y\\) and \\hyperref[eq-one]{Equation~(\\ref*{eq-one})}"))
        #expect(tex.contains("\\hyperref[sec-first]{Section~\\ref*{sec-first}}"))
    }

    @Test func referencesToOtherLessonsArePlainTextInAHandout() {
        let tex = Self.render([("a", "> [!lemma] L {#lem-a}\n> x\n"), ("b", "By @lem-a.\n")], position: 1, wholeCourse: false)
        #expect(tex == "By Lemma 1.1.\n")
    }

    @Test func codeListsLinksAndRawHTML() {
        let tex = Self.render([("a", """
            3. three
            4. four

            - [x](http://a.b/c%d#e) `a\\b`

            <div>raw</div>

            ```
            \\end{CodeBlock}
            ```
            """)])
        #expect(tex.contains("\\begin{enumerate}[label=\\arabic*., start=3, noitemsep]\n\\item\\relax\nthree\n"))
        #expect(tex.contains("\\href{http://a.b/c\\%d\\#e}{x} \\texttt{a\\textbackslash{}b}"))
        #expect(tex.contains("% raw HTML omitted in LaTeX\n"))
        #expect(!tex.contains("raw</div>"))
        #expect(tex.contains("\\begin{CodeBlockAlt}\n\\end{CodeBlock}\n\\end{CodeBlockAlt}\n"))
    }
}
