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
            return "\\begin{cgworked}\\relax\n" + CalcLaTeXRenderer.latex(evaluated) + "\\end{cgworked}\n"
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
        var out = ""
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
            for (index, result) in evaluated.results.enumerated() {
                if evaluated.results.count > 1 { out += "\\noindent(" + CalcTextRenderer.partLetter(index) + ")\n" }
                out += CalcLaTeXRenderer.latex(result)
            }
            return out
        }
        return answers.isEmpty ? nil : answers.joined(separator: "\n")
    }

    /// Markdown written inside a calc block (a question, hint or caption) as inline LaTeX.
    func inlineMarkdown(_ text: String) -> String {
        MarkdownParser.parse(text, file: calc.file).blocks.map { block -> String in
            if case .paragraph(let inlines, _) = block { return render(inlines) }
            return render(block)
        }.joined(separator: "\n")
    }
}
