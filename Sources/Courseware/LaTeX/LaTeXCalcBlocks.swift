import MarkdownSyntax

/// Evaluated `calc` blocks in LaTeX: worked examples with their steps, exercises numbered
/// as on the site (questions in place, answers in the answer keys), figures as TikZ.
extension LaTeXRenderer {
    /// The block at `code`'s position, evaluated; nil when it is not a calc block.
    func calcBlock(_ code: CodeBlock) -> String? {
        guard let evaluated = calc.blocks[code.range.start] else { return nil }
        let number = numbers.calcBlocks[code.range.start]
        switch evaluated.block.kind {
        case .example:
            return "\\begin{cgworked}\\relax\n" + work(evaluated) + "\\end{cgworked}\n"
        case .exercise:
            return exercisesInPlace ? exercise(evaluated, number: number) : ""
        case .plot:
            guard let figure = evaluated.figure else { return "" }
            var out = ""
            if let number { out += "\\cgnumber{figure}{" + number + "}\n" }
            out += "\\begin{figure}[htbp]\n\\centering\n" + figure.tikz + (figure.tikz.hasSuffix("\n") ? "" : "\n")
            out += "\\caption{" + (figure.caption.map(inlineMarkdown) ?? "") + "}"
            if let label = evaluated.block.label, number != nil { out += "\\label{" + label + "}" }
            return out + "\n\\end{figure}\n"
        }
    }

    /// An exercise's questions and hint, without answers.
    func exercise(_ evaluated: EvaluatedCalcBlock, number: String?) -> String {
        let block = evaluated.block
        // An exercise is short: it starts on a new page rather than leave its hint or last
        // part alone at the top of the next one (a line per part, two for the hint, five
        // for the heading and the function); `\cgkeep` does nothing right after a heading.
        let lines = 5 + block.parts.count + (block.hint == nil ? 0 : 2)
        var out = "\\cgkeep{\(lines)\\baselineskip}\n"
        if let number { out += "\\cgnumber{cgexercise}{" + number + "}\n" }
        out += "\\begin{cgexercise}\\relax\n"
        if let label = block.label, number != nil { out += "\\label{" + label + "}\n" }
        // The functions the questions talk about, as on the site.
        for definition in CalcHTMLRenderer.functionDefinitionsTeX(block) {
            out += "\\[ " + definition + " \\]\n"
        }
        let questions = block.parts.map { inlineMarkdown(CalcQuestion.text($0.ask)) }
        if questions.count > 1 {
            out += "\\begin{enumerate}[label=(\\alph*), noitemsep]\n"
            out += questions.map { "\\item\\relax\n" + $0 + "\n" }.joined()
            out += "\\end{enumerate}\n"
        } else {
            out += questions.joined() + "\n"
        }
        if let hint = block.hint { out += "\n\\emph{Hint.} " + inlineMarkdown(hint) + "\n" }
        return out + "\\end{cgexercise}\n"
    }

    /// The lesson's exercises, in order, as an exercise sheet lists them; nil when it has none.
    func exerciseSheet() -> String? {
        let exercises = calc.order.compactMap { start -> String? in
            guard let evaluated = calc.blocks[start], evaluated.block.kind == .exercise else { return nil }
            return exercise(evaluated, number: numbers.calcBlocks[start])
        }
        return exercises.isEmpty ? nil : exercises.joined(separator: "\n")
    }

    /// Every exercise's answer and worked solution; nil when the lesson has no exercises.
    func answerKey() -> String? {
        let answers = calc.order.compactMap { start -> String? in
            guard let evaluated = calc.blocks[start], evaluated.block.kind == .exercise else { return nil }
            var out = "\\subsection*{Exercise" + (numbers.calcBlocks[start].map { " " + $0 } ?? "") + "}\n"
            out += functions(evaluated.block)
            for (index, result) in evaluated.results.enumerated() {
                if evaluated.results.count > 1 { out += "\n\\noindent(" + CalcTextRenderer.partLetter(index) + ")\n" }
                out += work(result)
            }
            return out
        }
        return answers.isEmpty ? nil : answers.joined(separator: "\n")
    }

    /// A worked example for print: its functions once, then each request's work.
    func work(_ evaluated: EvaluatedCalcBlock) -> String {
        functions(evaluated.block) + evaluated.results.map(work).joined()
    }

    /// The block's functions, each on a display line of its own.
    func functions(_ block: CalcBlock) -> String {
        // Kept with what follows: a function alone at the foot of a page says nothing.
        CalcHTMLRenderer.functionDefinitionsTeX(block).map { "\\[ \\postdisplaypenalty=10000 " + $0 + " \\]\n" }.joined()
    }

    /// One request's work, as the site shows it: the aligned steps, the remark, the table,
    /// and the answer, framed. The last step is left out when it states the answer already,
    /// so the answer is not printed twice.
    func work(_ result: CalcResult) -> String {
        var out = "% " + result.request.text.replacingOccurrences(of: "\n", with: " ") + "\n"
        let answerValue: String = switch result.value {
        case .plane(let e): e.latex
        case .exact, .word, .decimalPoint, .limitText: result.value.latex
        }
        let answer = result.latexResultLabel + " = " + answerValue
        var steps = result.steps
        // Compared without spaces: the steps and the answer space matrices differently.
        func bare(_ tex: String) -> String { String(tex.filter { !$0.isWhitespace }) }
        if let last = steps.last, last.latexNote.isEmpty,
           bare(last.latex.replacingOccurrences(of: "&=", with: "=")) == bare(answer) {
            steps.removeLast()
        }
        // \cgfit scales a display that is wider than the line down to its width (a long
        // vector of sigmoids), rather than letting it run into the margin.
        // The steps stay on the page of their answer (no page break after the display).
        if !steps.isEmpty { out += "\\[ \\postdisplaypenalty=10000 \\cgfit{" + CalcWorkLines.aligned(steps) + "} \\]\n" }
        if let remark = result.remark, !LaTeXRenderer.remarkRepeatsSteps(result.request.request) {
            out += "\\noindent " + LaTeXEscaping.text(remark) + "\n"
        }
        if let table = result.table { out += self.table(table) }
        out += "\\[ \\cgfit{\\boxed{" + answer + (result.approximation.map { " \\approx " + $0 } ?? "") + "}} \\]\n"
        return out
    }

    /// Whether a request's remark is a plain-text copy of what its steps already typeset
    /// (the tangent plane's and the linearization's point-slope form), which print leaves out.
    static func remarkRepeatsSteps(_ request: CalcRequest) -> Bool {
        switch request {
        case .tangentPlane, .linearization:
            true
        case .value, .partials, .partial, .gradient, .directional, .steepest, .hessian, .clairaut, .jacobian,
             .chain, .limitAlongCurve, .limitAlongPath, .definitionPartial, .classify, .descent, .check:
            false
        }
    }

    /// A calc table (descent iterations, a limit's approach) as a centred `tabular`.
    func table(_ table: CalcTable) -> String {
        let columns = max(table.header.count, table.rows.map(\.count).max() ?? 0)
        guard columns > 0 else { return "" }
        var out = "\\begin{center}\\small\n\\cgfittext{\\begin{tabular}{" + String(repeating: "r", count: columns) + "}\n"
        out += table.header.map { "\\textbf{" + LaTeXEscaping.text($0) + "}" }.joined(separator: " & ") + " \\\\\n\\hline\n"
        for (index, row) in table.rows.enumerated() {
            if let cut = table.omittedAfterRow, index == cut {
                out += "\\multicolumn{" + String(columns) + "}{c}{\\(\\vdots\\)} \\\\\n"
            }
            let latex = table.latexRows.flatMap { index < $0.count ? $0[index] : nil } ?? []
            out += row.enumerated().map { column, cell in
                if column < latex.count, let tex = latex[column] { return "\\(" + tex + "\\)" }
                return LaTeXRenderer.tableCell(cell)
            }.joined(separator: " & ") + " \\\\\n"
        }
        return out + "\\end{tabular}}\n\\end{center}\n"
    }

    /// A plain table cell; in a number (`-0.147134`, `4.05e-13`) a hyphen is a minus sign.
    static func tableCell(_ cell: String) -> String {
        let isNumber = !cell.isEmpty && cell.allSatisfy { $0.isNumber || "+-.e".contains($0) } && cell.contains(where: \.isNumber)
        guard isNumber else { return LaTeXEscaping.text(cell) }
        return cell.replacingOccurrences(of: "-", with: "\\textminus{}")
    }

    /// Markdown written inside a calc block (a question, hint or caption) as inline LaTeX.
    func inlineMarkdown(_ text: String) -> String {
        MarkdownParser.parse(text, file: calc.file).blocks.map { block -> String in
            if case .paragraph(let inlines, _) = block { return render(inlines) }
            return render(block)
        }.joined(separator: "\n")
    }
}
