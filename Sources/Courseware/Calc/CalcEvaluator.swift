import Calculus
import MarkdownSyntax

/// Carries out the requests of a parsed block with the Calculus library, verifies every
/// derivative it prints (CALC.md 3) and checks the authors' answers (CALC.md 2.5).
public struct CalcEvaluator {
    let file: String
    var diagnostics: [Diagnostic] = []

    public init(file: String) { self.file = file }

    /// Evaluates a block; the diagnostics say what could not be computed, did not verify,
    /// or disagreed with an author's answer.
    public static func evaluate(_ block: CalcBlock, file: String) -> (EvaluatedCalcBlock, [Diagnostic]) {
        var evaluator = CalcEvaluator(file: file)
        var results: [CalcResult] = []
        var answers = 0
        switch block.kind {
        case .example:
            for request in block.requests {
                if let r = evaluator.evaluate(request, in: block) { results.append(r) }
            }
        case .exercise:
            for part in block.parts {
                guard let r = evaluator.evaluate(part.ask, in: block) else { continue }
                results.append(r)
                if let answer = part.answer, evaluator.checkAnswer(answer, against: r, in: block) { answers += 1 }
            }
        case .plot:
            break
        }
        var figure: CalcFigure?
        if block.kind == .plot, let plot = block.plot, let f = block.definitions.first?.function {
            figure = evaluator.figure(plot, function: f, label: block.label)
        }
        return (EvaluatedCalcBlock(block: block, results: results, figure: figure, answersChecked: answers),
                evaluator.diagnostics)
    }

    // MARK: Requests

    mutating func evaluate(_ request: CalcRequestLine, in block: CalcBlock) -> CalcResult? {
        guard let function = block.function(named: request.functionName) else { return nil }
        let vars = function.parameters
        let n = function.name
        let signature = "\(n)(\(vars.joined(separator: ", ")))"
        let functionText = "\(signature) = \(function.body.plainText)"
        let functionLaTeX = "\(n)(\(vars.map { ExpressionPrinter.latexName($0) }.joined(separator: ", "))) = \(function.body.latex)"
        var result = CalcResult(request: request, title: request.text, functionText: functionText,
                                functionLaTeX: functionLaTeX, steps: [], remark: nil, table: nil,
                                resultLabel: n, latexResultLabel: n, value: .word(""), alternatives: [],
                                verified: true, checks: [])
        func tuple(_ p: [Expr]) -> String { "(" + p.map(\.plainText).joined(separator: ", ") + ")" }
        func latexTuple(_ p: [Expr]) -> String { ExpressionPrinter(.latex).tuple(p) }
        func label(_ plain: String, _ latex: String) { result.resultLabel = plain; result.latexResultLabel = latex }

        if case .vector(let components) = function.body {
            guard case .jacobian(let p) = request.request else { return nil }
            let j = Jacobian(of: components, variables: vars, name: n)
            result.steps = j.steps
            for (i, component) in components.enumerated() {
                for (k, v) in vars.enumerated() {
                    record(Verification.checkPartial(component, wrt: v, derivative: j.entries[i][k], variables: vars),
                           into: &result)
                }
            }
            if let p {
                guard let (entries, det) = attempt(request, { () throws(EvaluationError) in try j.at(p) }) else { return nil }
                result.steps.append(WorkStep(label: "J\(n)\(tuple(p))", latexLabel: "J_{\(n)}\(latexTuple(p))", value: .matrix(entries)))
                if let det { result.steps.append(WorkStep(label: "det J\(n)\(tuple(p))", latexLabel: "\\det J_{\(n)}\(latexTuple(p))", value: .scalar(det))) }
                label("J\(n)\(tuple(p))", "J_{\(n)}\(latexTuple(p))")
                result.value = .exact(.matrix(entries))
                if let det { result.alternatives = [.exact(.scalar(det))] }
            } else {
                label("J\(n)", "J_{\(n)}")
                result.value = .exact(.matrix(j.entries))
                if let d = j.determinant { result.alternatives = [.exact(.scalar(d))] }
            }
            return finish(result)
        }
        guard case .scalar(let f) = function.body else { return nil }
        guard definedAtPoint(f, vars, request) else { return nil }

        switch request.request {
        case .value(let p):
            guard let v = attempt(request, { () throws(EvaluationError) in try ExactEvaluator.evaluate(f, variables: vars, point: p) })
            else { return nil }
            let shown = Simplify.display(v)
            label("\(n)\(tuple(p))", "\(n)\(latexTuple(p))")
            result.steps = [WorkStep(label: "\(n)\(tuple(p))", latexLabel: "\(n)\(latexTuple(p))", value: .scalar(shown),
                                     note: "substitute the point")]
            result.value = .exact(.scalar(shown))
        case .partials:
            let g = Gradient(of: f, variables: vars, name: n)
            result.steps = g.steps
            g.verification().forEach { record($0, into: &result) }
            label("(" + vars.map { "∂\(n)/∂\($0)" }.joined(separator: ", ") + ")",
                  "\\left(" + vars.map { "\\frac{\\partial \(n)}{\\partial \(ExpressionPrinter.latexName($0))}" }.joined(separator: ", ") + "\\right)")
            result.value = .exact(.vector(g.components))
        case .partial(let vs):
            let d1 = Derivation.partial(f, wrt: vs[0])
            let r1 = Simplify.display(d1.result)
            let l1 = "\(n)_\(vs[0])", lx1 = "\(n)_{\(ExpressionPrinter.latexName(vs[0]))}"
            result.steps = [WorkStep(label: l1, latexLabel: lx1, value: .scalar(r1), derivations: [d1])]
            record(Verification.checkPartial(f, wrt: vs[0], derivative: r1, variables: vars), into: &result)
            label(l1, lx1)
            result.value = .exact(.scalar(r1))
            if vs.count == 2 {
                let d2 = Derivation.partial(r1, wrt: vs[1])
                let r2 = Simplify.display(d2.result)
                let l2 = "\(n)_\(vs[0])\(vs[1])"
                let lx2 = "\(n)_{\(ExpressionPrinter.latexName(vs[0]))\(ExpressionPrinter.latexName(vs[1]))}"
                result.steps.append(WorkStep(label: l2, latexLabel: lx2, value: .scalar(r2),
                                             note: "differentiate \(l1) by \(vs[1])",
                                             latexNote: "\\text{differentiate } \(lx1) \\text{ by } \(ExpressionPrinter.latexName(vs[1]))",
                                             derivations: [d2]))
                record(Verification.checkPartial(r1, wrt: vs[1], derivative: r2, variables: vars), into: &result)
                label(l2, lx2)
                result.value = .exact(.scalar(r2))
            }
        case .gradient(let p):
            let g = Gradient(of: f, variables: vars, name: n)
            result.steps = g.steps
            g.verification().forEach { record($0, into: &result) }
            label("∇\(n)", "\\nabla \(n)")
            result.value = .exact(.vector(g.components))
            if let p {
                guard notOnBranchBoundary(f, vars, p, request, function: n),
                      let gp = attempt(request, { () throws(EvaluationError) in try g.at(p) }) else { return nil }
                result.steps.append(WorkStep(label: "∇\(n)\(tuple(p))", latexLabel: "\\nabla \(n)\(latexTuple(p))", value: .vector(gp)))
                label("∇\(n)\(tuple(p))", "\\nabla \(n)\(latexTuple(p))")
                result.value = .exact(.vector(gp))
            }
        case .directional(let p, let v):
            guard notOnBranchBoundary(f, vars, p, request, function: n) else { return nil }
            let d: DirectionalDerivative
            do { d = try DirectionalDerivative(of: f, variables: vars, at: p, toward: v, name: n) } catch {
                switch error {
                case .zeroDirection: fail(request, "the direction is the zero vector; it has no unit vector")
                case .dimensionMismatch(let e, let g): fail(request, "expected \(e) coordinates, got \(g)")
                case .undefined(let why): undefined(request, why, function: n)
                }
                return nil
            }
            result.steps = d.steps
            d.gradient.verification().forEach { record($0, into: &result) }
            label("D_u \(n)\(tuple(p))", "D_{\\mathbf{u}} \(n)\(latexTuple(p))")
            result.value = .exact(.scalar(d.value))
        case .steepest(let p):
            guard notOnBranchBoundary(f, vars, p, request, function: n),
                  let s = attempt(request, { () throws(EvaluationError) in try SteepestAscent(of: f, variables: vars, at: p, name: n) })
            else { return nil }
            result.steps = s.steps
            Gradient(of: f, variables: vars, name: n).verification().forEach { record($0, into: &result) }
            if let ascent = s.ascent {
                label("u_ascent", "\\mathbf{u}_{\\text{ascent}}")
                result.value = .exact(.vector(ascent))
                result.alternatives = [.exact(.scalar(s.rate))]
                if let descent = s.descent { result.alternatives.append(.exact(.vector(descent))) }
            } else {
                label("‖∇\(n)\(tuple(p))‖", "\\lVert\\nabla \(n)\(latexTuple(p))\\rVert")
                result.value = .exact(.scalar(s.rate))
                result.remark = "∇\(n)\(tuple(p)) = 0: no direction is steepest at a critical point."
            }
        case .hessian(let p):
            let h = Hessian(of: f, variables: vars, name: n)
            result.steps = h.steps
            h.verification().flatMap { $0 }.forEach { record($0, into: &result) }
            label("H\(n)", "H_{\(n)}")
            result.value = .exact(.matrix(h.entries))
            if let p {
                guard notOnBranchBoundary(f, vars, p, request, function: n),
                      let hp = attempt(request, { () throws(EvaluationError) in try h.at(p) }) else { return nil }
                result.steps.append(WorkStep(label: "H\(n)\(tuple(p))", latexLabel: "H_{\(n)}\(latexTuple(p))", value: .matrix(hp)))
                label("H\(n)\(tuple(p))", "H_{\(n)}\(latexTuple(p))")
                result.value = .exact(.matrix(hp))
            }
        case .clairaut(let p):
            let (a, b) = (vars[0], vars[1])
            if let p, CalcEvaluator.isOnBranchBoundary(f, vars, p) {
                // At the special point of a piecewise function the formulas do not apply:
                // both mixed partials come from the limit definition.
                do {
                    let ab = try MixedPartialByDefinition(of: f, variables: vars, at: p, first: a, then: b)
                    let ba = try MixedPartialByDefinition(of: f, variables: vars, at: p, first: b, then: a)
                    guard let vab = ab.value, let vba = ba.value else {
                        fail(request, "a limit in the definition of the mixed partials does not exist at \(tuple(p))")
                        return nil
                    }
                    result.steps = [
                        WorkStep(label: "\(n)_\(a)\(b)\(tuple(p))", latexLabel: "\(n)_{\(a)\(b)}\(latexTuple(p))", value: .scalar(vab),
                                 note: "limit of the difference quotient of \(n)_\(a)",
                                 latexNote: "\\text{limit of the difference quotient of } \(n)_{\(a)}"),
                        WorkStep(label: "\(n)_\(b)\(a)\(tuple(p))", latexLabel: "\(n)_{\(b)\(a)}\(latexTuple(p))", value: .scalar(vba),
                                 note: "limit of the difference quotient of \(n)_\(b)",
                                 latexNote: "\\text{limit of the difference quotient of } \(n)_{\(b)}"),
                    ]
                    result.remark = vab == vba ? "The mixed partials agree at \(tuple(p))."
                        : "The mixed partials differ at \(tuple(p)): Clairaut's theorem does not apply here (the second partials are not continuous)."
                    label("\(n)_\(a)\(b)\(tuple(p))", "\(n)_{\(a)\(b)}\(latexTuple(p))")
                    result.value = .exact(.scalar(vab))
                    result.alternatives = [.exact(.vector([vab, vba]))]
                } catch {
                    fail(request, error.description)
                    return nil
                }
                break
            }
            let m = MixedPartials(of: f, a, b, variables: vars, name: n)
            result.steps = m.steps
            let fa = Derivative.partial(f, wrt: a), fb = Derivative.partial(f, wrt: b)
            record(Verification.checkPartial(fa, wrt: b, derivative: m.inOrder, variables: vars), into: &result)
            record(Verification.checkPartial(fb, wrt: a, derivative: m.reversed, variables: vars), into: &result)
            result.remark = m.equal ? "Both orders give the same expression, as Clairaut's theorem says." : "The two orders give different expressions."
            label("\(n)_\(a)\(b)", "\(n)_{\(a)\(b)}")
            result.value = .exact(.scalar(m.inOrder))
            if let p {
                guard let v = attempt(request, { () throws(EvaluationError) in try ExactEvaluator.evaluate(m.inOrder, variables: vars, point: p) })
                else { return nil }
                let shown = Simplify.display(v)
                result.steps.append(WorkStep(label: "\(n)_\(a)\(b)\(tuple(p))", latexLabel: "\(n)_{\(a)\(b)}\(latexTuple(p))", value: .scalar(shown)))
                label("\(n)_\(a)\(b)\(tuple(p))", "\(n)_{\(a)\(b)}\(latexTuple(p))")
                result.value = .exact(.scalar(shown))
            }
        case .jacobian:
            return nil
        case .tangentPlane(let p):
            guard notOnBranchBoundary(f, vars, p, request, function: n),
                  let t = attempt(request, { () throws(EvaluationError) in try TangentPlane(of: f, variables: vars, at: p, name: n) })
            else { return nil }
            result.steps = t.steps
            Gradient(of: f, variables: vars, name: n).verification().forEach { record($0, into: &result) }
            result.checks.append(t.passesThroughPoint ? "passes through the point of tangency" : "FAILED: does not pass through the point")
            if !t.passesThroughPoint { result.verified = false }
            result.remark = t.equation
            label("z", "z")
            result.value = .plane(t.expression)
        case .linearization(let p):
            guard notOnBranchBoundary(f, vars, p, request, function: n),
                  let l = attempt(request, { () throws(EvaluationError) in try Linearization(of: f, variables: vars, at: p, name: n) })
            else { return nil }
            result.steps = l.steps
            Gradient(of: f, variables: vars, name: n).verification().forEach { record($0, into: &result) }
            if !l.passesThroughPoint { result.verified = false; result.checks.append("FAILED: L(P) ≠ f(P)") }
            result.remark = "L = " + l.pointSlopeForm
            label("L", "L")
            result.value = .plane(l.expression)
        case .chain(let subs, let t):
            guard let c = attempt(request, { () throws(EvaluationError) in
                try ChainRule(of: f, variables: vars, path: subs.map(\.expression), parameter: t, name: n)
            }) else { return nil }
            result.steps = c.steps
            result.checks.append(c.agrees ? "chain rule agrees with substituting first" : "FAILED: chain rule disagrees with substituting first")
            if !c.agrees { result.verified = false }
            let direct = Simplify.display(c.direct)
            let check = Verification.checkPartial(f.substituting(Dictionary(uniqueKeysWithValues: subs.map { ($0.variable, $0.expression) })),
                                                  wrt: t, derivative: c.total, variables: [t])
            record(check, into: &result)
            _ = direct
            label("d\(n)/d\(t)", "\\frac{d\(n)}{d\(ExpressionPrinter.latexName(t))}")
            result.value = .exact(.scalar(c.total))
        case .limitAlongCurve(let p, let v, let curve):
            do {
                let l = try PathLimit(of: f, variables: vars, along: v, equals: curve, at: p)
                limitResult(l, into: &result, at: p)
            } catch { fail(request, error.description); return nil }
        case .limitAlongPath(let p, let path, let t, let a):
            do {
                let l = try PathLimit(of: f, variables: vars, along: path, as: t, approaches: a, point: p)
                limitResult(l, into: &result, at: p)
            } catch { fail(request, error.description); return nil }
        case .definitionPartial(let v, let p):
            do {
                let d = try DefinitionPartial(of: f, variables: vars, at: p, withRespectTo: v)
                let h = d.increment
                // The moved point, e.g. (h, 0) for partial x at (0, 0), (1 + h, 2) at (1, 2).
                let k = vars.firstIndex(of: v) ?? 0
                let moved = p.enumerated().map { i, c in
                    i != k ? c : ExactEvaluator.sign(c) == 0 ? Expr.symbol(h) : c + Expr.symbol(h)
                }
                result.steps = [
                    WorkStep(label: "\(n)\(tuple(p))", latexLabel: "\(n)\(latexTuple(p))", value: .scalar(d.valueAtPoint)),
                    WorkStep(label: "difference quotient", latexLabel: "\\frac{\(n)\(latexTuple(moved)) - \(n)\(latexTuple(p))}{\(h)}",
                             value: .scalar(CalcDisplay.collapsingEqualBranches(d.differenceQuotient)), note: "as \(h) -> 0", latexNote: "\\text{as } \(h) \\to 0"),
                ]
                guard let value = d.value else {
                    fail(request, "the limit of the difference quotient does not exist: \(d.limit.outcome)")
                    return nil
                }
                result.steps.append(WorkStep(label: "\(n)_\(v)\(tuple(p))", latexLabel: "\(n)_{\(v)}\(latexTuple(p))", value: .scalar(value),
                                             note: "limit as \(h) -> 0", latexNote: "\\text{limit as } \(h) \\to 0"))
                label("\(n)_\(v)\(tuple(p))", "\(n)_{\(v)}\(latexTuple(p))")
                result.value = .exact(.scalar(value))
                // Away from a piecewise function's special point the formula's partial must agree.
                if !CalcEvaluator.isOnBranchBoundary(f, vars, p),
                   let formula = try? ExactEvaluator.evaluate(Derivative.partial(f, wrt: v), variables: vars, point: p) {
                    let agrees = Equivalence.areEquivalent(formula, value).equivalent
                    result.checks.append(agrees ? "the limit agrees with the partial derivative's formula at the point"
                                                : "FAILED: the limit \(value.plainText) differs from the formula's \(Simplify.display(formula).plainText)")
                    if !agrees { result.verified = false }
                }
            } catch { fail(request, error.description); return nil }
        case .classify(let p):
            guard notOnBranchBoundary(f, vars, p, request, function: n),
                  let c = attempt(request, { () throws(EvaluationError) in try CriticalPoint(of: f, variables: vars, at: p, name: n) })
            else { return nil }
            result.steps = c.steps
            Hessian(of: f, variables: vars, name: n).verification().flatMap { $0 }.forEach { record($0, into: &result) }
            label("\(tuple(p))", latexTuple(p))
            result.value = .word(c.classification.rawValue)
        case .descent(let p, let rate, let steps):
            let start = p.compactMap(ExactEvaluator.approximate)
            guard let r = ExactEvaluator.approximate(rate), start.count == p.count else { return nil }
            let g: GradientDescent
            do { g = try GradientDescent(of: f, variables: vars, from: start, rate: r, steps: steps) } catch {
                fail(request, "\(n) cannot be evaluated numerically: \(error)")
                return nil
            }
            guard g.completed else {
                fail(request, "gradient descent left the domain of \(n) or diverged after \(g.iterates.count - 1) steps; try a smaller rate")
                return nil
            }
            let grad = Gradient(of: f, variables: vars, name: n)
            grad.verification().forEach { record($0, into: &result) }
            result.steps = grad.steps
            result.table = CalcEvaluator.descentTable(g, variables: vars)
            label("x_\(steps)", "\\mathbf{x}_{\(steps)}")
            result.value = .decimalPoint(g.finalPoint)
            result.remark = "After \(steps) step\(steps == 1 ? "" : "s") of size \(rate.plainText): \(n) = \(Expr.formatDecimal(g.finalValue))."
        case .check(let p):
            guard notOnBranchBoundary(f, vars, p, request, function: n) else { return nil }
            do {
                let c = try GradientCheck(of: f, variables: vars, at: p)
                result.table = CalcTable(header: ["variable", "exact", "analytic", "finite difference", "step", "difference"],
                                         rows: c.rows.map { [$0.variable, $0.exact.plainText, Expr.formatDecimal($0.analytic),
                                                             Expr.formatDecimal($0.finiteDifference), Expr.formatDecimal($0.step),
                                                             Expr.formatDecimal($0.difference)] },
                                         omittedAfterRow: nil,
                                         latexRows: c.rows.map { [ExpressionPrinter.latexName($0.variable), $0.exact.latex,
                                                                  nil, nil, nil, nil] })
                result.steps = Gradient(of: f, variables: vars, name: n).steps
                result.checks.append(c.agrees ? "analytic gradient agrees with central differences" : "FAILED: analytic and finite-difference gradients differ")
                if !c.agrees { result.verified = false }
                label("∇\(n)\(tuple(p))", "\\nabla \(n)\(latexTuple(p))")
                result.value = .exact(.vector(c.rows.map(\.exact)))
            } catch {
                switch error {
                case .undefined(let why): undefined(request, why, function: n)
                case .notNumeric(let why): fail(request, why)
                }
                return nil
            }
        }
        return finish(result)
    }

    /// Reports a failed verification as an error at the request.
    mutating func finish(_ result: CalcResult) -> CalcResult {
        if !result.verified {
            let failures = result.checks.filter { $0.hasPrefix("FAILED") }.joined(separator: "; ")
            fail(result.request, "verification failed for '\(result.request.text)': \(failures)")
        }
        return result
    }

    mutating func record(_ check: Verification.PartialCheck, into result: inout CalcResult) {
        result.checks.append(check.summary)
        if !check.passed { result.verified = false }
    }

    mutating func limitResult(_ l: PathLimit, into result: inout CalcResult, at p: [Expr]) {
        let n = result.resultLabel
        result.steps = [WorkStep(label: "\(n) along the path", latexLabel: "\(n)\\text{ along the path}", value: .scalar(l.restricted),
                                 note: "substitute the path, \(l.parameter) -> \(l.parameterLimit.plainText)",
                                 latexNote: "\\text{as } \(ExpressionPrinter.latexName(l.parameter)) \\to \(l.parameterLimit.latex)")]
        if let c = l.limit.cancelledForm {
            result.steps.append(WorkStep(label: "cancelled", latexLabel: "\\text{cancelled}", value: .scalar(c), note: "cancel the common factor"))
        }
        result.resultLabel = "limit"
        result.latexResultLabel = "\\lim"
        switch l.limit.outcome {
        case .value(let v):
            result.steps.append(WorkStep(label: "limit", latexLabel: "\\lim", value: .scalar(v)))
            result.value = .exact(.scalar(v))
            if l.dependsOnPathParameters {
                result.remark = "The value depends on \(l.limit.parametersInValue.joined(separator: ", ")): different paths give different limits, so the limit at \("(" + p.map(\.plainText).joined(separator: ", ") + ")") does not exist."
            }
        case .positiveInfinity: result.value = .limitText("+infinity")
        case .negativeInfinity: result.value = .limitText("-infinity")
        case .doesNotExist(let why): result.value = .limitText("does not exist"); result.remark = why
        case .undefined(let why): result.value = .limitText("undefined"); result.remark = why
        case .undetermined(let why): result.value = .limitText("undetermined"); result.remark = why
        }
    }

    static func descentTable(_ g: GradientDescent, variables: [String]) -> CalcTable {
        let all = g.iterates.indices.map { k in
            ["\(k)"] + g.iterates[k].map { Expr.formatDecimal($0) } + [Expr.formatDecimal(g.values[k])]
        }
        let header = ["k"] + variables + ["f"]
        // The first and last few iterates tell the story; the middle is elided.
        if all.count <= 8 { return CalcTable(header: header, rows: all, omittedAfterRow: nil) }
        return CalcTable(header: header, rows: Array(all.prefix(4)) + Array(all.suffix(3)), omittedAfterRow: 4)
    }

    // MARK: Problems

    /// A derivative, value or plane at a point needs the function to be defined there;
    /// limits and difference quotients look at the point's neighbourhood instead.
    mutating func definedAtPoint(_ f: Expr, _ vars: [String], _ request: CalcRequestLine) -> Bool {
        let point: [Expr]?
        switch request.request {
        case .value(let p), .directional(let p, _), .steepest(let p), .tangentPlane(let p), .linearization(let p),
             .classify(let p), .check(let p), .descent(let p, _, _):
            point = p
        case .gradient(let p), .hessian(let p), .jacobian(let p):
            point = p
        case .clairaut(let p):
            point = p.flatMap { CalcEvaluator.isOnBranchBoundary(f, vars, $0) ? nil : $0 }
        case .partials, .partial, .chain, .limitAlongCurve, .limitAlongPath, .definitionPartial:
            point = nil
        }
        guard let point else { return true }
        do {
            _ = try ExactEvaluator.evaluate(f, variables: vars, point: point)
            return true
        } catch {
            let where_ = request.pointSpan ?? request.span
            diagnostics.append(request.line.diagnostic(file, atScalar: where_.offset, length: where_.length,
                "'\(request.text)': \(request.functionName) is undefined at \(where_.text): \(error)"))
            return false
        }
    }

    /// Runs a computation that may meet a point outside the domain; reports it at the point.
    mutating func attempt<T>(_ request: CalcRequestLine, _ body: () throws(EvaluationError) -> T) -> T? {
        do { return try body() } catch {
            undefined(request, error, function: request.functionName)
            return nil
        }
    }

    mutating func undefined(_ request: CalcRequestLine, _ why: EvaluationError, function: String) {
        let where_ = request.pointSpan ?? request.span
        diagnostics.append(request.line.diagnostic(file, atScalar: where_.offset, length: where_.length,
            "'\(request.text)': \(function) or its derivatives are undefined at \(where_.text): \(why)"))
    }

    mutating func fail(_ request: CalcRequestLine, _ message: String) {
        diagnostics.append(request.line.diagnostic(file, atScalar: request.span.offset, length: request.span.length, message))
    }

    /// A derivative at the point where a piecewise function switches branches is not the
    /// derivative of either formula, so such requests are refused with a pointer to the
    /// requests that handle it.
    mutating func notOnBranchBoundary(_ f: Expr, _ vars: [String], _ p: [Expr], _ request: CalcRequestLine, function: String) -> Bool {
        guard CalcEvaluator.isOnBranchBoundary(f, vars, p) else { return true }
        let where_ = request.pointSpan ?? request.span
        let v = vars.first ?? "x"
        diagnostics.append(request.line.diagnostic(file, atScalar: where_.offset, length: where_.length,
            "\(function) is piecewise and its branches meet at \(where_.text), so the derivative of a branch's formula "
            + "does not apply there; use 'definition partial \(v) at \(where_.text)' or 'clairaut at \(where_.text)'"))
        return false
    }

    /// Whether `p` lies where a condition of a piecewise expression changes truth (both
    /// sides of one of its comparisons are equal there).
    static func isOnBranchBoundary(_ f: Expr, _ vars: [String], _ p: [Expr]) -> Bool {
        let bindings = Dictionary(zip(vars, p), uniquingKeysWith: { a, _ in a })
        func equalAt(_ a: Expr, _ b: Expr) -> Bool {
            let d = Simplify.display(a.substituting(bindings) - b.substituting(bindings))
            return d == .zero
        }
        func condition(_ c: Condition) -> Bool {
            switch c {
            case .compare(let a, _, let b): return equalAt(a, b)
            case .pointCompare(let a, _, let b): return a.count == b.count && zip(a, b).allSatisfy { equalAt($0, $1) }
            case .and(let x, let y), .or(let x, let y): return condition(x) || condition(y)
            }
        }
        func walk(_ e: Expr) -> Bool {
            switch e {
            case .number, .symbol, .constant: return false
            case .add(let xs), .mul(let xs): return xs.contains(where: walk)
            case .pow(let a, let b): return walk(a) || walk(b)
            case .function(_, let a): return walk(a)
            case .piecewise(let pieces, let otherwise):
                return pieces.contains { condition($0.condition) || walk($0.value) } || walk(otherwise)
            }
        }
        return walk(f)
    }
}
