/// Prints expressions in the calc syntax (`plainText`) or as textbook LaTeX (`latex`).
///
/// One precedence table and one layout decide grouping for both spellings:
///
/// | level | forms |
/// | --- | --- |
/// | 0 | piecewise `a if c else b` |
/// | 1 | sums, differences |
/// | 2 | products, quotients, a leading minus sign |
/// | 3 | powers |
/// | 4 | atoms: numbers >= 0 (integers), names, constants, function calls |
///
/// An operand is parenthesized when its level is below what its position needs. Terms
/// are laid out in textbook order (descending degree, then alphabetical, constants last);
/// factors as coefficient, radicals and constants, names, other factors, sums; negative
/// exponents and rational coefficients go to a denominator.
public struct ExpressionPrinter: Sendable {
    public enum Spelling: Sendable { case plain, latex }
    public let spelling: Spelling

    public init(_ spelling: Spelling) { self.spelling = spelling }

    static let levelPiecewise = 0, levelSum = 1, levelProduct = 2, levelPower = 3, levelAtom = 4

    var isLatex: Bool { spelling == .latex }

    /// The printed text of `e`.
    public func print(_ e: Expr) -> String { render(e).text }

    struct Rendered {
        var text: String
        var level: Int
        /// For LaTeX juxtaposition: a bare one-letter name or digit string can touch its neighbour.
        var kind: Kind = .other
        enum Kind { case number, letter, letterPower, other }
    }

    func wrap(_ r: Rendered, below level: Int) -> String {
        guard r.level < level else { return r.text }
        return isLatex ? latexParenthesized(r.text) : "(\(r.text))"
    }

    /// `(..)`, or `\left(..\right)` around something tall (a fraction or a case split).
    func latexParenthesized(_ text: String) -> String {
        ExpressionPrinter.isTall(text) ? "\\left(\(text)\\right)" : "(\(text))"
    }

    /// Whether LaTeX text contains a fraction or an environment (`\frac`, `\begin`).
    static func isTall(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        var i = 0
        while i + 4 < bytes.count {
            if bytes[i] == UInt8(ascii: "\\") {
                let a = bytes[i + 1], b = bytes[i + 2], c = bytes[i + 3], d = bytes[i + 4]
                if a == UInt8(ascii: "f") && b == UInt8(ascii: "r") && c == UInt8(ascii: "a") && d == UInt8(ascii: "c") { return true }
                if a == UInt8(ascii: "b") && b == UInt8(ascii: "e") && c == UInt8(ascii: "g") && d == UInt8(ascii: "i") { return true }
            }
            i += 1
        }
        return false
    }

    /// An exponent: sums written tight (`e^{x^{2}+y^{2}}`), as textbooks set them.
    func latexExponent(_ text: String) -> String {
        var out = ""
        var chars = Array(text)[...]
        while let c = chars.first {
            if c == " ", chars.count >= 3, (chars.dropFirst().first == "+" || chars.dropFirst().first == "-"),
               chars.dropFirst(2).first == " ", !out.isEmpty {
                out.append(chars.dropFirst().first!)
                chars = chars.dropFirst(3)
                continue
            }
            out.append(c)
            chars = chars.dropFirst()
        }
        return out
    }

    // MARK: Dispatch

    func render(_ e: Expr) -> Rendered {
        switch e {
        case .number(let r): return renderNumber(r)
        case .symbol(let name):
            let text = isLatex ? ExpressionPrinter.latexName(name) : name
            return Rendered(text: text, level: Self.levelAtom, kind: isLatex && text.count == 1 ? .letter : .other)
        case .constant(let c):
            switch c {
            case .pi: return Rendered(text: isLatex ? "\\pi" : "pi", level: Self.levelAtom)
            case .e: return Rendered(text: "e", level: Self.levelAtom, kind: isLatex ? .letter : .other)
            }
        case .add(let terms): return renderSum(terms)
        case .mul, .pow: return renderProduct(e)
        case .function(let f, let a): return renderFunction(f, a, power: nil)
        case .piecewise(let pieces, let otherwise): return renderPiecewise(pieces, otherwise)
        }
    }

    func renderNumber(_ r: Rational) -> Rendered {
        if r.isInteger {
            return Rendered(text: r.description, level: r.isNegative ? Self.levelProduct : Self.levelAtom, kind: .number)
        }
        let sign = r.isNegative ? "-" : ""
        let n = r.magnitude.numeratorPart.description, d = r.denominatorPart.description
        if isLatex { return Rendered(text: "\(sign)\\frac{\(n)}{\(d)}", level: Self.levelProduct) }
        return Rendered(text: "\(sign)\(n)/\(d)", level: Self.levelProduct)
    }

    // MARK: Sums

    func renderSum(_ terms: [Expr]) -> Rendered {
        var ordered = DisplayOrder.terms(terms)
        // A sum starts with a positive term when it has one: y^2 - x^2, not -x^2 + y^2.
        if ordered[0].hasNegativeSign, let i = ordered.firstIndex(where: { !$0.hasNegativeSign }) {
            let t = ordered.remove(at: i)
            ordered.insert(t, at: 0)
        }
        var text = ""
        for (i, t) in ordered.enumerated() {
            let negative = t.hasNegativeSign
            let shown = negative ? Expr.product([.minusOne, t]) : t
            let r = render(shown)
            let body = wrap(r, below: Self.levelSum)
            if i == 0 {
                text = negative ? "-" + wrap(r, below: Self.levelProduct) : body
            } else {
                text += negative ? " - " + wrap(r, below: Self.levelProduct) : " + " + body
            }
        }
        return Rendered(text: text, level: Self.levelSum)
    }

    // MARK: Products, quotients, powers

    func renderProduct(_ e: Expr) -> Rendered {
        let factors: [Expr]
        switch e {
        case .mul(let fs): factors = fs
        default: factors = [e]
        }
        var coefficient = Rational.one
        var top: [Expr] = []
        var bottom: [Expr] = []
        for f in factors {
            if case .number(let r) = f { coefficient *= r; continue }
            if case .pow(let b, .number(let k)) = f, k.isNegative {
                bottom.append(Expr.power(b, .number(-k)))
            } else {
                top.append(f)
            }
        }
        let negative = coefficient.isNegative
        let magnitude = coefficient.magnitude
        let numeratorCoefficient = magnitude.numeratorPart
        let denominatorCoefficient = magnitude.denominatorPart
        let sign = negative ? "-" : ""

        // A single power without coefficient or denominator.
        if top.count == 1, bottom.isEmpty, magnitude.isOne, case .pow(let b, let x) = top[0], !negative {
            return renderPower(b, x)
        }
        let numeratorText = juxtapose(coefficient: numeratorCoefficient, DisplayOrder.factors(top))
        if bottom.isEmpty && denominatorCoefficient.isOne {
            var r = numeratorText
            r.text = sign + r.text
            if negative { r.level = min(r.level, Self.levelProduct); r.kind = .other }
            return r
        }
        let denominatorText = juxtapose(coefficient: denominatorCoefficient, DisplayOrder.factors(bottom))
        if isLatex {
            return Rendered(text: "\(sign)\\frac{\(numeratorText.text)}{\(denominatorText.text)}", level: negative ? Self.levelProduct : Self.levelAtom)
        }
        // Plain: `/` binds like implicit multiplication, left to right, so a denominator
        // that is itself a product needs parentheses.
        let num = wrap(numeratorText, below: Self.levelProduct)
        let den = wrap(denominatorText, below: Self.levelPower)
        return Rendered(text: "\(sign)\(num)/\(den)", level: Self.levelProduct)
    }

    /// The factors of a numerator or denominator side by side, with a leading coefficient.
    func juxtapose(coefficient: Rational, _ factors: [Expr]) -> Rendered {
        var parts: [Rendered] = []
        if !coefficient.isOne || factors.isEmpty { parts.append(renderNumber(coefficient)) }
        for f in factors { parts.append(render(f)) }
        if parts.count == 1 { return parts[0] }
        var text = ""
        for (i, p) in parts.enumerated() {
            let piece = wrap(p, below: Self.levelProduct + 1)
            if i == 0 { text = piece; continue }
            text += separator(parts[i - 1], p, rightText: piece) + piece
        }
        return Rendered(text: text, level: Self.levelProduct)
    }

    func separator(_ left: Rendered, _ right: Rendered, rightText: String) -> String {
        let startsWithDigit = rightText.first.map { $0.isNumber } ?? false
        if isLatex {
            if startsWithDigit { return " \\cdot " }
            if left.kind == .number && right.level >= Self.levelProduct { return "" }
            if left.kind == .letter && (right.kind == .letter || right.kind == .letterPower) { return "" }
            return " "
        }
        // Plain: a factor starting with a digit after another factor would not parse as a
        // product (`2 3`), so it gets an explicit `*`.
        return startsWithDigit ? "*" : " "
    }

    func renderPower(_ base: Expr, _ exponent: Expr) -> Rendered {
        if case .number(let r) = exponent, r == Rational(1, 2) {
            let inner = render(base)
            return isLatex ? Rendered(text: "\\sqrt{\(inner.text)}", level: Self.levelAtom)
                           : Rendered(text: "sqrt(\(inner.text))", level: Self.levelAtom)
        }
        if isLatex, case .number(let r) = exponent, r.numeratorPart.isOne, let d = r.denominatorPart.intValue, d > 2 {
            return Rendered(text: "\\sqrt[\(d)]{\(render(base).text)}", level: Self.levelAtom)
        }
        // sin(x)^2 prints as \sin^{2} x in LaTeX.
        if isLatex, case .function(let f, let a) = base, f != .abs, f != .exp,
           case .number(let r) = exponent, r.isInteger, r.isPositive {
            return renderFunction(f, a, power: r.description)
        }
        let b = render(base)
        // A fraction as a base needs parentheses even though it is an atom elsewhere.
        let baseText = isLatex && b.text.hasPrefix("\\frac") ? "\\left(\(b.text)\\right)" : wrap(b, below: Self.levelAtom)
        if isLatex {
            let x = render(exponent)
            let exponentText: String
            if case .number(let r) = exponent, !r.isInteger {
                exponentText = (r.isNegative ? "-" : "") + "\(r.magnitude.numeratorPart)/\(r.denominatorPart)"
            } else {
                exponentText = latexExponent(x.text)
            }
            let kind: Rendered.Kind = b.kind == .letter ? .letterPower : .other
            return Rendered(text: "\(baseText)^{\(exponentText)}", level: Self.levelPower, kind: kind)
        }
        let x = render(exponent)
        let exponentText = wrap(x, below: Self.levelAtom)
        return Rendered(text: "\(baseText)^\(exponentText)", level: Self.levelPower)
    }

    // MARK: Functions

    func renderFunction(_ f: Function, _ a: Expr, power: String?) -> Rendered {
        let arg = render(a)
        if !isLatex {
            return Rendered(text: "\(f.rawValue)(\(arg.text))", level: Self.levelAtom)
        }
        switch f {
        case .exp:
            return Rendered(text: "e^{\(latexExponent(arg.text))}", level: Self.levelPower)
        case .abs:
            return Rendered(text: "\\left|\(arg.text)\\right|", level: Self.levelAtom)
        case .sin, .cos, .tan, .sec, .csc, .cot, .sinh, .cosh, .tanh, .log, .asin, .acos, .atan, .sigmoid:
            let name: String
            switch f {
            case .asin: name = "\\arcsin"
            case .acos: name = "\\arccos"
            case .atan: name = "\\arctan"
            case .log: name = "\\ln"
            case .sigmoid: name = "\\sigma"
            default: name = "\\" + f.rawValue
            }
            let head = power.map { "\(name)^{\($0)}" } ?? name
            // A single name goes without parentheses (\sin y), except for \sigma, which
            // would read as a product.
            if f != .sigmoid {
                if case .symbol = a { return Rendered(text: "\(head) \(arg.text)", level: Self.levelAtom) }
                if case .constant = a { return Rendered(text: "\(head) \(arg.text)", level: Self.levelAtom) }
            }
            return Rendered(text: head + latexParenthesized(arg.text), level: Self.levelAtom)
        }
    }

    // MARK: Piecewise

    func renderPiecewise(_ pieces: [Piece], _ otherwise: Expr) -> Rendered {
        if isLatex {
            var rows = pieces.map { "\(render($0.value).text) & \(renderCondition($0.condition))" }
            rows.append("\(render(otherwise).text) & \\text{otherwise}")
            return Rendered(text: "\\begin{cases} " + rows.joined(separator: " \\\\ ") + " \\end{cases}", level: Self.levelAtom)
        }
        var text = ""
        for p in pieces {
            text += wrap(render(p.value), below: Self.levelSum) + " if " + renderCondition(p.condition) + " else "
        }
        text += wrap(render(otherwise), below: Self.levelSum)
        return Rendered(text: text, level: Self.levelPiecewise)
    }

    /// The text of a condition: `(x, y) != (0, 0)`, `x > 0 and y >= 1`.
    public func renderCondition(_ c: Condition) -> String {
        switch c {
        case .compare(let a, let op, let b):
            return "\(wrap(render(a), below: Self.levelSum)) \(spell(op)) \(wrap(render(b), below: Self.levelSum))"
        case .pointCompare(let a, let op, let b):
            return "\(tuple(a)) \(spell(op)) \(tuple(b))"
        case .and(let a, let b):
            return "\(conditionOperand(a, inside: "and")) \(isLatex ? "\\text{ and }" : "and") \(conditionOperand(b, inside: "and"))"
        case .or(let a, let b):
            return "\(conditionOperand(a, inside: "or")) \(isLatex ? "\\text{ or }" : "or") \(conditionOperand(b, inside: "or"))"
        }
    }

    func conditionOperand(_ c: Condition, inside: String) -> String {
        // `or` inside `and` needs parentheses; the other nestings read the same without.
        if inside == "and", case .or = c { return isLatex ? "\\left(\(renderCondition(c))\\right)" : "(\(renderCondition(c)))" }
        return renderCondition(c)
    }

    func spell(_ op: Comparison) -> String {
        guard isLatex else { return op.rawValue }
        switch op {
        case .equal: return "="
        case .notEqual: return "\\ne"
        case .less: return "<"
        case .lessEqual: return "\\le"
        case .greater: return ">"
        case .greaterEqual: return "\\ge"
        }
    }

    /// A point: `(1, 0)` or `\left(1, 0\right)`.
    public func tuple(_ items: [Expr]) -> String {
        let inner = items.map { print($0) }.joined(separator: ", ")
        return isLatex ? "\\left(\(inner)\\right)" : "(\(inner))"
    }

    // MARK: Names

    static let greek: Set<String> = [
        "alpha", "beta", "gamma", "delta", "epsilon", "varepsilon", "zeta", "eta", "theta", "vartheta",
        "iota", "kappa", "lambda", "mu", "nu", "xi", "rho", "sigma", "tau", "upsilon", "phi", "varphi",
        "chi", "psi", "omega", "Gamma", "Delta", "Theta", "Lambda", "Xi", "Pi", "Sigma", "Upsilon",
        "Phi", "Psi", "Omega",
    ]

    /// `theta` -> `\theta`, `x_1` -> `x_{1}`, `w_12` -> `w_{12}`, `x1` -> `x_{1}`,
    /// `rate` -> `\mathrm{rate}`.
    public static func latexName(_ name: String) -> String {
        var base = name
        var subscriptText: String? = nil
        if let underscore = name.firstIndex(of: "_") {
            base = String(name[..<underscore])
            subscriptText = String(name[name.index(after: underscore)...])
        } else if let firstDigit = name.firstIndex(where: { $0.isNumber }), firstDigit != name.startIndex,
                  name[firstDigit...].allSatisfy({ $0.isNumber }) {
            base = String(name[..<firstDigit])
            subscriptText = String(name[firstDigit...])
        }
        let baseText: String
        if greek.contains(base) { baseText = "\\" + base }
        else if base.count == 1 { baseText = base }
        else { baseText = "\\mathrm{\(base)}" }
        guard let sub = subscriptText else { return baseText }
        let subText: String
        if sub.allSatisfy({ $0.isNumber }) || sub.count == 1 { subText = sub }
        else if sub.contains("_") { subText = "\\mathrm{" + sub.split(separator: "_").joined(separator: "\\_") + "}" }
        else { subText = latexName(sub) }
        return "\(baseText)_{\(subText)}"
    }
}

extension Expr: CustomStringConvertible {
    /// The plain text, so that messages and test failures read as math.
    public var description: String { plainText }

    /// The expression in the calc syntax; parsing it gives back the same expression.
    public var plainText: String { ExpressionPrinter(.plain).print(self) }
    /// The expression as textbook LaTeX (math mode, without delimiters).
    public var latex: String { ExpressionPrinter(.latex).print(self) }
}
