import Calculus
import MarkdownSyntax

/// HTML of evaluated calc blocks: worked examples as aligned derivations (KaTeX renders
/// every `.math` element), exercises with the answer and solution behind `<details>`,
/// figures as inline SVG with a numbered caption.
struct CalcHTMLRenderer {
    /// "3.1" for exercises and figures; nil for worked examples.
    var number: String?
    /// The file that holds the block, for parsing captions.
    var file: String

    func render(_ evaluated: EvaluatedCalcBlock, context: HTMLRenderContext) -> String {
        switch evaluated.block.kind {
        case .example: return example(evaluated)
        case .exercise: return exercise(evaluated, context: context)
        case .plot: return figure(evaluated, context: context)
        }
    }

    /// The id of an exercise or figure: its label, else one made from its number.
    static func anchor(_ block: CalcBlock, number: String?) -> String? {
        if let label = block.label { return label }
        guard let number else { return nil }
        let stem = block.kind == .exercise ? "exercise" : "figure"
        return stem + "-" + number.replacingOccurrences(of: ".", with: "-")
    }

    /// The list that ends a lesson: a link to each of its exercises.
    static func exerciseList(_ calc: CalcLessonEvaluation, numbers: CourseNumbering.LessonNumbers) -> String {
        let exercises = calc.exercises.compactMap { entry -> (String, String)? in
            guard let number = numbers.calcBlocks[entry.start] else { return nil }
            let id = entry.label ?? "exercise-" + number.replacingOccurrences(of: ".", with: "-")
            return (number, id)
        }
        guard !exercises.isEmpty else { return "" }
        var out = "<section class=\"calc-exercise-list\">\n<h2>Exercises</h2>\n<ul>\n"
        for (number, id) in exercises {
            out += "<li><a href=\"#" + HTMLEscaping.text(id) + "\">Exercise " + number + "</a></li>\n"
        }
        out += "</ul>\n</section>\n"
        return out
    }

    func example(_ evaluated: EvaluatedCalcBlock) -> String {
        var out = "<div class=\"calc-example\">\n"
        out += functions(evaluated.block)
        for r in evaluated.results { out += result(r) }
        out += "</div>\n"
        return out
    }

    func exercise(_ evaluated: EvaluatedCalcBlock, context: HTMLRenderContext) -> String {
        let block = evaluated.block
        var out = "<div class=\"calc-exercise\""
        if let id = CalcHTMLRenderer.anchor(block, number: number) { out += " id=\"" + HTMLEscaping.text(id) + "\"" }
        out += ">\n<p class=\"calc-exercise-title\"><strong>Exercise" + (number.map { " " + $0 } ?? "") + "</strong></p>\n"
        out += functions(block)
        let several = block.parts.count > 1
        out += several ? "<ol class=\"calc-parts\" type=\"a\">\n" : ""
        for part in block.parts {
            let question = CalcQuestion.text(part.ask)
            out += several ? "<li>" : "<p class=\"calc-question\">"
            out += markdown(question, context: context, inline: true)
            out += several ? "</li>\n" : "</p>\n"
        }
        out += several ? "</ol>\n" : ""
        if let hint = block.hint {
            out += "<p class=\"calc-hint\"><em>Hint.</em> " + markdown(hint, context: context, inline: true) + "</p>\n"
        }
        out += "<details class=\"calc-solution\">\n<summary>Answer and worked solution</summary>\n"
        for (index, r) in evaluated.results.enumerated() {
            if several { out += "<p class=\"calc-part-label\">(" + CalcTextRenderer.partLetter(index) + ")</p>\n" }
            out += result(r)
        }
        out += "</details>\n</div>\n"
        return out
    }

    func figure(_ evaluated: EvaluatedCalcBlock, context: HTMLRenderContext) -> String {
        guard let figure = evaluated.figure else { return "" }
        var out = "<figure class=\"calc-figure\""
        if let id = CalcHTMLRenderer.anchor(evaluated.block, number: number) { out += " id=\"" + HTMLEscaping.text(id) + "\"" }
        out += ">\n" + figure.svg.ensuringFinalNewline()
        out += "<figcaption>"
        if let number { out += "<span class=\"figure-number\">Figure " + number + ".</span> " }
        if let caption = figure.caption { out += markdown(caption, context: context, inline: true) }
        out += "</figcaption>\n</figure>\n"
        return out
    }

    /// `f(x, y) = ...` for every function of the block.
    func functions(_ block: CalcBlock) -> String {
        CalcHTMLRenderer.functionDefinitionsTeX(block).map { "<p class=\"calc-function\">" + math($0) + "</p>\n" }.joined()
    }

    /// The TeX of `f(x, y) = ...` for every function of the block, shared with LaTeX output.
    static func functionDefinitionsTeX(_ block: CalcBlock) -> [String] {
        block.definitions.map { d in
            let f = d.function
            let lhs = "\(f.name)(\(f.parameters.map(ExpressionPrinter.latexName).joined(separator: ", ")))"
            let rhs: String
            switch f.body {
            case .vector(let v): rhs = ExpressionPrinter(.latex).tuple(v)
            case .scalar, .matrix: rhs = f.body.latex
            }
            return "\(lhs) = \(rhs)"
        }
    }

    /// One request: what is asked, the aligned steps, the rule-by-rule derivations behind
    /// a disclosure, a table, the exact result and its decimal.
    func result(_ r: CalcResult) -> String {
        var out = "<section class=\"calc-result\">\n"
        out += "<p class=\"calc-request\"><code>" + HTMLEscaping.text(r.request.text) + "</code></p>\n"
        if !r.steps.isEmpty { out += displayMath(CalcWorkLines.aligned(r.steps)) }
        let derivations = r.steps.flatMap(\.derivations)
        if !derivations.isEmpty {
            out += "<details class=\"calc-derivation\">\n<summary>Each derivative, rule by rule</summary>\n"
            for d in derivations { out += displayMath(DerivationRenderer.latex(d)) }
            out += "</details>\n"
        }
        if let table = r.table { out += CalcHTMLRenderer.table(table) }
        if let remark = r.remark { out += "<p class=\"calc-remark\">" + HTMLEscaping.text(remark) + "</p>\n" }
        out += "<p class=\"calc-answer\">"
        switch r.value {
        case .plane(let e): out += math("\(r.latexResultLabel) = \(e.latex)")
        case .exact, .word, .decimalPoint, .limitText: out += math("\(r.latexResultLabel) = \(r.value.latex)")
        }
        if let approx = r.approximation { out += " " + math("\\approx " + approx) }
        out += "</p>\n</section>\n"
        return out
    }

    static func table(_ t: CalcTable) -> String {
        var out = "<table class=\"calc-table\">\n<thead><tr>"
        for h in t.header { out += "<th>" + HTMLEscaping.text(h) + "</th>" }
        out += "</tr></thead>\n<tbody>\n"
        for (i, row) in t.rows.enumerated() {
            if let cut = t.omittedAfterRow, i == cut {
                out += "<tr class=\"calc-table-gap\"><td colspan=\"\(t.header.count)\">⋮</td></tr>\n"
            }
            let latex = t.latexRows.flatMap { i < $0.count ? $0[i] : nil } ?? []
            out += "<tr>" + row.enumerated().map { k, cell in
                if k < latex.count, let tex = latex[k] {
                    return "<td><span class=\"math inline\">" + HTMLEscaping.text(tex) + "</span></td>"
                }
                return "<td>" + HTMLEscaping.text(cell) + "</td>"
            }.joined() + "</tr>\n"
        }
        out += "</tbody>\n</table>\n"
        return out
    }

    func math(_ tex: String) -> String { "<span class=\"math inline\">" + HTMLEscaping.text(tex) + "</span>" }
    func displayMath(_ tex: String) -> String { "<div class=\"math display\">" + HTMLEscaping.text(tex) + "</div>\n" }

    /// Author text (captions, hints, questions) is Markdown with math.
    func markdown(_ text: String, context: HTMLRenderContext, inline: Bool) -> String {
        let document = MarkdownParser.parse(text, file: file)
        var html = context.renderBlocks(document.blocks)
        if inline, html.hasPrefix("<p>"), html.hasSuffix("</p>\n") {
            html = String(html.dropFirst(3).dropLast(5))
        }
        return html
    }
}

/// The question an exercise part asks, in words, with the point and direction as math.
enum CalcQuestion {
    static func text(_ ask: CalcRequestLine) -> String {
        let f = ask.functionName
        func p(_ xs: [Expr]) -> String { "$" + ExpressionPrinter(.latex).tuple(xs) + "$" }
        switch ask.request {
        case .value(let at): return "Evaluate $\(f)$ at \(p(at))."
        case .partials: return "Find every first partial derivative of $\(f)$."
        case .partial(let vs):
            let v = vs.map(ExpressionPrinter.latexName)
            return vs.count == 1 ? "Find $\(f)_{\(v[0])}$." : "Find the mixed partial $\(f)_{\(v[0])\(v[1])}$."
        case .gradient(let at): return "Find $\\nabla \(f)$" + (at.map { " at \(p($0))" } ?? "") + "."
        case .directional(let at, let v): return "Find the directional derivative of $\(f)$ at \(p(at)) toward \(p(v))."
        case .steepest(let at): return "Find the direction and rate of steepest ascent of $\(f)$ at \(p(at))."
        case .hessian(let at): return "Find the Hessian of $\(f)$" + (at.map { " at \(p($0))" } ?? "") + "."
        case .clairaut(let at): return "Compute both mixed partials of $\(f)$" + (at.map { " at \(p($0))" } ?? "") + " and compare them."
        case .jacobian(let at): return "Find the Jacobian matrix of $\(f)$" + (at.map { " at \(p($0))" } ?? "") + "."
        case .tangentPlane(let at): return "Find the tangent plane to $z = \(f)(x, y)$ at \(p(at))."
        case .linearization(let at): return "Find the linearization of $\(f)$ at \(p(at))."
        case .chain(let subs, let t):
            let s = subs.map { "$\(ExpressionPrinter.latexName($0.variable)) = \($0.expression.latex)$" }.joined(separator: ", ")
            return "With \(s), find $d\(f)/d\(ExpressionPrinter.latexName(t))$ by the chain rule."
        case .limitAlongCurve(let at, let v, let curve):
            return "Find the limit of $\(f)$ at \(p(at)) along $\(ExpressionPrinter.latexName(v)) = \(curve.latex)$."
        case .limitAlongPath(let at, let path, let t, let a):
            return "Find the limit of $\(f)$ at \(p(at)) along the path \(p(path)) as $\(ExpressionPrinter.latexName(t)) \\to \(a.latex)$."
        case .definitionPartial(let v, let at):
            return "Find $\(f)_{\(ExpressionPrinter.latexName(v))}$ at \(p(at)) from the definition."
        case .classify(let at): return "Classify the point \(p(at)) of $\(f)$."
        case .descent(let from, let rate, let steps):
            return "Run \(steps) step\(steps == 1 ? "" : "s") of gradient descent on $\(f)$ from \(p(from)) with rate $\(rate.latex)$. Where does it end?"
        case .check(let at): return "Compare the gradient of $\(f)$ at \(p(at)) with central finite differences."
        }
    }
}
