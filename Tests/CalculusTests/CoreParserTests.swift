import Testing
@testable import Calculus

@Suite struct CoreParserTests {
    static let xy = CalcContext(variables: ["x", "y"])
    static var block: CalcContext {
        var c = CalcContext(variables: ["x", "y", "t", "theta", "eta", "lambda", "x_1", "w_12"])
        c.define(FunctionDefinition(name: "f", parameters: ["x", "y"],
                                    body: .scalar(try! ExpressionParser.parseExpression("x^2 y + sin(y)", context: xy))))
        c.define(FunctionDefinition(name: "F", parameters: ["x", "y"],
                                    body: try! ExpressionParser.parseValue("(x^2 y, 5x + sin(y))", context: xy)))
        c.constants["a"] = .num(3)
        return c
    }

    static func e(_ s: String) throws -> Expr { try ExpressionParser.parseExpression(s, context: block) }

    /// The ASCII lexer gives the scalar lexer's tokens, and leaves every error (and every
    /// non-ASCII text) to it, over valid, malformed and random texts.
    @Test func asciiLexerAgreesWithTheScalarLexer() {
        var texts = [
            "x*y*z/(x^2 + y^2 + z^2)", "  2.5x**3 - .5 y_1 + w_12 ", "(x, y) != (0, 0)", "x <= 1 and y >= 2 or x == 3",
            "x if x > 0 else -x", "[[1, 2], [3, 4]]", "sin^2(x)", "2.", "1.2.3", "x_", "a = b", "a ! b", "x @ y", "θ + 1",
            "x\ty\nz\r", "", " ", "12345678901234567890.25", String(repeating: "9", count: 2001), "x²", "é", ".x", "x..y",
        ]
        let alphabet = Array("xyz019._ +-*/^()[],=!<>ab\t")
        var rng = CoreSeededGenerator(seed: 12)
        for _ in 0..<3000 {
            texts.append(String((0..<rng.int(0...14)).map { _ in alphabet[rng.int(0...alphabet.count - 1)] }))
        }
        var fast = 0
        for text in texts {
            let scalar = Result { () throws(ExpressionSyntaxError) in try ExpressionLexer.tokenizeScalars(text) }
            if let tokens = ExpressionLexer.tokenizeASCII(text) {
                fast += 1
                #expect((try? scalar.get()) == tokens, "\(text)")
            } else {
                #expect(!text.unicodeScalars.allSatisfy(\.isASCII) || (try? scalar.get()) == nil, "\(text)")
            }
        }
        #expect(fast > 1000)
    }
    static let x = Expr.symbol("x"), y = Expr.symbol("y")

    /// Every expression example of CALC.md, with the expression it must mean, built by hand
    /// through the constructors.
    @Test func calcMarkdownExamples() throws {
        let x = Self.x, y = Self.y
        let two = Expr.num(2), three = Expr.num(3)
        #expect(try Self.e("3") == three)
        #expect(try Self.e("-2") == .num(-2))
        #expect(try Self.e("0.25") == .rational(1, 4))
        #expect(try Self.e("1/3") == .rational(1, 3))
        #expect(try Self.e("-x^2") == -(Expr.power(x, two)))
        #expect(try Self.e("2^3^2") == .num(512), "2^(3^2) = 2^9")
        #expect(try Self.e("(2^3)^2") == .num(64))
        #expect(try Self.e("x ** 2") == Expr.power(x, two))
        #expect(try Self.e("2x") == two * x)
        #expect(try Self.e("2 x y") == Expr.product([two, x, y]))
        #expect(try Self.e("x y") == x * y)
        #expect(try Self.e("3(x+1)") == three * (x + .one))
        #expect(try Self.e("(x+1)(x-1)") == Expr.product([x + .one, x - .one]))
        #expect(try Self.e("x sin(y)") == x * Expr.apply(.sin, y))
        #expect(try Self.e("xy") == x * y, "undeclared xy splits into declared x and y")
        #expect(try Self.e("2xy^2") == Expr.product([two, x, Expr.power(y, two)]))
        #expect(try Self.e("sin^2(x)") == Expr.power(Expr.apply(.sin, x), two))
        #expect(try Self.e("log(x)") == Self.e("ln(x)"))
        #expect(try Self.e("sqrt(x)") == Expr.power(x, .rational(1, 2)))
        #expect(try Self.e("pi") == .constant(.pi))
        #expect(try Self.e("e") == .constant(.e))
        #expect(try Self.e("theta + eta + lambda") == Expr.sum([.symbol("theta"), .symbol("eta"), .symbol("lambda")]))
        #expect(try Self.e("x_1 w_12") == Expr.symbol("x_1") * .symbol("w_12"))
        #expect(try Self.e("f(1, 2)") == .num(2) + Expr.apply(.sin, two), "a defined function is substituted")
        #expect(try Self.e("f(y, x)") == Expr.power(y, two) * x + Expr.apply(.sin, x), "arguments substitute simultaneously")
        #expect(try Self.e("a x") == three * x, "a named constant stands for its value")
        for (name, f) in [("sin", Function.sin), ("cos", .cos), ("tan", .tan), ("sec", .sec), ("csc", .csc), ("cot", .cot),
                          ("asin", .asin), ("acos", .acos), ("atan", .atan), ("sinh", .sinh), ("cosh", .cosh),
                          ("tanh", .tanh), ("exp", .exp), ("log", .log), ("ln", .log), ("abs", .abs), ("sigmoid", .sigmoid)] {
            #expect(try Self.e("\(name)(x + y)") == Expr.apply(f, x + y), "\(name)")
        }
    }

    /// Definitions and answer forms from CALC.md 2.2 and 2.5, right-hand sides.
    @Test func calcMarkdownDefinitionsAndAnswers() throws {
        let x = Self.x, y = Self.y
        #expect(try Self.e("2 x y + 1") == Expr.product([.num(2), x, y]) + .one)
        #expect(try Self.e("2 sqrt(2)") == Expr.sqrt(.num(8)))
        #expect(try Self.e("8/5") == .rational(8, 5))
        #expect(try Self.e("-2") == .num(-2))
        #expect(try Self.e("1 + 2(x - 1)") == .num(2) * x - .one)
        #expect(try Self.e("x^2 + 2 y^2") == Expr.power(x, .num(2)) + .num(2) * Expr.power(y, .num(2)))
        #expect(try ExpressionParser.parseValue("(0, 2)") == .vector([.zero, .num(2)]))
        #expect(try ExpressionParser.parseValue("(0.0098, 0.0000)") == .vector([.rational(49, 5000), .zero]))
        #expect(try ExpressionParser.parseValue("(2.6, 2.2)") == .vector([.rational(13, 5), .rational(11, 5)]))
        #expect(try ExpressionParser.parseValue("(3, 4)") == .vector([.num(3), .num(4)]))
    }

    @Test func eIsAVariableWhenDeclared() throws {
        let c = CalcContext(variables: ["e", "x"])
        #expect(try ExpressionParser.parseExpression("e x", context: c) == Expr.symbol("e") * .symbol("x"))
        #expect(try ExpressionParser.parseExpression("pi", context: CalcContext(variables: ["pi"])) == .symbol("pi"))
    }

    @Test func vectorsPointsAndMatrices() throws {
        #expect(try ExpressionParser.parseValue("(1, 0)") == .vector([.one, .zero]))
        #expect(try ExpressionParser.parseValue("(1/2, -pi/4)") == .vector([.rational(1, 2), Expr.product([.rational(-1, 4), .constant(.pi)])]))
        #expect(try ExpressionParser.parseValue("(sqrt(2), 1)") == .vector([Expr.sqrt(.num(2)), .one]))
        #expect(try ExpressionParser.parseValue("[[2, 0], [0, 4]]") == .matrix([[.num(2), .zero], [.zero, .num(4)]]))
        #expect(try ExpressionParser.parseValue("[1, 2, 3]") == .vector([.one, .num(2), .num(3)]))
        #expect(try ExpressionParser.parseValue("(x^2 y, 5x + sin(y))", context: Self.xy)
                == .vector([Expr.power(Self.x, .num(2)) * Self.y, .num(5) * Self.x + Expr.apply(.sin, Self.y)]))
        #expect(try ExpressionParser.parseValue("(x + 1)") == .scalar(Expr.symbol("x") + .one), "parentheses alone are grouping")
        #expect(try ExpressionParser.parseValue("2x", context: Self.xy) == .scalar(.num(2) * Self.x))
    }

    @Test func piecewiseAndConditions() throws {
        let g = try ExpressionParser.parseExpression("x y / (x^2 + y^2) if (x, y) != (0, 0) else 0", context: Self.xy)
        let expected = Expr.piecewise(
            [Piece(condition: .pointCompare([Self.x, Self.y], .notEqual, [.zero, .zero]),
                   value: Self.x * Self.y / (Expr.power(Self.x, .num(2)) + Expr.power(Self.y, .num(2))))],
            otherwise: .zero)
        #expect(g == expected)
        let chain = try ExpressionParser.parseExpression("x if x > 0 and y >= 1 else -x if x < -1 or y == 2 else 0", context: Self.xy)
        guard case .piecewise(let pieces, let otherwise) = chain else { Issue.record("not piecewise"); return }
        #expect(pieces.count == 2)
        #expect(otherwise == .zero)
        #expect(pieces[0].condition == .and(.compare(Self.x, .greater, .zero), .compare(Self.y, .greaterEqual, .one)))
        #expect(pieces[1].condition == .or(.compare(Self.x, .less, .minusOne), .compare(Self.y, .equal, .num(2))))
        for op in Comparison.allCases {
            let c = try ExpressionParser.parseCondition("x \(op.rawValue) 1", context: Self.xy)
            #expect(c == .compare(Self.x, op, .one))
        }
        let grouped = try ExpressionParser.parseCondition("(x > 0 or y > 0) and x < 1", context: Self.xy)
        #expect(grouped == .and(.or(.compare(Self.x, .greater, .zero), .compare(Self.y, .greater, .zero)), .compare(Self.x, .less, .one)))
        let parenthesizedOperand = try ExpressionParser.parseCondition("(x + 1) > 0", context: Self.xy)
        #expect(parenthesizedOperand == .compare(Self.x + .one, .greater, .zero))
    }

    @Test func precedence() throws {
        let x = Self.x, y = Self.y
        #expect(try Self.e("1 + 2 * 3") == .num(7))
        #expect(try Self.e("-2^2") == .num(-4))
        #expect(try Self.e("(-2)^2") == .num(4))
        #expect(try Self.e("2^-1") == .rational(1, 2))
        #expect(try Self.e("x^-1") == Expr.power(x, .minusOne))
        #expect(try Self.e("1/2x") == .rational(1, 2) * x, "implicit multiplication binds like *")
        #expect(try Self.e("x/y/2") == x / y / .num(2))
        #expect(try Self.e("x - y - 1") == Expr.sum([x, -y, .minusOne]))
        #expect(try Self.e("2 sin(x)^2") == .num(2) * Expr.power(Expr.apply(.sin, x), .num(2)))
        #expect(try Self.e("--x") == x)
        #expect(try Self.e("+x") == x)
        #expect(try Self.e("x * -y") == -(x * y))
        #expect(try Self.e("e^x") == Expr.apply(.exp, x))
    }

    @Test func hugeNumbersAreExact() throws {
        let digits = String(repeating: "9", count: 1500)
        let v = try ExpressionParser.parseExpression(digits + " + 1")
        #expect(v.plainText == "1" + String(repeating: "0", count: 1500))
        let tiny = try ExpressionParser.parseExpression("0." + String(repeating: "0", count: 300) + "1")
        guard case .number(let r) = tiny else { Issue.record("not a number"); return }
        #expect(r.denominator.description == "1" + String(repeating: "0", count: 301))
        // A power far too large to compute stays symbolic instead of exhausting memory.
        let big = try ExpressionParser.parseExpression("2^(10^9)")
        if case .pow = big {} else { Issue.record("2^(10^9) should stay a power") }
    }

    /// Malformed input: the message and the 1-based column (and length) of each diagnostic.
    @Test(arguments: [
        ("", "empty expression", 1, 1),
        ("   ", "empty expression", 1, 1),
        ("(x + 1", "expected ')' to close '(' at column 1", 7, 1),
        ("2 * (x + (y - 1)", "expected ')' to close '(' at column 5", 17, 1),
        ("sin(x", "expected ')' to close '(' at column 4", 6, 1),
        ("x +", "expected an expression, found end of input", 4, 1),
        ("sinn(x)", "unknown function 'sinn' (did you mean 'sin'?)", 1, 4),
        ("cosine(x)", "unknown function 'cosine'", 1, 6),
        ("foo + 1", "unknown name 'foo'", 1, 3),
        ("thetta + 1", "unknown name 'thetta' (did you mean 'theta'?)", 1, 6),
        ("xz", "unknown name 'xz' (did you mean 'x'?)", 1, 2),
        ("2 **", "expected an exponent after '^'", 5, 1),
        ("x $ y", "unexpected character '$'", 3, 1),
        ("1/0", "division by zero", 2, 2),
        ("x / (1 - 1)", "division by zero", 3, 9),
        ("sin x", "expected '(' after 'sin'", 5, 1),
        ("x)", "unmatched ')' (no '(' opens it)", 2, 1),
        (")", "expected an expression before ')'", 1, 1),
        ("sin^-1(x)", "'sin^-1' is ambiguous: write asin(x) for the inverse or 1/sin(x) for the reciprocal", 1, 6),
        ("x 2", "expected an operator before '2'", 3, 1),
        ("f(1)", "'f' takes 2 arguments (x, y), found 1", 1, 1),
        ("f + 1", "function 'f' needs its arguments: f(x, y)", 1, 1),
        ("F(1, 2)", "'F' is vector- or matrix-valued and cannot be used inside an expression", 1, 1),
        ("x if x > 0", "expected 'else' after the condition of 'if' (found end of input)", 11, 1),
        ("x if x else 0", "expected a comparison ('==', '!=', '<', '<=', '>', '>=') (found 'else')", 8, 4),
        ("x if 0 < x < 1 else 0", "comparisons do not chain; join them with 'and'", 12, 1),
        ("x if (x, y) < (0, 0) else 0", "points compare only with '==' or '!='", 13, 1),
        ("x if (x, y) == (0, 0, 0) else 0", "cannot compare a point with 2 coordinates to one with 3", 13, 2),
        ("2.5.1", "a number has at most one decimal point", 4, 1),
        ("3. + x", "expected a digit after the decimal point", 3, 1),
        ("x_", "expected a subscript after '_'", 3, 1),
        ("\u{0}x", "unexpected character U+0000", 1, 1),
        ("x \u{FFFD} y", "unexpected character U+FFFD", 3, 1),
        ("x = 1", "'=' is not an operator here (write '==' to compare)", 3, 1),
        ("x ! y", "expected '!=' (found '!')", 3, 1),
        ("(1, 2) + x", "a vector is not allowed inside an expression", 1, 1),
        ("2 (1, 2)", "a vector cannot be multiplied inside an expression", 3, 1),
        ("[1, 2] + x", "a matrix or vector is not allowed inside an expression", 1, 1),
        ("sin()", "expected an argument for 'sin'", 5, 1),
        ("sin(x, y)", "'sin' takes one argument, found 2", 1, 3),
        ("x +* y", "expected an expression, found '*'", 4, 1),
        ("if", "expected an expression before 'if'", 1, 2),
        ("()", "expected an expression inside '()'", 2, 1),
        ("x, y", "unexpected ',' (a vector needs parentheses: (a, b))", 2, 1),
        ("sin^x(y)", "expected a number after '^' in a power of a function, as in sin^2(x)", 5, 1),
    ])
    func badInput(_ text: String, _ message: String, _ column: Int, _ length: Int) {
        do {
            let v = try ExpressionParser.parseExpression(text, context: Self.block)
            Issue.record("'\(text)' parsed as \(v.plainText)")
        } catch {
            #expect(error.message == message, "\(text)")
            #expect(error.column == column, "\(text)")
            #expect(error.length == length, "\(text)")
        }
    }

    @Test(arguments: [
        ("[[1, 2], [3]]", "matrix rows must have the same length (row 1 has 2 entries, row 2 has 1)", 10),
        ("[[1, 2], 3]", "expected '[' to start row 2 of the matrix", 10),
        ("[[1, 2]", "expected ']' to close '[' at column 1", 8),
        ("(1, 2", "expected ')' to close '(' at column 1", 6),
        ("(1, 2) x", "unexpected 'x'", 8),
    ])
    func badValues(_ text: String, _ message: String, _ column: Int) {
        do {
            let v = try ExpressionParser.parseValue(text, context: Self.block)
            Issue.record("'\(text)' parsed as \(v.plainText)")
        } catch {
            #expect(error.message == message, "\(text)")
            #expect(error.column == column, "\(text)")
        }
    }

    @Test func deepNestingIsADiagnosticNotACrash() throws {
        for depth in [65, 1_000, 100_000] {
            let text = String(repeating: "(", count: depth) + "x" + String(repeating: ")", count: depth)
            #expect(throws: ExpressionSyntaxError.self) { try ExpressionParser.parseExpression(text) }
            let minus = String(repeating: "-", count: depth) + "x"
            #expect(throws: ExpressionSyntaxError.self) { try ExpressionParser.parseExpression(minus) }
            let powers = Array(repeating: "x", count: depth).joined(separator: "^")
            #expect(throws: ExpressionSyntaxError.self) { try ExpressionParser.parseExpression(powers) }
        }
        let ok = String(repeating: "(", count: 30) + "x" + String(repeating: ")", count: 30)
        #expect(try ExpressionParser.parseExpression(ok) == .symbol("x"))
        do {
            _ = try ExpressionParser.parseExpression(String(repeating: "(", count: 200) + "x")
        } catch {
            #expect(error.message == "expression nested too deeply (more than 64 levels)")
        }
    }

    @Test func tooLongNumber() {
        do {
            _ = try ExpressionParser.parseExpression("1 + " + String(repeating: "7", count: 3000))
            Issue.record("accepted")
        } catch {
            #expect(error.message == "number too long (more than 2000 digits)")
            #expect(error.column == 5)
            #expect(error.length == 3000)
        }
    }

    /// Random bytes and random token soup never crash the parser: each input either
    /// parses or gets a diagnostic with a column inside the text (or just past it).
    @Test func garbageNeverCrashes() {
        var rng = CoreSeededGenerator(seed: 42)
        let alphabet = Array("xy()[],+-*/^=<>!. 0123456789sincoepilfabq_\u{0}\u{7F}é\u{FFFD}")
        for round in 0..<3000 {
            let length = Int(rng.next() % 24)
            let text: String
            if round % 2 == 0 {
                var bytes: [UInt8] = []
                for _ in 0..<length { bytes.append(UInt8(truncatingIfNeeded: rng.next())) }
                text = String(decoding: bytes, as: UTF8.self)
            } else {
                text = String((0..<length).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] })
            }
            do {
                _ = try ExpressionParser.parseValue(text, context: Self.block)
            } catch {
                #expect(error.column >= 1 && error.column <= text.unicodeScalars.count + 1, "\(text.debugDescription): \(error)")
                #expect(!error.message.isEmpty)
            }
        }
    }
}
