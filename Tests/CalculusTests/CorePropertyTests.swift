import Foundation
import Testing
@testable import Calculus

/// Properties over randomly generated expressions (seeded, so failures reproduce).
@Suite struct CorePropertyTests {
    static let context = CalcContext(variables: ["x", "y", "z"])

    struct Generator {
        var rng: CoreSeededGenerator
        /// nil stands for a square root.
        let functions: [Function?] = [.sin, .cos, .tan, .exp, .log, nil, .atan, .sinh, .cosh, .tanh, .abs, .sigmoid, .asin, .sec]

        mutating func leaf() -> Expr {
            switch rng.int(0...9) {
            case 0...5: return .symbol(["x", "y", "z"][rng.int(0...2)])
            case 6, 7: return .num(rng.int(-5...6))
            case 8: return .rational(rng.int(-7...7), rng.int(2...5))
            default: return rng.int(0...1) == 0 ? .constant(.pi) : .constant(.e)
            }
        }

        mutating func expr(_ depth: Int) -> Expr {
            if depth == 0 || rng.int(0...4) == 0 { return leaf() }
            switch rng.int(0...6) {
            case 0: return Expr.sum((0..<rng.int(2...3)).map { _ in expr(depth - 1) })
            case 1: return Expr.product((0..<rng.int(2...3)).map { _ in expr(depth - 1) })
            case 2:
                let exponents: [Expr] = [.num(2), .num(3), .num(-1), .num(-2), .rational(1, 2), .rational(-1, 2), .symbol("y")]
                return Expr.power(expr(depth - 1), exponents[rng.int(0...exponents.count - 1)])
            case 3:
                guard let f = functions[rng.int(0...functions.count - 1)] else { return Expr.sqrt(expr(depth - 1)) }
                return Expr.apply(f, expr(depth - 1))
            case 4: return expr(depth - 1) / expr(depth - 1)
            case 5: return expr(depth - 1) - expr(depth - 1)
            default:
                // Quotient-rule shapes, where the display form has work to do.
                let u = expr(depth - 1), v = Expr.sum([expr(depth - 1), .num(rng.int(1...3))])
                return u / v - Expr.product([u, expr(depth - 1)]) / Expr.power(v, .num(2))
            }
        }
    }

    static func samples(count: Int, seed: UInt64, depth: Int = 4) -> [Expr] {
        var g = Generator(rng: CoreSeededGenerator(seed: seed))
        var out: [Expr] = []
        while out.count < count {
            let e = g.expr(depth)
            // 1/0 has no plain spelling the parser accepts (it reports division by zero).
            if !e.dividesByZero { out.append(e) }
        }
        return out
    }

    /// The two-operand fast path of `Expr.product` (merging sorted factor lists) gives the
    /// same expression as the general path, over random operands and their terms and
    /// factors (so that monomials sharing variables meet).
    @Test func productOfTwoAgreesWithTheGeneralProduct() {
        var operands: [Expr] = []
        for e in Self.samples(count: 150, seed: 7, depth: 3) {
            operands.append(e)
            switch e {
            case .add(let xs), .mul(let xs): operands.append(contentsOf: xs)
            case .number, .symbol, .constant, .pow, .function, .piecewise: break
            }
        }
        var fast = 0
        for (i, a) in operands.enumerated() {
            for b in operands[i...].prefix(40) {
                guard let p = Expr.productOfTwo(a, b) else { continue }
                fast += 1
                #expect(p == Expr.generalProduct([a, b]), "\(a.plainText) times \(b.plainText)")
                #expect(p == Expr.generalProduct([b, a]))
            }
        }
        #expect(fast > 1000, "the fast path was taken \(fast) times")
    }

    /// The two-operand fast path of `Expr.sum` (merging sorted term lists) gives the same
    /// expression as the general path, over random operands, their terms and multiples
    /// of them (so that like terms meet and cancel).
    @Test func sumOfTwoAgreesWithTheGeneralSum() {
        var operands: [Expr] = []
        for e in Self.samples(count: 150, seed: 8, depth: 3) {
            operands.append(e)
            operands.append(Expr.product([.num(-2), e]))
            if case .add(let xs) = e {
                operands.append(contentsOf: xs)
                operands.append(Expr.sum(Array(xs.dropFirst())))
                operands.append(-xs[0])
            }
        }
        for (i, a) in operands.enumerated() {
            for b in operands[i...].prefix(40) {
                let s = Expr.sumOfTwo(a, b)
                #expect(s == Expr.generalSum([a, b]), "\(a.plainText) plus \(b.plainText)")
                #expect(s == Expr.generalSum([b, a]))
            }
        }
    }

    @Test func plainTextRoundTrip() throws {
        for e in Self.samples(count: 600, seed: 1) {
            let text = e.plainText
            let back = try ExpressionParser.parseExpression(text, context: Self.context)
            #expect(back == e, "\(text) parsed back as \(back.plainText)")
        }
    }

    @Test func displayIsIdempotentAndRoundTrips() throws {
        for e in Self.samples(count: 400, seed: 2) {
            let d = Simplify.display(e)
            #expect(Simplify.display(d) == d, "\(e.plainText): \(d.plainText) vs \(Simplify.display(d).plainText)")
            #expect(try ExpressionParser.parseExpression(d.plainText, context: Self.context) == d, "\(d.plainText)")
        }
    }

    /// The display form is the same function: compared at random points where both are
    /// defined, to a relative 1e-8.
    @Test func displayEqualsOriginalNumerically() {
        var rng = CoreSeededGenerator(seed: 3)
        var compared = 0
        for e in Self.samples(count: 400, seed: 3) {
            let d = Simplify.display(e)
            for _ in 0..<4 {
                let point = ["x": rng.double(0.2...2.0), "y": rng.double(0.2...2.0), "z": rng.double(0.2...2.0)]
                guard let a = e.decimalValue(at: point), let b = d.decimalValue(at: point), abs(a) < 1e8 else { continue }
                compared += 1
                #expect(abs(a - b) <= 1e-8 * max(1, abs(a)), "\(e.plainText) -> \(d.plainText) at \(point): \(a) vs \(b)")
            }
        }
        #expect(compared > 800, "enough points were comparable")
    }

    /// Canonical construction does not change values either (checked against a
    /// hand-rolled evaluation of the generator's raw operations).
    @Test func constructorsPreserveValues() {
        var rng = CoreSeededGenerator(seed: 4)
        for _ in 0..<400 {
            let a = Expr.symbol("x"), b = Expr.symbol("y")
            let p = rng.double(0.3...2.0), q = rng.double(0.3...2.0)
            let k = rng.int(-3...3)
            let cases: [(Expr, Double)] = [
                (Expr.power(Expr.product([.num(k), a, b]), .num(2)), pow(Double(k) * p * q, 2)),
                (Expr.sqrt(Expr.product([.num(4), a])), (4 * p).squareRoot()),
                (Expr.product([Expr.power(a, .rational(1, 2)), Expr.power(a, .rational(1, 3))]), pow(p, 5.0 / 6.0)),
                (Expr.apply(.exp, Expr.product([.num(2), Expr.apply(.log, a)])), p * p),
                (Expr.sum([a, b, -a, Expr.product([.num(k), b])]), q + Double(k) * q),
            ]
            for (e, expected) in cases {
                guard let v = e.decimalValue(at: ["x": p, "y": q]) else { Issue.record("undefined: \(e.plainText)"); continue }
                #expect(abs(v - expected) <= 1e-9 * max(1, abs(expected)), "\(e.plainText)")
            }
        }
    }

    @Test func latexIsBalanced() {
        for e in Self.samples(count: 300, seed: 5) {
            for text in [e.latex, Simplify.display(e).latex] {
                var braces = 0, parens = 0
                for c in text {
                    if c == "{" { braces += 1 } else if c == "}" { braces -= 1 }
                    if c == "(" { parens += 1 } else if c == ")" { parens -= 1 }
                    #expect(braces >= 0 && parens >= 0, "\(text)")
                }
                #expect(braces == 0 && parens == 0, "\(text)")
                #expect(!text.contains("+ -") && !text.contains("+-"), "no '+ -' in \(text)")
            }
        }
    }

    @Test func plainTextHasNoPlusMinus() {
        for e in Self.samples(count: 300, seed: 6) {
            let text = Simplify.display(e).plainText
            #expect(!text.contains("+ -") && !text.contains("-1 "), "\(text)")
        }
    }
}

extension Expr {
    /// Whether a literal 0 stands in a denominator somewhere.
    var dividesByZero: Bool {
        switch self {
        case .number, .symbol, .constant: return false
        case .pow(let b, let e):
            if b == .zero, case .number(let r) = e, r.isNegative { return true }
            return b.dividesByZero || e.dividesByZero
        case .add(let xs), .mul(let xs): return xs.contains { $0.dividesByZero }
        case .function(_, let a): return a.dividesByZero
        case .piecewise(let ps, let o): return o.dividesByZero || ps.contains { $0.value.dividesByZero }
        }
    }
}

