// calcbench: times the full calculus pipeline on a file of expressions.
//
// usage: calcbench WORKLOAD [--repeat N]
//
// For each line of WORKLOAD (one expression, explicit `*`; blank lines and lines starting
// with `#` are skipped): parse; gradient and Hessian (its upper triangle, mirrored, as
// SymPy's hessian() computes it); every entry simplified to display form; the gradient
// evaluated exactly at (1/3, 2/5, 3/7); every derivative (gradient and all n^2 Hessian
// entries, so f_yx is checked as the x-derivative of f_y) verified against dual numbers
// and central differences at 3 random points. Prints one JSON object per line with the
// times in microseconds (the minimum over the repetitions, so that noise from other
// processes is filtered out) and the printed results.

import Calculus
import Foundation

/// The variables an expression uses, x, y, z first.
func variables(of e: Expr) -> [String] {
    let names = e.symbols
    let preferred = ["x", "y", "z"].filter { names.contains($0) }
    return preferred + names.subtracting(preferred).sorted()
}

/// What one run of the pipeline produced.
struct PipelineResult {
    var variables: [String] = []
    var gradient: [Expr] = []
    var hessian: [[Expr]] = []
    var exactGradient: [String] = []
    var verified = true
    var failures: [String] = []
}

/// Times in nanoseconds per stage.
struct StageTimes {
    var parse: Int64 = 0
    var differentiate: Int64 = 0
    var simplify: Int64 = 0
    var exact: Int64 = 0
    var verify: Int64 = 0
    var total: Int64 { parse + differentiate + simplify + exact + verify }

    func minimum(_ other: StageTimes) -> StageTimes {
        StageTimes(parse: min(parse, other.parse), differentiate: min(differentiate, other.differentiate),
                   simplify: min(simplify, other.simplify), exact: min(exact, other.exact),
                   verify: min(verify, other.verify))
    }
}

func nanoseconds(_ d: Duration) -> Int64 {
    let (seconds, attoseconds) = d.components
    return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
}

/// Runs the pipeline once, timing each stage.
func runPipeline(_ text: String) throws -> (PipelineResult, StageTimes) {
    let clock = ContinuousClock()
    var times = StageTimes()
    var result = PipelineResult()

    var start = clock.now
    let context = CalcContext(variables: ["x", "y", "z"], allowsUndeclaredNames: true)
    let f = try ExpressionParser.parseExpression(text, context: context)
    times.parse = nanoseconds(clock.now - start)
    let vars = variables(of: f)
    result.variables = vars

    start = clock.now
    let first = vars.map { Derivative.partial(f, wrt: $0) }
    // The upper triangle, mirrored, as SymPy's hessian() does: f_yx is taken to be f_xy
    // here, and the verification below checks it as the y-partial's x-derivative, so the
    // symmetry is tested numerically rather than assumed.
    var second = first.map { _ in [Expr]() }
    for i in vars.indices {
        for j in vars.indices {
            second[i].append(j < i ? second[j][i] : Derivative.partial(first[i], wrt: vars[j]))
        }
    }
    times.differentiate = nanoseconds(clock.now - start)

    start = clock.now
    // All entries in one call, so that what they share is simplified once; equal entries
    // (the mirrored mixed partials, and any that coincide) are simplified once. A Hessian
    // has at most 9 entries, so they are found by comparison (which stops at the first
    // difference) rather than by hashing whole trees.
    var distinct: [Expr] = []
    var slot: [Int] = []
    for e in first + second.flatMap({ $0 }) {
        if let k = distinct.firstIndex(of: e) {
            slot.append(k)
        } else {
            slot.append(distinct.count)
            distinct.append(e)
        }
    }
    let shown = Simplify.display(distinct)
    let n = vars.count
    result.gradient = (0..<n).map { shown[slot[$0]] }
    result.hessian = (0..<n).map { i in (0..<n).map { j in shown[slot[n + i * n + j]] } }
    times.simplify = nanoseconds(clock.now - start)

    start = clock.now
    let point = [Rational(1, 3), Rational(2, 5), Rational(3, 7)].map { Expr.number($0) }
    var bindings: [String: Expr] = [:]
    for (v, p) in zip(vars, point) { bindings[v] = p }
    for g in result.gradient {
        do {
            let value = try ExactEvaluator.evaluate(g, at: bindings)
            result.exactGradient.append(Simplify.display(value).plainText)
        } catch {
            result.exactGradient.append("undefined: \(error)")
        }
    }
    times.exact = nanoseconds(clock.now - start)

    start = clock.now
    // Each expression is compiled once: f for the checks of the gradient, each gradient
    // entry both as the derivative checked against f and as the function its Hessian row
    // is checked against, and each distinct Hessian entry (f_xy serves in both orders).
    let compiledF = try? CompiledExpression(f, variables: vars)
    var compiledEntries = [CompiledExpression?](repeating: nil, count: distinct.count)
    // A check that passes needs no report: `Verification.passes` decides it without
    // recording samples, and the full `checkPartial` runs only to describe a failure
    // (or when an expression did not compile).
    func verify(_ function: CompiledExpression?, wrt v: String, _ derivative: CompiledExpression?,
                uncompiled: () -> Verification.PartialCheck) {
        if let function, let derivative {
            if Verification.passes(function, wrt: v, compiledDerivative: derivative, count: 3) { return }
            let check = Verification.checkPartial(function, wrt: v, compiledDerivative: derivative, count: 3)
            result.verified = false; result.failures.append(check.summary)
        } else {
            let check = uncompiled()
            if !check.passed { result.verified = false; result.failures.append(check.summary) }
        }
    }
    for (i, v) in vars.enumerated() {
        let compiledG = try? CompiledExpression(result.gradient[i], variables: vars)
        verify(compiledF, wrt: v, compiledG) {
            Verification.checkPartial(f, wrt: v, derivative: result.gradient[i], variables: vars, count: 3)
        }
        for (j, w) in vars.enumerated() {
            let k = slot[n + i * n + j]
            if compiledEntries[k] == nil { compiledEntries[k] = try? CompiledExpression(shown[k], variables: vars) }
            verify(compiledG, wrt: w, compiledEntries[k]) {
                Verification.checkPartial(result.gradient[i], wrt: w, derivative: result.hessian[i][j],
                                          variables: vars, count: 3)
            }
        }
    }
    times.verify = nanoseconds(clock.now - start)
    return (result, times)
}

func jsonString(_ s: String) -> String {
    var out = "\""
    for scalar in s.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\t": out += "\\t"
        default:
            if scalar.value < 0x20 { out += String(format: "\\u%04x", scalar.value) } else { out.unicodeScalars.append(scalar) }
        }
    }
    return out + "\""
}

func jsonArray(_ items: [String]) -> String { "[" + items.map(jsonString).joined(separator: ", ") + "]" }

func micro(_ ns: Int64) -> String { String(format: "%.3f", Double(ns) / 1000) }

var arguments = Array(CommandLine.arguments.dropFirst())
var repetitions = 5
if let i = arguments.firstIndex(of: "--repeat"), i + 1 < arguments.count, let n = Int(arguments[i + 1]), n > 0 {
    repetitions = n
    arguments.removeSubrange(i...(i + 1))
}
guard arguments.count == 1 else {
    FileHandle.standardError.write(Data("usage: calcbench WORKLOAD [--repeat N]\n".utf8))
    exit(2)
}
guard let workload = try? String(contentsOfFile: arguments[0], encoding: .utf8) else {
    FileHandle.standardError.write(Data("calcbench: cannot read \(arguments[0])\n".utf8))
    exit(2)
}

var failed = 0
for (lineNumber, rawLine) in workload.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
    let line = rawLine.trimmingCharacters(in: .whitespaces)
    if line.isEmpty || line.hasPrefix("#") { continue }
    do {
        let (result, first) = try runPipeline(line)
        var best = first
        for _ in 1..<repetitions {
            let (_, t) = try runPipeline(line)
            best = best.minimum(t)
        }
        if !result.verified { failed += 1 }
        let fields = [
            "\"line\": \(lineNumber + 1)",
            "\"expression\": \(jsonString(line))",
            "\"variables\": \(jsonArray(result.variables))",
            "\"total_us\": \(micro(best.total))",
            "\"parse_us\": \(micro(best.parse))",
            "\"differentiate_us\": \(micro(best.differentiate))",
            "\"simplify_us\": \(micro(best.simplify))",
            "\"exact_us\": \(micro(best.exact))",
            "\"verify_us\": \(micro(best.verify))",
            "\"gradient\": \(jsonArray(result.gradient.map(\.plainText)))",
            "\"hessian\": \(jsonArray(result.hessian.flatMap { $0 }.map(\.plainText)))",
            "\"exact_gradient\": \(jsonArray(result.exactGradient))",
            "\"verified\": \(result.verified)",
            "\"failures\": \(jsonArray(result.failures))",
        ]
        print("{" + fields.joined(separator: ", ") + "}")
    } catch {
        failed += 1
        print("{\"line\": \(lineNumber + 1), \"expression\": \(jsonString(line)), \"error\": \(jsonString("\(error)"))}")
    }
}
exit(failed == 0 ? 0 : 1)
