import Foundation

/// Courses for the LaTeX tests: hostile text, and every construct the renderer knows.
enum LaTeXFixtures {
    /// Lines of hostile text and what `pdftotext` must show for each.
    static let hostile: [(markdown: String, shown: String)] = [
        ("Specials: # $ % & _ { } ~ ^ \\ end.", "Specials: # $ % & _ { } ~ ^ \\ end."),
        ("Marks: < > | \" ' [x] -- --- ,, !\\` ?\\` end.", "Marks: < > | \" ' [x] -- --- ,, !` ?` end."),
        ("Nested: *one **two `three` two** one* end.", "Nested: one two three two one end."),
        ("Code: `\\textbf{x} % not \\\\ ~ ^ # $y$` end.", "Code: \\textbf{x} % not \\\\ ~ ^ # $y$ end."),
        ("Link: [50% off #1](https://example.com/a%20b?q=1#frag) end.", "Link: 50% off #1 end."),
        ("Quotes: “curly” ‘single’ – en — em end.", "Quotes: “curly” ‘single’ – en — em end."),
        ("Greek: α β γ Γ Δ ∇f ≤ ≥ → ∞ end.", "Greek: α β γ Γ Δ ∇f ≤ ≥ → ∞ end."),
        ("Latin: café naïve ½ × ± end.", "Latin: café naïve ½ × ± end."),
        ("Dollars: \\$5 and $6 end.", "Dollars: $5 and $6 end."),
    ]

    static var hostileCourse: [String: String] {
        ["course.yml": "title: Hostile & 100% {course}\npaper: letter\n",
         "01-hostile.md": "---\ntitle: \"Hostile #1: $ & _\"\n---\n\n"
            + hostile.map(\.markdown).joined(separator: "\n\n") + "\n\n"
            + "```\n\\end{CodeBlock} # % & ~ ^ _ { } α ∇\n```\n\n"
            + "> [!theorem] A [b] & c_d {#thm-hostile}\n> Body of @thm-hostile with 100% and \\\\.\n"]
    }

    /// Two lessons with every callout kind, labelled and unlabelled items, sections,
    /// subsections, equations, lists, quotes, raw HTML, images and references across lessons.
    static let fixtureCourse: [String: String] = [
        "figures/diagram.svg": diagramSVG,
        "course.yml": "title: Fixture Course\nauthor: Ann Author\nlatex_answers: separate\n",
        "01-basics.md": """
            ---
            title: Basics
            summary: Where $x$ comes from.
            ---

            # Overview

            Intro with a [link](https://example.com/?a=1&b=2#top) and ![a plot](plot.png).

            ![a diagram](figures/diagram.svg)

            ## Setting {#sec-setting}

            > [!definition] Point {#def-point}
            > A point is $x \\in \\mathbb{R}^n$.

            > [!example]
            > The origin.

            > [!note]
            > Notes are not numbered.

            $$
            \\|x\\|^2 = \\sum_i x_i^2
            $$ {#eq-norm}

            $$
            y = 2
            $$

            ### Details

            > [!remark] Careful {#rem-careful}
            > See @eq-norm and @def-point.

            > [!caution]
            > Mind the gap.

            1. one
            2. two
               - nested *a*
               - nested **b**

            > quoted text
            > over two lines

            ---

            <div class="raw">raw html</div>

            Line one\\
            line two.

            #### Deep heading

            Text.
            """,
        "02-more.md": """
            ---
            title: More
            prerequisites: [basics]
            ---

            ## Results {#sec-results}

            > [!theorem] Main {#thm-main}
            > By @def-point and @eq-norm, @sec-setting holds.

            > [!proof]
            > Clear from @rem-careful.

            > [!lemma] Helper {#lem-helper}
            > Used in @thm-main.

            > [!proposition] {#prop-p}
            > A proposition, see @lem-helper.

            > [!corollary] Last {#cor-last}
            > Follows from @prop-p; compare @eq-sum.

            > [!theorem]
            > An unlabelled second theorem.

            $$
            a + b = c
            $$ {#eq-sum}

            ## Closing {#sec-closing}

            See @cor-last and @sec-results and @sec-closing, @ex-dir and @fig-bowl.

            ```calc
            g(x, y) = x^2 y
            gradient at (1, 2)
            ```

            ```calc exercise {#ex-dir}
            f(x, y) = x^2 - y^2
            ask directional at (1, 2) toward (3, 4)
            answer -2
            hint Normalize the direction first.
            ```

            ```calc exercise
            h(x, y) = 3 x + 5 y
            ask gradient at (0, 0)
            ask value at (1, 1)
            ```

            ```calc plot {#fig-bowl}
            f(x, y) = x^2 + 2 y^2
            contour x in [-3, 3], y in [-3, 3] levels 6
            caption Level sets of $f$.
            ```
            """,
    ]

    /// An SVG drawing with a word in it, which `pdftotext` finds once it is converted to PDF.
    static let diagramSVG = """
        <svg xmlns="http://www.w3.org/2000/svg" width="160" height="40">
        <rect width="160" height="40" fill="#dde8f4"/>
        <text x="12" y="26" font-family="sans-serif" font-size="16">Diagram word</text>
        </svg>

        """

    /// A 24 x 12 RGB PNG (a red-to-yellow gradient), the smallest real image pdflatex includes.
    static let plotPNG = Data(base64Encoded: """
        iVBORw0KGgoAAAANSUhEUgAAABgAAAAMCAIAAAD3UuoiAAAATklEQVR42u3MEQKAUBQAwcdxHMfLcRzHcRzH8ec4juPlOO4c3aATvD\
        nAhIEV1thgi2CHPQ444oQzLrjihgV3PPDEC8UbH3yJjDLK6C/6ABGTmrD/ogkLAAAAAElFTkSuQmCC
        """)!

    /// The fixture course in a fresh folder, with its PNG.
    static func fixtureCourseFolder() throws -> Fixture {
        let fixture = try Fixture(fixtureCourse)
        try plotPNG.write(to: fixture.root.appendingPathComponent("Content/plot.png"))
        return fixture
    }
}
