import Calculus

/// A generated test expression, spelled twice from one tree: in the calc language (for our
/// parser) and in SymPy's syntax (for the peer), so the peer never reads our printer's output.
struct GeneratedExpression: Sendable {
    let calc: String
    let sympy: String
    let variables: [String]
}

/// Seeded generator of course-style expressions in 2 or 3 variables: polynomials,
/// products, quotients with positive denominators, powers and roots, exp/log/trig/hyperbolic
/// compositions, `x^y`.
///
/// Everything it builds is defined and smooth on the positive box where the test samples
/// (coordinates in [0.25, 1.5]), so no sample point falls outside a domain.
struct SymPyExpressionGenerator {
    private var random: SplitMix64
    /// The variables used by the expression being built.
    private var used: Set<String> = []

    init(seed: UInt64) { random = SplitMix64(seed: seed) }

    private mutating func below(_ n: Int) -> Int { Int(random.next() % UInt64(n)) }
    private mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    /// One expression in the given variables.
    mutating func expression(variables: [String]) -> GeneratedExpression {
        used = []
        var node = make(depth: 3, variables: variables)
        // Make sure every variable matters, so every gradient entry is exercised.
        for v in variables where !used.contains(v) {
            node = Node(calc: "(\(node.calc)) + \(v)", sympy: "(\(node.sympy)) + \(v)")
        }
        return GeneratedExpression(calc: node.calc, sympy: node.sympy, variables: variables)
    }

    private struct Node {
        var calc: String
        var sympy: String
    }

    private mutating func number() -> Node {
        let choices: [(String, String)] = [("2", "2"), ("3", "3"), ("5", "5"), ("1/2", "Rational(1, 2)"),
                                           ("3/4", "Rational(3, 4)"), ("-1", "-1"), ("-2", "-2"), ("7", "7")]
        let (c, s) = pick(choices)
        return Node(calc: "(\(c))", sympy: "(\(s))")
    }

    private mutating func leaf(_ variables: [String]) -> Node {
        if below(5) == 0 { return number() }
        let v = pick(variables)
        used.insert(v)
        return Node(calc: v, sympy: v)
    }

    /// A monomial `c x^a y^b`.
    private mutating func monomial(_ variables: [String]) -> Node {
        let c = number()
        var calc = [c.calc], sympy = [c.sympy]
        for v in variables where below(3) != 0 {
            used.insert(v)
            let k = 1 + below(3)
            calc.append(k == 1 ? v : "\(v)^\(k)")
            sympy.append(k == 1 ? v : "\(v)**\(k)")
        }
        return Node(calc: calc.joined(separator: " * "), sympy: sympy.joined(separator: "*"))
    }

    /// An expression positive on the sampling box.
    private mutating func positive(_ variables: [String], depth: Int) -> Node {
        switch below(4) {
        case 0:
            let u = make(depth: depth, variables: variables)
            return Node(calc: "(1 + (\(u.calc))^2)", sympy: "(1 + (\(u.sympy))**2)")
        case 1:
            used.formUnion(variables)
            let terms = variables.map { "\($0)^2" }.joined(separator: " + ")
            let sympyTerms = variables.map { "\($0)**2" }.joined(separator: " + ")
            return Node(calc: "(\(terms))", sympy: "(\(sympyTerms))")
        case 2:
            let v = pick(variables)
            used.insert(v)
            return Node(calc: v, sympy: v)
        default:
            used.formUnion(variables)
            let terms = variables.joined(separator: " + ")
            return Node(calc: "(\(terms) + 1)", sympy: "(\(terms) + 1)")
        }
    }

    private mutating func make(depth: Int, variables: [String]) -> Node {
        if depth == 0 { return leaf(variables) }
        let d = depth - 1
        switch below(16) {
        case 0, 1:
            let a = make(depth: d, variables: variables), b = make(depth: d, variables: variables)
            return Node(calc: "(\(a.calc) + \(b.calc))", sympy: "(\(a.sympy) + \(b.sympy))")
        case 2:
            let a = make(depth: d, variables: variables), b = make(depth: d, variables: variables)
            return Node(calc: "(\(a.calc) - \(b.calc))", sympy: "(\(a.sympy) - \(b.sympy))")
        case 3, 4:
            let a = make(depth: d, variables: variables), b = make(depth: d, variables: variables)
            return Node(calc: "(\(a.calc) * \(b.calc))", sympy: "(\(a.sympy)*\(b.sympy))")
        case 5:
            return monomial(variables)
        case 6:
            let a = make(depth: d, variables: variables), b = positive(variables, depth: max(0, d - 1))
            return Node(calc: "(\(a.calc) / \(b.calc))", sympy: "(\(a.sympy)/\(b.sympy))")
        case 7:
            let a = make(depth: d, variables: variables)
            let n = 2 + below(2)
            return Node(calc: "(\(a.calc))^\(n)", sympy: "(\(a.sympy))**\(n)")
        case 8:
            let p = positive(variables, depth: max(0, d - 1))
            return below(2) == 0
                ? Node(calc: "sqrt(\(p.calc))", sympy: "sqrt(\(p.sympy))")
                : Node(calc: "(\(p.calc))^(-1/2)", sympy: "(\(p.sympy))**Rational(-1, 2)")
        case 9:
            let a = make(depth: min(d, 1), variables: variables)
            return Node(calc: "exp(\(a.calc))", sympy: "exp(\(a.sympy))")
        case 10:
            let p = positive(variables, depth: max(0, d - 1))
            return Node(calc: "log(\(p.calc))", sympy: "log(\(p.sympy))")
        case 11, 12:
            let a = make(depth: d, variables: variables)
            let f = pick(["sin", "cos"])
            return Node(calc: "\(f)(\(a.calc))", sympy: "\(f)(\(a.sympy))")
        case 13:
            let a = make(depth: d, variables: variables)
            let f = pick(["atan", "sinh", "cosh", "tanh"])
            return Node(calc: "\(f)(\(a.calc))", sympy: "\(f)(\(a.sympy))")
        case 14:
            let a = make(depth: min(d, 1), variables: variables)
            return Node(calc: "sigmoid(\(a.calc))", sympy: "(1/(1 + exp(-(\(a.sympy)))))")
        default:
            let base = pick(variables), exponent = pick(variables)
            used.formUnion([base, exponent])
            return Node(calc: "\(base)^\(exponent)", sympy: "\(base)**\(exponent)")
        }
    }
}

/// Spells an exact value in SymPy's syntax, fully parenthesized, for comparison with
/// SymPy's own exact value.
enum SymPySyntax {
    static func print(_ e: Expr) -> String {
        switch e {
        case .number(let r):
            return r.isInteger ? "Integer(\(r.numerator))" : "Rational(\(r.numerator), \(r.denominator))"
        case .symbol(let s):
            return s
        case .constant(let c):
            switch c {
            case .pi: return "pi"
            case .e: return "E"
            }
        case .add(let terms):
            return "(" + terms.map(print).joined(separator: " + ") + ")"
        case .mul(let factors):
            return "(" + factors.map(print).joined(separator: "*") + ")"
        case .pow(let base, let exponent):
            return "((\(print(base)))**(\(print(exponent))))"
        case .function(let f, let argument):
            let a = print(argument)
            switch f {
            case .abs: return "Abs(\(a))"
            case .sigmoid: return "(1/(1 + exp(-(\(a)))))"
            case .sin, .cos, .tan, .sec, .csc, .cot, .asin, .acos, .atan, .sinh, .cosh, .tanh, .exp, .log:
                return "\(f.rawValue)(\(a))"
            }
        case .piecewise(let pieces, let otherwise):
            // Not generated; spelled so that a mistake shows up as a parse error in SymPy.
            return "Piecewise(" + pieces.map { "(\(print($0.value)), UNSUPPORTED)" }.joined(separator: ", ")
                + ", (\(print(otherwise)), True))"
        }
    }
}
