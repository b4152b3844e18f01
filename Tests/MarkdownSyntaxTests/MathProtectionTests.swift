import Testing
import MarkdownSyntax

/// One lesson snippet and the exact TeX that must reach the tree and the page.
struct MathCase: CustomTestStringConvertible, Sendable {
    let name: String
    let markdown: String
    /// `i:TEX` for inline math, `d:TEX` for display math (`#label` appended when labelled).
    let math: [String]
    /// When set, the plain text of the document (text inlines, breaks as spaces).
    var text: String? = nil
    var testDescription: String { name }
}

/// Records the TeX each math hook receives: what reaches the page.
final class RecordingExtensions: HTMLExtensions {
    var math: [String] = []
    func inlineMath(tex: String, range: SourceRange, context: HTMLRenderContext) -> String {
        math.append("i:" + tex); return "[math]"
    }
    func displayMath(tex: String, label: String?, range: SourceRange, context: HTMLRenderContext) -> String {
        math.append("d:" + tex + (label.map { "#" + $0 } ?? "")); return "[display]\n"
    }
}

let mathCases: [MathCase] = [
    MathCase(name: "subscripts around a star", markdown: #"Let $a_1 * b_2$ be given."#, math: [#"i:a_1 * b_2"#]),
    MathCase(name: "underscores in two spans", markdown: #"$a_1$ and $b_2$ and $c_3$"#,
             math: ["i:a_1", "i:b_2", "i:c_3"], text: " and  and "),
    MathCase(name: "stars in two spans", markdown: #"$x*y$ and $z*w$"#, math: ["i:x*y", "i:z*w"]),
    MathCase(name: "emphasis around math", markdown: #"*$x_1$* and _$y_2$_"#, math: ["i:x_1", "i:y_2"]),
    MathCase(name: "strong around math", markdown: #"**bold $a^2$ text**"#, math: ["i:a^2"], text: "bold  text"),
    MathCase(name: "escaped braces", markdown: #"The set $\{ x \mid x > 0 \}$."#, math: [#"i:\{ x \mid x > 0 \}"#]),
    MathCase(name: "double backslash in a matrix",
             markdown: #"$$\begin{pmatrix} 1 & 2 \\ 3 & 4 \end{pmatrix}$$"#,
             math: [#"d:\begin{pmatrix} 1 & 2 \\ 3 & 4 \end{pmatrix}"#]),
    MathCase(name: "less and greater than", markdown: #"$a < b$ and $c > d$"#, math: ["i:a < b", "i:c > d"]),
    MathCase(name: "ampersand and entity", markdown: #"$x &amp; y \& z$"#, math: [#"i:x &amp; y \& z"#]),
    MathCase(name: "looks like an HTML tag", markdown: #"$a <div> b$"#, math: ["i:a <div> b"]),
    MathCase(name: "multi-line display math", markdown: "$$\nf(x) = x^2\n$$", math: ["d:\nf(x) = x^2\n"]),
    MathCase(name: "display math whose line looks like a list item",
             markdown: "$$\nx^2\n- 2x\n+ 1\n$$", math: ["d:\nx^2\n- 2x\n+ 1\n"]),
    MathCase(name: "display math whose line looks like a quote", markdown: "$$\na\n> b\n$$", math: ["d:\na\n> b\n"]),
    MathCase(name: "display math in a list item", markdown: "- $$x_1 * x_2$$\n- two", math: ["d:x_1 * x_2"]),
    MathCase(name: "multi-line display math in an ordered list",
             markdown: "1. Step:\n   $$\n   a_1 * b_2\n   $$\n2. Next", math: ["d:\na_1 * b_2\n"], text: "Step:Next"),
    MathCase(name: "inline math in a nested list", markdown: "- a\n  - $x_{ij}$ and $y_{ij}$", math: ["i:x_{ij}", "i:y_{ij}"]),
    MathCase(name: "multi-line display math in a callout",
             markdown: "> [!example]\n> $$\n> \\begin{aligned}\n> a &= b \\\\\n> c &= d\n> \\end{aligned}\n> $$",
             math: ["d:\n\\begin{aligned}\na &= b \\\\\nc &= d\n\\end{aligned}\n"]),
    MathCase(name: "math in a callout title and body",
             markdown: "> [!theorem] Mean value for $f$ {#thm-mv}\n> If $f'(x) = 0$ then ...",
             math: ["i:f", "i:f'(x) = 0"]),
    MathCase(name: "math in a plain block quote", markdown: "> $a_1$\n>\n> $$b_2$$", math: ["i:a_1", "d:b_2"]),
    MathCase(name: "math in link text", markdown: #"[see $x_1$](https://example.com)"#, math: ["i:x_1"], text: "see "),
    MathCase(name: "math in a heading", markdown: #"## The $\nabla f$ vector"#, math: [#"i:\nabla f"#]),
    MathCase(name: "display math in a heading becomes inline", markdown: #"# A $$x$$ heading"#, math: ["i:x"]),
    MathCase(name: "currency", markdown: #"It costs $5 and $6 today."#, math: [], text: "It costs $5 and $6 today."),
    MathCase(name: "currency with cents", markdown: #"Pay $5.50 or $6.25."#, math: [], text: "Pay $5.50 or $6.25."),
    MathCase(name: "escaped dollars", markdown: #"\$5 and \$6"#, math: [], text: "$5 and $6"),
    MathCase(name: "escaped dollars around text", markdown: #"\$x\$"#, math: [], text: "$x$"),
    MathCase(name: "digit after the closing dollar", markdown: #"$x$5"#, math: [], text: "$x$5"),
    MathCase(name: "space after the opening dollar", markdown: #"$ x$"#, math: [], text: "$ x$"),
    MathCase(name: "space before the closing dollar", markdown: #"$x $"#, math: [], text: "$x $"),
    MathCase(name: "dollars in a code span", markdown: #"Use `$x$` here and $y$"#, math: ["i:y"]),
    MathCase(name: "dollars in a double-backtick code span", markdown: "``a ` $x$`` and $z$", math: ["i:z"]),
    MathCase(name: "escaped backticks do not make a code span", markdown: #"\`$x$\`"#, math: ["i:x"], text: "``"),
    MathCase(name: "dollars in fenced code", markdown: "```\n$x$ and $$y$$\n```\n\n$z$", math: ["i:z"]),
    MathCase(name: "dollars in indented code", markdown: "    $x$\n\n$w$", math: ["i:w"]),
    MathCase(name: "dollars in an HTML block", markdown: "<div>\n$x$\n</div>\n\n$v$", math: ["i:v"]),
    MathCase(name: "unclosed single dollar", markdown: #"An unclosed $x here."#, math: [], text: "An unclosed $x here."),
    MathCase(name: "display math inside a paragraph", markdown: #"before $$x^2$$ after"#, math: ["d:x^2"],
             text: "beforeafter"),
    MathCase(name: "escaped dollar inside math", markdown: #"$\$5$ and $a\$b$"#, math: [#"i:\$5"#, #"i:a\$b"#]),
    MathCase(name: "escaped backslash before math", markdown: #"\\$x$"#, math: ["i:x"], text: "\\"),
    MathCase(name: "adjacent spans", markdown: #"$x$$y$"#, math: ["i:x", "i:y"]),
    MathCase(name: "labelled display equation", markdown: #"$$a^2 + b^2 = c^2$$ {#eq-pythagoras}"#,
             math: ["d:a^2 + b^2 = c^2#eq-pythagoras"]),
    MathCase(name: "labelled multi-line display equation in a callout",
             markdown: "> [!definition] Gradient {#def-grad}\n> $$\n> \\nabla f = (f_x, f_y)\n> $$ {#eq-grad}",
             math: ["d:\n\\nabla f = (f_x, f_y)\n#eq-grad"]),
    MathCase(name: "prime and parentheses", markdown: #"$f'(x)$"#, math: ["i:f'(x)"]),
    MathCase(name: "norm bars", markdown: #"$\|x\|_2$ and $|y|$"#, math: [#"i:\|x\|_2"#, "i:|y|"]),
    MathCase(name: "link syntax inside math", markdown: #"$[x](y)$"#, math: ["i:[x](y)"], text: ""),
    MathCase(name: "escaped underscore stays escaped", markdown: #"$a\_b$"#, math: [#"i:a\_b"#]),
    MathCase(name: "text command", markdown: #"$\text{if } x > 0$"#, math: [#"i:\text{if } x > 0"#]),
    MathCase(name: "inline math over two lines", markdown: "$a +\nb$", math: ["i:a +\nb"]),
    MathCase(name: "inline math over two quoted lines", markdown: "> $a +\n> b$", math: ["i:a +\nb"]),
    MathCase(name: "math between raw HTML tags", markdown: "<span>$x_1$</span>", math: ["i:x_1"]),
    MathCase(name: "punctuation after math", markdown: #"($x$), $y$-th, $z$."#, math: ["i:x", "i:y", "i:z"],
             text: "(), -th, ."),
    MathCase(name: "spaces inside display delimiters", markdown: #"$$ a $$"#, math: ["d: a "]),
    MathCase(name: "backtick inside math", markdown: #"$a`b$ and `c`"#, math: ["i:a`b"]),
    MathCase(name: "at sign inside math", markdown: #"$@thm-x$"#, math: ["i:@thm-x"]),
    MathCase(name: "hard line break then math", markdown: "a\\\n$x$", math: ["i:x"]),
    MathCase(name: "math after a heading line is separate", markdown: "# Title $a\nb$", math: [], text: "Title $ab$"),
]

@Suite struct MathProtectionTests {
    @Test(arguments: mathCases)
    func texReachesTreeAndPage(_ example: MathCase) {
        let document = MarkdownParser.parse(example.markdown, file: "math.md")
        #expect(TreeWalk.math(document.blocks) == example.math)
        let recorder = RecordingExtensions()
        _ = HTMLRenderer().render(document.blocks, extensions: recorder)
        #expect(recorder.math == example.math)
        if let text = example.text {
            #expect(TreeWalk.text(document.blocks) == text)
        }
        #expect(document.diagnostics.isEmpty)
    }

    @Test func atLeastFortyCases() {
        #expect(mathCases.count >= 40)
    }

    @Test func dollarsInLinkDestinationStayVerbatim() {
        let document = MarkdownParser.parse(#"[a](https://example.com/$a$/@thm-x)"#, file: "link.md")
        guard case .paragraph(let inlines, _)? = document.blocks.first,
              case .link(let destination, _, _)? = inlines.first else {
            Issue.record("expected a link, got \(document.blocks)"); return
        }
        #expect(destination == "https://example.com/$a$/@thm-x")
        #expect(TreeWalk.math(document.blocks).isEmpty)
    }

    @Test func displayMathSplitsItsParagraph() {
        let document = MarkdownParser.parse("Before\n$$\nx\n$$\nafter $y$", file: "split.md")
        #expect(document.blocks.count == 3)
        guard document.blocks.count == 3 else { return }
        if case .paragraph(let inlines, _) = document.blocks[0] { #expect(inlines == [.text("Before")]) }
        else { Issue.record("first block should be a paragraph") }
        if case .displayMath(let tex, nil, _) = document.blocks[1] { #expect(tex == "\nx\n") }
        else { Issue.record("second block should be display math") }
        if case .paragraph(let inlines, _) = document.blocks[2] {
            #expect(inlines.first == .text("after "))
            #expect(inlines.count == 2)
        } else { Issue.record("third block should be a paragraph") }
    }

    @Test func mathInImageAltIsItsTeX() {
        let document = MarkdownParser.parse(#"![plot of $f_1 < 2$](f.png)"#, file: "img.md")
        #expect(TreeWalk.math(document.blocks) == ["i:f_1 < 2"])
        #expect(HTMLRenderer().render(document.blocks) == "<p><img src=\"f.png\" alt=\"plot of f_1 &lt; 2\" /></p>\n")
    }

    @Test func defaultRenderingEscapesTeX() {
        let html = HTMLRenderer().render(MarkdownParser.parse(#"$a<b \& c$"#, file: "x.md").blocks)
        #expect(html == "<p><span class=\"math inline\">\\(a&lt;b \\&amp; c\\)</span></p>\n")
    }
}
