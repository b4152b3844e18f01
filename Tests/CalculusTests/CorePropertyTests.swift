import Foundation
import Synchronization
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

    /// A product-rule term built as (the other factors) times the derivative gives the
    /// same expression as the general product of all factors with the one replaced, over
    /// random products and derivatives (and other random replacements).
    @Test func productRuleTermsAgreeWithTheGeneralProduct() {
        let samples = Self.samples(count: 400, seed: 9, depth: 3)
        var products: [[Expr]] = []
        for e in samples {
            if case .mul(let fs) = e { products.append(fs) }
            for v in ["x", "y"] {
                if case .mul(let fs) = Derivative.partial(e, wrt: v) { products.append(fs) }
            }
        }
        var compared = 0
        for (k, fs) in products.enumerated() {
            for i in fs.indices {
                var replacements = ["x", "y", "z"].map { Derivative.partial(fs[i], wrt: $0) }
                replacements.append(samples[k % samples.count])
                replacements.append(.num(-3))
                for d in replacements where d != .zero {
                    var all = fs
                    all[i] = d
                    #expect(Derivative.productRule(fs, i, d) == Expr.product(all),
                            "\(Expr.mul(fs).plainText) with factor \(i) replaced by \(d.plainText)")
                    compared += 1
                }
            }
        }
        #expect(compared > 1000, "compared \(compared) terms")
    }

    /// Some of a canonical product's factors, in order, built directly are the canonical
    /// product of them (the constructors leave them as they are).
    @Test func subproductsOfCanonicalProductsAreCanonical() {
        var compared = 0
        for e in Self.samples(count: 600, seed: 10, depth: 3) {
            for v in ["", "x", "y"] {
                guard case .mul(let fs) = v.isEmpty ? e : Derivative.partial(e, wrt: v) else { continue }
                var subsets: [[Expr]] = [Array(fs.dropFirst()), Array(fs.dropLast())]
                for i in fs.indices {
                    var rest = fs
                    rest.remove(at: i)
                    subsets.append(rest)
                    if rest.count > 1 { rest.remove(at: (i * 7) % rest.count); subsets.append(rest) }
                }
                for sub in subsets {
                    #expect(Expr.productOfCanonicalFactors(sub) == Expr.product(sub), "\(sub.map(\.plainText))")
                    compared += 1
                }
            }
        }
        #expect(compared > 1000, "compared \(compared) subproducts")
    }

    /// `expanded()` returns a sum or product with nothing to multiply out as it is: the
    /// same as multiplying it out factor by factor and collecting, as the general path does.
    @Test func expansionWithoutSumFactorsIsTheIdentity() {
        func multipliedOut(_ e: Expr) -> Expr {
            switch e {
            case .mul(let fs):
                var t = Expr.one
                for f in fs { t = Expr.product([t, f]) }
                return Expr.sum([t])
            case .add(let ts):
                return Expr.sum(ts.map(multipliedOut))
            case .number, .symbol, .constant, .pow, .function, .piecewise:
                return e
            }
        }
        var checked = 0
        for e in Self.samples(count: 600, seed: 13, depth: 3) {
            var candidates = [e, Derivative.partial(e, wrt: "x")]
            if case .add(let ts) = e { candidates.append(contentsOf: ts) }
            for c in candidates {
                let plain: Bool
                switch c {
                case .mul(let fs): plain = !fs.contains(where: \.isExpandableFactor)
                case .add(let ts): plain = !ts.contains(where: \.hasExpandableFactor)
                case .number, .symbol, .constant, .pow, .function, .piecewise: plain = false
                }
                guard plain else { continue }
                #expect(c.expanded() == c)
                #expect(multipliedOut(c) == c, "\(c.plainText)")
                checked += 1
            }
        }
        #expect(checked > 300, "checked \(checked)")
    }

    /// `expanded()` remembers recent expansions of products and powers of sums per thread
    /// (by the identity of their operand arrays): a remembered expansion is the one
    /// computed afresh, on the same thread, after the entry was evicted, and on many
    /// threads at once.
    @Test func expansionMemoIsTransparent() {
        var built: [Expr] = []
        for e in Self.samples(count: 150, seed: 31, depth: 2) {
            built.append(Expr.product([Expr.sum([e, .symbol("x")]), Expr.sum([e, .num(2)])]))
            built.append(Expr.power(Expr.sum([e, .symbol("y")]), .num(2)))
        }
        let inputs = built
        let first = inputs.map { $0.expanded() }
        let again = inputs.map { $0.expanded() }  // mostly evicted by now (32 entries)
        let twice = inputs.map { e in (e.expanded(), e.expanded()) }  // the second from the memo
        #expect(first == again)
        #expect(twice.allSatisfy { $0.0 == $0.1 })
        #expect(zip(first, twice).allSatisfy { $0 == $1.0 })
        let results = Mutex<[Int: Expr?]>([:])
        DispatchQueue.concurrentPerform(iterations: inputs.count) { k in
            let x = inputs[k].expanded()
            _ = inputs[k].expanded()
            results.withLock { $0[k] = x }
        }
        let concurrent = results.withLock { $0 }
        #expect(inputs.indices.allSatisfy { concurrent[$0]! == first[$0] })
        #expect(first.compactMap { $0 }.count > 200)
    }

    /// The machine-word path of numeric radicals gives the same expression as the BigInt
    /// path, over radicands with small and large prime factors, perfect powers and
    /// exponents of either sign.
    @Test func smallRadicalsAgreeWithTheBigIntPath() {
        var rng = CoreSeededGenerator(seed: 11)
        let exponents: [(Int, Int)] = [(1, 2), (-1, 2), (3, 2), (-3, 2), (1, 3), (2, 3), (-5, 3), (1, 4), (7, 4), (1, 6), (-1, 6), (5, 12)]
        var radicands = Array(1...400) + [1024, 3 * 3 * 7, 997 * 997, 1009 * 1009, 1009 * 1013, 2 * 1009 * 1009, 8 * 27 * 125,
                                           Int(Int32.max), 1 << 62, (1 << 62) + 1, Int.max, 999_983 * 999_983, 1_000_003 * 3]
        for _ in 0..<300 { radicands.append(rng.int(2...Int(Int32.max)) * rng.int(1...4096)) }
        for n in radicands {
            for (rn, rd) in exponents {
                let small = Expr.integerRadical(small: n, rn, rd)
                let big = Expr.integerRadical(Rational(n).numerator, Rational(rn, rd))
                #expect(small == big, "\(n)^(\(rn)/\(rd))")
            }
        }
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

