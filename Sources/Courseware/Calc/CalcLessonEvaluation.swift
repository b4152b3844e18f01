import MarkdownSyntax

/// Every calc block of one lesson, evaluated, found again by where its fence starts.
public struct CalcLessonEvaluation: Sendable {
    public var blocks: [SourceLocation: EvaluatedCalcBlock] = [:]
    /// Fence positions in document order.
    public var order: [SourceLocation] = []
    public var diagnostics: [Diagnostic] = []
    /// The lesson file, as diagnostics name it.
    public var file = ""

    public init() {}

    /// Parses and evaluates the lesson's calc blocks (inside callouts and lists too). A
    /// block with parse errors is not evaluated, so one mistake gives one message.
    public init(_ lesson: Lesson) {
        file = lesson.displayPath
        var codes: [CodeBlock] = []
        TreeWalk(visitBlock: { block in
            if case .code(let code) = block, CalcInfo.read(code.info) != nil { codes.append(code) }
        }).walk(lesson.document.blocks)
        // Blocks are independent of each other: evaluate them on all cores, keep their order.
        let file = lesson.displayPath
        let outcomes = codes.parallelMap { code -> (CodeBlock, EvaluatedCalcBlock?, [Diagnostic]) in
            let (parsed, parseDiagnostics) = CalcBlockParser.parse(code, file: file)
            guard let block = parsed, !parseDiagnostics.contains(where: { $0.severity == .error }) else {
                return (code, nil, parseDiagnostics)
            }
            let (evaluated, evalDiagnostics) = CalcEvaluator.evaluate(block, file: file)
            return (code, evaluated, parseDiagnostics + evalDiagnostics)
        }
        for (code, evaluated, found) in outcomes {
            diagnostics += found
            guard let evaluated else { continue }
            blocks[code.range.start] = evaluated
            order.append(code.range.start)
        }
    }

    /// Worked examples, exercises and figures, in document order.
    public var evaluated: [EvaluatedCalcBlock] { order.compactMap { blocks[$0] } }
}
