import Calculus
import Foundation

/// Checking an author's `answer` against the computed result (CALC.md 2.5).
extension CalcEvaluator {
    /// True when the answer agrees; otherwise reports an error at the `answer` line that
    /// shows both values.
    mutating func checkAnswer(_ answer: CalcAnswerLine, against result: CalcResult, in block: CalcBlock) -> Bool {
        var context = CalcContext(constants: block.constants)
        for d in block.definitions { context.define(d.function) }
        let function = block.function(named: result.request.functionName)
        switch result.request.request {
        case .chain(_, let t): context.variables = [t]
        case .limitAlongCurve, .limitAlongPath: context.variables = []
        default: context.variables = function?.parameters ?? []
        }
        for v in context.variables { context.constants[v] = nil }
        let candidates = [result.value] + result.alternatives
        var parseProblem: String?
        for candidate in candidates {
            switch agreement(answer.text, candidate, context: context) {
            case .agrees: return true
            case .differs: continue
            case .unreadable(let why): parseProblem = parseProblem ?? why
            }
        }
        let computed = result.value.plainText
        var message = "wrong answer to '\(result.request.text)': the answer is \(answer.text), but the computed result is \(computed)"
        if let approx = result.value.approximation, approx != computed { message += " (≈ \(approx))" }
        if let parseProblem, candidates.count == 1 || !answer.text.contains("(") { message = "cannot read the answer '\(answer.text)': \(parseProblem); the computed result is \(computed)" }
        diagnostics.append(answer.line.diagnostic(file, atScalar: answer.span.offset, length: answer.span.length, message))
        return false
    }

    enum Agreement { case agrees, differs, unreadable(String) }

    func agreement(_ text: String, _ expected: CalcResultValue, context: CalcContext) -> Agreement {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        switch expected {
        case .word(let w):
            return trimmed.lowercased() == w ? .agrees : .differs
        case .limitText(let t):
            let spoken: [String: String] = ["dne": "does not exist", "infinity": "+infinity", "inf": "+infinity",
                                            "+inf": "+infinity", "-inf": "-infinity"]
            let said = spoken[trimmed.lowercased()] ?? trimmed.lowercased()
            return said == t ? .agrees : .differs
        case .plane(let e):
            // `z = ...`, `L = ...`, `L(x, y) = ...` or just the right-hand side.
            var rhs = trimmed
            if let eq = trimmed.firstIndex(of: "="), !trimmed[trimmed.index(after: eq)...].hasPrefix("=") {
                rhs = String(trimmed[trimmed.index(after: eq)...])
            }
            do {
                let a = try ExpressionParser.parseExpression(rhs, context: context)
                return Equivalence.areEquivalent(a, e, variables: context.variables).equivalent ? .agrees : .differs
            } catch { return .unreadable(error.message) }
        case .decimalPoint(let p):
            let parts = CalcEvaluator.components(of: trimmed)
            guard parts.count == p.count else { return parts.isEmpty ? .unreadable("expected a point such as (0.01, 0)") : .differs }
            for (part, x) in zip(parts, p) {
                guard let a = try? ExpressionParser.parseExpression(part, context: context), let av = ExactEvaluator.approximate(a)
                else { return .unreadable("'\(part)' is not a number") }
                if abs(av - x) > CalcEvaluator.tolerance(writtenIn: part) { return .differs }
            }
            return .agrees
        case .exact(let v):
            let given: Value
            do { given = try ExpressionParser.parseValue(trimmed, context: context) } catch { return .unreadable(error.message) }
            switch (v, given) {
            case (.scalar(let e), .scalar(let a)):
                return CalcEvaluator.sameNumberOrExpression(a, e, written: trimmed, variables: context.variables) ? .agrees : .differs
            case (.vector(let es), .vector(let As)):
                guard es.count == As.count else { return .differs }
                let texts = CalcEvaluator.components(of: trimmed)
                for (i, (e, a)) in zip(es, As).enumerated() {
                    let written = i < texts.count ? texts[i] : trimmed
                    if !CalcEvaluator.sameNumberOrExpression(a, e, written: written, variables: context.variables) { return .differs }
                }
                return .agrees
            case (.matrix(let em), .matrix(let am)):
                guard em.count == am.count, zip(em, am).allSatisfy({ $0.count == $1.count }) else { return .differs }
                for (er, ar) in zip(em, am) {
                    for (e, a) in zip(er, ar) where !CalcEvaluator.sameNumberOrExpression(a, e, written: trimmed, variables: context.variables) {
                        return .differs
                    }
                }
                return .agrees
            case (.vector(let es), .scalar(let a)) where es.count == 1:
                // A one-entry vector (the gradient of a function of one variable) reads
                // `(-1/8)` as a number: `answer (-1/8)` and `answer -1/8` both mean it.
                return CalcEvaluator.sameNumberOrExpression(a, es[0], written: trimmed, variables: context.variables)
                    ? .agrees : .differs
            case (.scalar(let e), .vector(let As)) where As.count == 1:
                return CalcEvaluator.sameNumberOrExpression(As[0], e, written: trimmed, variables: context.variables)
                    ? .agrees : .differs
            case (.scalar, _), (.vector, _), (.matrix, _):
                return .differs
            }
        }
    }

    /// Exactly (after simplification, then at random points), or for a written decimal to
    /// the precision written: `0.333` matches 1/3.
    static func sameNumberOrExpression(_ a: Expr, _ e: Expr, written: String, variables: [String]) -> Bool {
        if Equivalence.areEquivalent(a, e, variables: variables).equivalent { return true }
        guard written.contains("."), a.symbols.isEmpty, e.symbols.isEmpty,
              let av = ExactEvaluator.approximate(a), let ev = ExactEvaluator.approximate(e) else { return false }
        return abs(av - ev) <= tolerance(writtenIn: written)
    }

    /// Half a unit in the last decimal place written (the fewest decimals of any number in
    /// the text), plus a hair for binary rounding.
    static func tolerance(writtenIn text: String) -> Double {
        var fewest: Int?
        var i = text.startIndex
        while let dot = text[i...].firstIndex(of: ".") {
            var j = text.index(after: dot)
            var digits = 0
            while j < text.endIndex, text[j].isASCII, text[j].isNumber { digits += 1; j = text.index(after: j) }
            fewest = min(fewest ?? digits, digits)
            i = j
        }
        guard let d = fewest else { return 1e-9 }
        return 0.5 * pow(10, -Double(d)) + 1e-12
    }

    /// The texts of the entries of `(a, b, c)` at the top level.
    static func components(of text: String) -> [String] {
        let t = text.trimmingCharacters(in: .whitespaces)
        guard t.hasPrefix("("), t.hasSuffix(")") else { return [] }
        let inner = CalcSpan(text: String(t.dropFirst().dropLast()), offset: 0)
        return CalcBlockParser.splitTopLevel(inner, on: ",").map { $0.trimmed.text }
    }
}
