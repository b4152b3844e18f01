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
        for code in codes {
            let (parsed, parseDiagnostics) = CalcBlockParser.parse(code, file: lesson.displayPath)
            diagnostics += parseDiagnostics
            guard let block = parsed, !parseDiagnostics.contains(where: { $0.severity == .error }) else { continue }
            let (evaluated, evalDiagnostics) = CalcEvaluator.evaluate(block, file: lesson.displayPath)
            diagnostics += evalDiagnostics
            blocks[code.range.start] = evaluated
            order.append(code.range.start)
        }
    }

    /// Worked examples, exercises and figures, in document order.
    public var evaluated: [EvaluatedCalcBlock] { order.compactMap { blocks[$0] } }
}
