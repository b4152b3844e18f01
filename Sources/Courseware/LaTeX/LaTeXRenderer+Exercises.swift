import MarkdownSyntax

/// A lesson's exercises gathered at its end, as a textbook prints them: the lesson's text,
/// worked examples and figures first, then every exercise in the site's order, with its
/// site number and `\label`.
///
/// When the lesson has an exercise section (a `##` section with exercises, no subsections
/// and no other calc blocks, usually the author's "Exercises" as the lesson's last section),
/// the exercises written elsewhere join it, around its own exercises in number order, and
/// it keeps its place and number. Otherwise they follow the lesson under an unnumbered
/// "Exercises" heading. Where an exercise was written, nothing is left.
extension LaTeXRenderer {
    func lessonBody(_ blocks: [Block]) -> String {
        let exercises = calc.order.filter { calc.blocks[$0]?.block.kind == .exercise }
        guard !exercises.isEmpty else { return render(blocks) }
        var gathering = self
        gathering.exercisesInPlace = false
        guard let section = exerciseSection(blocks) else {
            let heading = LaTeXRenderer.keepExercisesHeading + "\\" + sectionCommands[0] + "*{Exercises}\n\\addcontentsline{toc}{" + sectionCommands[0] + "}{Exercises}\n"
            return blocks.map(gathering.render).joined(separator: "\n") + "\n" + heading
                + exercises.map(exercise(at:)).joined(separator: "\n")
        }
        let own = section.compactMap { index -> SourceLocation? in
            guard case .code(let code) = blocks[index], calc.blocks[code.range.start]?.block.kind == .exercise else { return nil }
            return code.range.start
        }
        guard let first = own.first, let last = own.last else { return render(blocks) }
        let ownSet = Set(own)
        let before = exercises.filter { !ownSet.contains($0) && $0 < first }
        let after = exercises.filter { !ownSet.contains($0) && $0 > first }
        var parts: [String] = []
        for (index, block) in blocks.enumerated() {
            guard section.contains(index), case .code(let code) = block, ownSet.contains(code.range.start) else {
                parts.append((index == section.lowerBound ? LaTeXRenderer.keepExercisesHeading : "") + gathering.render(block))
                continue
            }
            if code.range.start == first { parts += before.map(exercise(at:)) }
            parts.append(render(block))
            if code.range.start == last { parts += after.map(exercise(at:)) }
        }
        return parts.joined(separator: "\n")
    }

    /// Before the exercises' heading: room for it and a first exercise, or a new page.
    static let keepExercisesHeading = "\\cgkeep{14\\baselineskip}\n"

    /// The exercise whose block starts at `start`, with its number.
    func exercise(at start: SourceLocation) -> String {
        guard let evaluated = calc.blocks[start] else { return "" }
        return exercise(evaluated, number: numbers.calcBlocks[start])
    }

    /// The top-level blocks of the lesson's exercise section, heading included: of the `##`
    /// sections holding an exercise, no subsection and no worked example or figure, the
    /// last one titled "Exercises" (or "Exercise ..."), else the last one.
    func exerciseSection(_ blocks: [Block]) -> Range<Int>? {
        var found: Range<Int>?, titled: Range<Int>?
        var index = 0
        while index < blocks.count {
            guard case .heading(let level, let title, _, _) = blocks[index], level == 2 else { index += 1; continue }
            var end = index + 1
            var hasExercise = false, qualifies = true
            while end < blocks.count {
                if case .heading(let inner, _, _, _) = blocks[end] {
                    if inner <= 2 { break }
                    qualifies = false
                }
                if case .code(let code) = blocks[end], let kind = calc.blocks[code.range.start]?.block.kind {
                    switch kind {
                    case .exercise: hasExercise = true
                    case .example, .plot: qualifies = false
                    }
                }
                end += 1
            }
            if hasExercise && qualifies {
                found = index..<end
                if plainText(title).lowercased().hasPrefix("exercise") { titled = index..<end }
            }
            index = end
        }
        return titled ?? found
    }
}
