/// Renders a derivation tree as a chain of equalities, one rule layer per line: the first
/// line is the derivative to take, each following line applies the rules of the next
/// level of the tree (named in the line's note), and the last line is the simplified result.
///
/// ```
/// ∂/∂x (x^2 y + sin(y))
///   = ∂/∂x (x^2 y) + ∂/∂x (sin(y))    [sum rule]
///   = y · ∂/∂x (x^2)                  [constant multiple rule; y is held constant]
///   = y · 2 x                         [power rule]
///   = 2 x y                           [simplify]
/// ```
public enum DerivationRenderer {
    /// One line of the chain: the right-hand side in both formats and the rules applied.
    public struct Line: Sendable, Hashable {
        public var plain: String
        public var latex: String
        /// Rule names in plain text ("sum rule; y is held constant"), empty on the first line.
        public var note: String
        /// The same note in LaTeX (`\text{...}` pieces, variables in math).
        public var latexNote: String
    }

    /// The lines of the chain; the first is the derivative to take.
    public static func lines(_ root: DerivationStep) -> [Line] {
        var lines: [Line] = []
        let depth = root.depth
        for level in 0...depth {
            let shown = pruned(render(root, level: level))
            let rules = level == 0 ? [] : rulesAt(depth: level - 1, in: root)
            let line = Line(plain: plain(shown), latex: latex(shown),
                            note: rules.map(\.name).joined(separator: "; "),
                            latexNote: rules.map(latexName).joined(separator: ";\\ "))
            if let last = lines.last, last.plain == line.plain { continue }
            lines.append(line)
        }
        let simplified = DerivativeDisplay.simplify(root.result)
        let final = Line(plain: DerivativeDisplay.plain(simplified), latex: DerivativeDisplay.latex(simplified),
                         note: "simplify", latexNote: "\\text{simplify}")
        if lines.last?.plain != final.plain { lines.append(final) }
        return lines
    }

    /// A readable step list: the derivative, then `= ...  [rule]` lines with the notes aligned.
    public static func plainText(_ root: DerivationStep) -> String {
        let all = lines(root)
        guard let first = all.first else { return "" }
        let rest = all.dropFirst()
        let width = rest.map { $0.plain.count }.max() ?? 0
        var out = first.plain + "\n"
        for line in rest {
            let pad = String(repeating: " ", count: width - line.plain.count)
            out += "  = \(line.plain)\(pad)    [\(line.note)]\n"
        }
        return out
    }

    /// Aligned LaTeX: `\begin{aligned} D &= ... && \text{rule} \\ &= ... \end{aligned}`.
    public static func latex(_ root: DerivationStep) -> String {
        let all = lines(root)
        guard let first = all.first else { return "" }
        var rows: [String] = []
        for (i, line) in all.dropFirst().enumerated() {
            let lhs = i == 0 ? first.latex + " " : ""
            rows.append("\(lhs)&= \(line.latex) && \(line.latexNote)")
        }
        if rows.isEmpty { rows.append(first.latex) }
        return "\\begin{aligned}\n" + rows.joined(separator: " \\\\\n") + "\n\\end{aligned}"
    }

    /// The distinct rules of the steps at one depth of the tree (root is depth 0), in order.
    static func rulesAt(depth: Int, in root: DerivationStep) -> [DerivationRule] {
        var level = [root]
        for _ in 0..<depth { level = level.flatMap(\.substeps) }
        var seen: [DerivationRule] = []
        for s in level where !seen.contains(s.rule) { seen.append(s.rule) }
        return seen
    }

    static func latexName(_ rule: DerivationRule) -> String {
        switch rule {
        case .heldConstant(let names):
            let list = names.map { DerivativeDisplay.latex(.symbol($0)) }.joined(separator: ", ")
            return "\(list) \\text{ \(names.count == 1 ? "is" : "are") held constant}"
        case .constant, .variable, .sum, .constantMultiple, .power, .squareRoot, .product, .quotient, .chain,
             .exponential, .variablePower, .function, .piecewise:
            return "\\text{\(rule.name)}"
        }
    }

    /// A partly evaluated derivative: expressions, derivatives not yet taken, and the
    /// shapes the rules produce.
    indirect enum Shown {
        case expression(Expr)
        case derivative(Expr, String)
        /// Terms with a flag for subtraction.
        case sum([(negated: Bool, term: Shown)])
        case product([Shown])
        case quotient(Shown, Shown)
        case squared(Shown)
    }

    /// The derivation as it stands after `level` layers of rules have been applied.
    static func render(_ s: DerivationStep, level: Int) -> Shown {
        if level == 0 { return .derivative(s.expression, s.variable) }
        let sub = s.substeps.map { render($0, level: level - 1) }
        switch s.rule {
        case .constant, .heldConstant, .variable, .power, .squareRoot, .exponential, .function:
            return .expression(s.result)
        case .sum:
            return .sum(sub.map { (false, $0) })
        case .constantMultiple:
            return .product([.expression(s.parts[0]), sub[0]])
        case .product:
            guard case .mul(let factors) = s.expression, factors.count == sub.count else { return .expression(s.result) }
            return .sum(sub.indices.map { i in
                (false, .product(factors.indices.map { $0 == i ? sub[i] : .expression(factors[$0]) }))
            })
        case .quotient:
            let (n, d) = (s.parts[0], s.parts[1])
            return .quotient(
                .sum([(false, .product([sub[0], .expression(d)])), (true, .product([.expression(n), sub[1]]))]),
                .squared(.expression(d)))
        case .chain:
            return .product([.expression(s.parts[0]), sub[0]])
        case .variablePower:
            let (base, exponent) = (s.parts[0], s.parts[1])
            return .product([
                .expression(s.expression),
                .sum([
                    (false, .product([sub[1], .expression(.apply(.log, base))])),
                    (false, .quotient(.product([.expression(exponent), sub[0]]), .expression(base))),
                ]),
            ])
        case .piecewise:
            return .expression(s.result)
        }
    }

    /// Drops the zero terms and unit factors that finished derivatives leave behind
    /// (`y · 2x + 0` becomes `y · 2x`); a product with a zero factor becomes 0.
    static func pruned(_ s: Shown) -> Shown {
        switch s {
        case .expression, .derivative:
            return s
        case .sum(let terms):
            let kept = terms.map { ($0.negated, pruned($0.term)) }.filter { !isNumber($0.1, .zero) }
            if kept.isEmpty { return .expression(.zero) }
            if kept.count == 1 && !kept[0].0 { return kept[0].1 }
            return .sum(kept.map { (negated: $0.0, term: $0.1) })
        case .product(let factors):
            let all = factors.map(pruned)
            if all.contains(where: { isNumber($0, .zero) }) { return .expression(.zero) }
            let kept = all.filter { !isNumber($0, .one) }
            if kept.isEmpty { return .expression(.one) }
            return kept.count == 1 ? kept[0] : .product(kept)
        case .quotient(let n, let d):
            let pn = pruned(n)
            return isNumber(pn, .zero) ? .expression(.zero) : .quotient(pn, pruned(d))
        case .squared(let b):
            return .squared(pruned(b))
        }
    }

    static func isNumber(_ s: Shown, _ value: Expr) -> Bool {
        if case .expression(let e) = s { return e == value }
        return false
    }

    /// Binding strength of a shown piece: 1 sum, 2 product, 3 atom.
    static func strength(_ s: Shown, latex: Bool) -> Int {
        switch s {
        case .expression(let e):
            switch e {
            case .add, .piecewise: return 1
            case .mul(let f):
                if case .number(let r) = f.first, r.isNegative { return 1 }
                return 2
            case .number(let r): return r.isNegative || !r.isInteger ? 1 : 3
            case .pow, .symbol, .constant, .function: return 3
            }
        case .derivative, .squared: return 3
        case .sum: return 1
        case .product: return 2
        case .quotient: return latex ? 3 : 2
        }
    }

    static func plain(_ s: Shown) -> String {
        func wrap(_ p: Shown, below: Int) -> String {
            strength(p, latex: false) < below ? "(\(plain(p)))" : plain(p)
        }
        switch s {
        case .expression(let e): return DerivativeDisplay.plain(e)
        case .derivative(let e, let v): return "∂/∂\(v) (\(DerivativeDisplay.plain(e)))"
        case .sum(let terms): return joinSum(terms.map { ($0.negated, wrap($0.term, below: $0.negated ? 2 : 1)) })
        case .product(let factors): return factors.map { wrap($0, below: 2) }.joined(separator: " · ")
        case .quotient(let n, let d): return "\(wrap(n, below: 3)) / \(wrap(d, below: 3))"
        case .squared(let b): return "\(wrap(b, below: 3))^2"
        }
    }

    static func latex(_ s: Shown) -> String {
        func wrap(_ p: Shown, below: Int) -> String {
            strength(p, latex: true) < below ? "\\left(\(latex(p))\\right)" : latex(p)
        }
        switch s {
        case .expression(let e): return DerivativeDisplay.latex(e)
        case .derivative(let e, let v):
            return "\\frac{\\partial}{\\partial \(DerivativeDisplay.latex(.symbol(v)))}\\left(\(DerivativeDisplay.latex(e))\\right)"
        case .sum(let terms): return joinSum(terms.map { ($0.negated, wrap($0.term, below: $0.negated ? 2 : 1)) })
        case .product(let factors): return factors.map { wrap($0, below: 2) }.joined(separator: " \\cdot ")
        case .quotient(let n, let d): return "\\frac{\(latex(n))}{\(latex(d))}"
        case .squared(let b): return "{\(wrap(b, below: 3))}^{2}"
        }
    }

    /// Joins terms with + and −, turning "+ -t" into "- t".
    static func joinSum(_ terms: [(Bool, String)]) -> String {
        var out = ""
        for (i, (negated, text)) in terms.enumerated() {
            let startsNegative = text.hasPrefix("-")
            let body = startsNegative ? String(text.dropFirst()).trimmingLeadingSpace : text
            let minus = negated != startsNegative
            if i == 0 { out = minus ? "-" + body : body } else { out += minus ? " - " + body : " + " + body }
        }
        return out
    }
}

extension String {
    fileprivate var trimmingLeadingSpace: String { String(drop { $0 == " " }) }
}
