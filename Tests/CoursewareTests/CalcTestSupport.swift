@testable import Courseware
import MarkdownSyntax

/// Runs a calc block the way a lesson does: its lines start at file line `firstLine`
/// (the fence is the line before), each at file column `column`.
func runCalcBlock(_ info: String, _ lines: [String], firstLine: Int = 10, column: Int = 1)
    -> (evaluated: EvaluatedCalcBlock?, diagnostics: [Diagnostic])
{
    let calcLines = lines.enumerated().map { CalcLine(text: $1, line: firstLine + $0, column: column) }
    let (block, parseDiagnostics) = CalcBlockParser.parse(
        info: info, lines: calcLines, start: SourceLocation(line: firstLine - 1, column: column), file: "Content/01-test.md")
    guard let block, !parseDiagnostics.contains(where: { $0.severity == .error }) else { return (nil, parseDiagnostics) }
    let (evaluated, evalDiagnostics) = CalcEvaluator.evaluate(block, file: "Content/01-test.md")
    return (evaluated, parseDiagnostics + evalDiagnostics)
}
