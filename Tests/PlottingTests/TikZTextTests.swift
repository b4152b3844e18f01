import Foundation
import Testing
@testable import Plotting

@Suite struct TikZTextTests {
    @Test(arguments: [
        ("minimum", "minimum"), ("50% & $x_1$", "50\\% \\& \\$x\\_1\\$"),
        ("a^b~{c}\\", "a\\textasciicircum{}b\\textasciitilde{}\\{c\\}\\textbackslash{}"), ("#1", "\\#1"),
    ])
    func labelsAreEscapedForLaTeX(_ plain: String, _ expected: String) {
        #expect(LaTeXText.escape(plain) == expected)
    }

    @Test func pictureIsPlainTikZ() throws {
        var spec = SceneFixture.bowl.spec
        spec.marks = [PlotMark(point: Point(1, 1), label: "50% & more_")]
        let tikz = TikZWriter().write(try PlotFigure.scene(spec, function: SceneFixture.bowl.f,
                                                              gradient: SceneFixture.bowl.gradient))
        #expect(tikz.hasPrefix("% Figure fig-bowl"))
        #expect(tikz.contains("\\begin{tikzpicture}[x=0.025cm,y=-0.025cm"))
        #expect(tikz.hasSuffix("\\end{tikzpicture}\n"))
        #expect(tikz.contains("{50\\% \\& more\\_}"))
        for forbidden in ["pgfplots", "gnuplot", "\\write18", "raw gnuplot", "\\usetikzlibrary"] {
            #expect(!tikz.contains(forbidden))
        }
        #expect(TikZWriter.requiredPackages == ["tikz"])
        // Level labels are numbers in math mode, with a real minus sign there.
        let saddle = TikZWriter().write(try SceneFixture.saddle.scene())
        #expect(saddle.contains("{$-1$}"))
    }
}
