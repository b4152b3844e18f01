@testable import Courseware
import Testing

/// The lines of a TeX log a person needs.
@Suite struct LaTeXLogTests {
    @Test func errorsNameTheLineAndWhatTeXWasReading() {
        let log = """
            (./the-gradient.tex
            ! Undefined control sequence.
            l.57 \\foo
                     bar
            The control sequence at the end of the top line
            !  ==> Fatal error occurred, no output PDF file produced!
            """
        let report = LaTeXLog(log, file: "Output/latex/the-gradient.tex")
        #expect(report.errors == ["Output/latex/the-gradient.tex:57: Undefined control sequence. (at '\\foo')"])
        #expect(report.problems.isEmpty)
    }

    @Test func undefinedReferencesAndMissingCharactersAreProblems() {
        let log = """
            LaTeX Warning: Reference `thm-x' on page 2 undefined on input line 40.
            Missing character: There is no ^^A in font pplr8t!
            LaTeX Warning: There were undefined references.
            Output written on x.pdf (2 pages).
            """
        let report = LaTeXLog(log, file: "x.tex")
        #expect(report.errors.isEmpty)
        #expect(report.problems == [
            "x.tex: LaTeX Warning: Reference `thm-x' on page 2 undefined on input line 40.",
            "x.tex: Missing character: There is no ^^A in font pplr8t!",
            "x.tex: LaTeX Warning: There were undefined references.",
        ])
    }

    @Test func aCleanLogHasNothingToSay() {
        let report = LaTeXLog("This is pdfTeX\nOutput written on course.pdf (9 pages, 1 bytes).\n", file: "course.tex")
        #expect(report.errors.isEmpty && report.problems.isEmpty)
    }
}
