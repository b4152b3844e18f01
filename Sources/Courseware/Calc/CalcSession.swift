import Foundation
import MarkdownSyntax

/// `coursegen calc`: one block read from the terminal, evaluated and printed (CALC.md 2.6).
public enum CalcSession {
    public enum Format: String, Sendable, CaseIterable { case text, latex, json }

    /// What a run prints and whether it succeeded.
    public struct Outcome: Sendable {
        public var output: String
        public var diagnostics: [Diagnostic]
        public var succeeded: Bool { !diagnostics.contains { $0.severity == .error } }
    }

    /// Evaluates the lines of one block. The kind is read from the lines: `ask` makes an
    /// exercise, `contour` a plot, else a worked example; a first line that is a fence info
    /// string (```` ```calc exercise ````) or a closing fence is also accepted.
    public static func run(_ input: String, format: Format, file: String = "<stdin>") -> Outcome {
        var lines = input.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { index, text in
            CalcLine(text: String(text).replacingOccurrences(of: "\r", with: ""), line: index + 1, column: 1)
        }
        var info = "calc"
        if let first = lines.first(where: { !$0.text.trimmingCharacters(in: .whitespaces).isEmpty }),
           first.text.trimmingCharacters(in: .whitespaces).hasPrefix("```") {
            info = String(first.text.trimmingCharacters(in: .whitespaces).dropFirst(3))
            lines.removeAll { $0.line == first.line }
        } else {
            let words = Set(lines.compactMap { $0.text.split(separator: " ").first.map(String.init) })
            if words.contains("ask") { info = "calc exercise" } else if words.contains("contour") { info = "calc plot" }
        }
        lines.removeAll { $0.text.trimmingCharacters(in: .whitespaces) == "```" }
        let (parsed, parseDiagnostics) = CalcBlockParser.parse(info: info, lines: lines,
                                                               start: SourceLocation(line: 0, column: 1), file: file)
        guard let block = parsed else {
            return Outcome(output: format == .json ? json(nil, parseDiagnostics) : "", diagnostics: parseDiagnostics)
        }
        let (evaluated, evalDiagnostics) = CalcEvaluator.evaluate(block, file: file)
        let diagnostics = parseDiagnostics + evalDiagnostics
        switch format {
        case .text: return Outcome(output: CalcTextRenderer.text(evaluated), diagnostics: diagnostics)
        case .latex: return Outcome(output: CalcLaTeXRenderer.latex(evaluated), diagnostics: diagnostics)
        case .json: return Outcome(output: json(evaluated, diagnostics), diagnostics: diagnostics)
        }
    }

    struct JSONReport: Encodable {
        struct Step: Encodable { var label: String; var value: String; var latex: String }
        struct Result: Encodable {
            var request: String
            var line: Int
            var function: String
            var exact: String
            var latex: String
            var approx: String?
            var verified: Bool
            var checks: [String]
            var steps: [Step]
        }
        struct Problem: Encodable { var line: Int; var column: Int; var severity: String; var message: String }
        var kind: String?
        var results: [Result]
        var answersChecked: Int
        var diagnostics: [Problem]
    }

    static func json(_ evaluated: EvaluatedCalcBlock?, _ diagnostics: [Diagnostic]) -> String {
        let report = JSONReport(
            kind: evaluated?.block.kind.rawValue,
            results: (evaluated?.results ?? []).map { r in
                JSONReport.Result(request: r.request.text, line: r.request.line.line, function: r.functionText,
                                  exact: r.value.plainText, latex: r.value.latex, approx: r.value.approximation,
                                  verified: r.verified, checks: r.checks,
                                  steps: r.steps.map { JSONReport.Step(label: $0.label, value: $0.value.plainText, latex: $0.latex) })
            },
            answersChecked: evaluated?.answersChecked ?? 0,
            diagnostics: diagnostics.map {
                JSONReport.Problem(line: $0.location.line, column: $0.location.column, severity: $0.severity.rawValue, message: $0.message)
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(report) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
