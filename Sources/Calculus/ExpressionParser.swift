/// Parses the expression syntax of the calc language (CALC.md 2.1) into canonical
/// expressions, vectors and matrices.
///
/// Grammar (lowest precedence first):
///
///     value       := matrix | tuple | piecewise
///     piecewise   := sum ('if' condition 'else' piecewise)?
///     condition   := conjunct ('or' conjunct)*
///     conjunct    := atom ('and' atom)*
///     atom        := comparison | '(' condition ')'
///     comparison  := operand ('=='|'!='|'<'|'<='|'>'|'>=') operand   (operand: sum or tuple)
///     sum         := term (('+'|'-') term)*
///     term        := ('-'|'+')* unary (('*'|'/') unary | power)*   (a bare `power` is implicit
///                    multiplication; a leading sign negates the whole term)
///     unary       := ('-'|'+') unary | power
///     power       := primary (('^'|'**') unary)?           (right associative)
///     primary     := number | name | call | '(' piecewise ')'
///
/// Implicit multiplication binds like `*` (so `1/2x` is `(1/2)·x`); its right operand
/// must start with a name or `(`, so `x 2` is an error rather than a silent product.
public struct ExpressionParser {
    /// Deepest nesting accepted; deeper input gets a diagnostic instead of exhausting the stack.
    public static let maximumDepth = 64

    /// Built-in function names (CALC.md 2.1) and what they mean; `sqrt` is a power.
    static let builtins: [String: Function?] = [
        "sin": .sin, "cos": .cos, "tan": .tan, "sec": .sec, "csc": .csc, "cot": .cot,
        "asin": .asin, "acos": .acos, "atan": .atan,
        "sinh": .sinh, "cosh": .cosh, "tanh": .tanh,
        "exp": .exp, "log": .log, "ln": .log, "abs": .abs, "sigmoid": .sigmoid,
        "sqrt": nil,
    ]
    static let keywords: Set<String> = ["if", "else", "and", "or"]

    /// `keywords.contains(name)`, without hashing the common one-letter names.
    static func isKeyword(_ name: String) -> Bool {
        let n = name.utf8.count
        return n >= 2 && n <= 4 && keywords.contains(name)
    }

    private var tokens: [ExpressionToken]
    private var position = 0
    private var depth = 0
    private let context: CalcContext

    private init(tokens: [ExpressionToken], context: CalcContext) {
        self.tokens = tokens
        self.context = context
    }

    // MARK: Entry points

    /// Parses a scalar expression (piecewise allowed; vectors and matrices are errors).
    public static func parseExpression(_ text: String, context: CalcContext = .free) throws(ExpressionSyntaxError) -> Expr {
        var parser = try ExpressionParser(tokens: ExpressionLexer.tokenize(text), context: context)
        try parser.rejectEmpty()
        let e = try parser.parsePiecewise()
        try parser.expectEnd()
        return e
    }

    /// Parses a scalar, a vector/point `(a, b)` or `[a, b]`, or a matrix `[[a, b], [c, d]]`.
    public static func parseValue(_ text: String, context: CalcContext = .free) throws(ExpressionSyntaxError) -> Value {
        var parser = try ExpressionParser(tokens: ExpressionLexer.tokenize(text), context: context)
        try parser.rejectEmpty()
        let v = try parser.parseTopValue()
        try parser.expectEnd()
        return v
    }

    /// Parses a condition such as `(x, y) != (0, 0)` or `x > 0 and y >= 1`.
    public static func parseCondition(_ text: String, context: CalcContext = .free) throws(ExpressionSyntaxError) -> Condition {
        var parser = try ExpressionParser(tokens: ExpressionLexer.tokenize(text), context: context)
        try parser.rejectEmpty()
        let c = try parser.parseOr()
        try parser.expectEnd()
        return c
    }

    // MARK: Token helpers

    private var current: ExpressionToken { tokens[position] }
    private var isAtEnd: Bool { if case .end = current.kind { return true } else { return false } }
    private mutating func advance() -> ExpressionToken {
        let t = tokens[position]
        if position < tokens.count - 1 { position += 1 }
        return t
    }

    private func error(_ message: String, at token: ExpressionToken) -> ExpressionSyntaxError {
        ExpressionSyntaxError(message, column: token.column, length: token.length)
    }

    private func rejectEmpty() throws(ExpressionSyntaxError) {
        if isAtEnd { throw ExpressionSyntaxError("empty expression", column: 1) }
    }

    private func expectEnd() throws(ExpressionSyntaxError) {
        guard !isAtEnd else { return }
        let t = current
        if t.isSymbol(")") { throw error("unmatched ')' (no '(' opens it)", at: t) }
        if t.isSymbol("]") { throw error("unmatched ']' (no '[' opens it)", at: t) }
        if t.isSymbol(",") { throw error("unexpected ',' (a vector needs parentheses: (a, b))", at: t) }
        if case .number = t.kind { throw error("expected an operator before \(t.quoted)", at: t) }
        throw error("unexpected \(t.quoted)", at: t)
    }

    private mutating func expectClosing(_ closer: String, opener: ExpressionToken) throws(ExpressionSyntaxError) {
        if current.isSymbol(closer) { _ = advance(); return }
        let found = isAtEnd ? "" : " (found \(current.quoted))"
        throw error("expected '\(closer)' to close '\(opener.text)' at column \(opener.column)\(found)", at: current)
    }

    /// Column just past the last consumed token.
    private var spanEnd: Int {
        let last = tokens[max(0, position - 1)]
        return last.column + last.length
    }

    private mutating func enter() throws(ExpressionSyntaxError) {
        depth += 1
        if depth > Self.maximumDepth {
            throw error("expression nested too deeply (more than \(Self.maximumDepth) levels)", at: current)
        }
    }
    private mutating func leave() { depth -= 1 }

    /// True when the `(` at the current position starts a tuple: a comma at its top level.
    private func looksLikeTuple() -> Bool {
        guard current.isSymbol("(") else { return false }
        var level = 0
        var i = position
        while i < tokens.count {
            let t = tokens[i]
            if t.isSymbol("(") || t.isSymbol("[") { level += 1 }
            else if t.isSymbol(")") || t.isSymbol("]") { level -= 1; if level == 0 { return false } }
            else if t.isSymbol(","), level == 1 { return true }
            else if case .end = t.kind { return false }
            i += 1
        }
        return false
    }

    // MARK: Values

    private mutating func parseTopValue() throws(ExpressionSyntaxError) -> Value {
        if current.isSymbol("[") { return try parseBracketed() }
        if looksLikeTuple() { return .vector(try parseTuple()) }
        return .scalar(try parsePiecewise())
    }

    private mutating func parseTuple() throws(ExpressionSyntaxError) -> [Expr] {
        let open = advance()
        var items: [Expr] = [try parsePiecewise()]
        while current.isSymbol(",") {
            _ = advance()
            items.append(try parsePiecewise())
        }
        try expectClosing(")", opener: open)
        return items
    }

    private mutating func parseBracketed() throws(ExpressionSyntaxError) -> Value {
        let open = advance()
        if current.isSymbol("[") {
            var rows: [[Expr]] = []
            var firstRow: ExpressionToken = current
            repeat {
                if !rows.isEmpty { _ = advance() }
                let rowStart = current
                if rows.isEmpty { firstRow = rowStart }
                guard rowStart.isSymbol("[") else {
                    throw error("expected '[' to start row \(rows.count + 1) of the matrix", at: rowStart)
                }
                _ = advance()
                var row: [Expr] = [try parsePiecewise()]
                while current.isSymbol(",") {
                    _ = advance()
                    row.append(try parsePiecewise())
                }
                try expectClosing("]", opener: rowStart)
                if let first = rows.first, first.count != row.count {
                    throw ExpressionSyntaxError(
                        "matrix rows must have the same length (row 1 has \(first.count) entries, row \(rows.count + 1) has \(row.count))",
                        column: rowStart.column, length: max(1, tokens[position - 1].column + 1 - rowStart.column))
                }
                rows.append(row)
            } while current.isSymbol(",")
            _ = firstRow
            try expectClosing("]", opener: open)
            return .matrix(rows)
        }
        var items: [Expr] = [try parsePiecewise()]
        while current.isSymbol(",") {
            _ = advance()
            items.append(try parsePiecewise())
        }
        try expectClosing("]", opener: open)
        return .vector(items)
    }

    // MARK: Piecewise and conditions

    private mutating func parsePiecewise() throws(ExpressionSyntaxError) -> Expr {
        let value = try parseSum()
        guard current.isKeyword("if") else { return value }
        _ = advance()
        let condition = try parseOr()
        guard current.isKeyword("else") else {
            throw error("expected 'else' after the condition of 'if' (found \(current.quoted))", at: current)
        }
        _ = advance()
        try enter()
        defer { leave() }
        let rest = try parsePiecewise()
        return Expr.makePiecewise([Piece(condition: condition, value: value)], otherwise: rest)
    }

    private mutating func parseOr() throws(ExpressionSyntaxError) -> Condition {
        var c = try parseAnd()
        while current.isKeyword("or") {
            _ = advance()
            c = .or(c, try parseAnd())
        }
        return c
    }

    private mutating func parseAnd() throws(ExpressionSyntaxError) -> Condition {
        var c = try parseConditionAtom()
        while current.isKeyword("and") {
            _ = advance()
            c = .and(c, try parseConditionAtom())
        }
        return c
    }

    private mutating func parseConditionAtom() throws(ExpressionSyntaxError) -> Condition {
        try enter()
        defer { leave() }
        guard current.isSymbol("("), !looksLikeTuple() else { return try parseComparison() }
        // `(` opens either an operand of a comparison or a grouped condition: try the
        // comparison first, then the group, and report the error that got further.
        let saved = position
        let savedDepth = depth
        let comparisonError: ExpressionSyntaxError
        do {
            return try parseComparison()
        } catch {
            comparisonError = error
        }
        position = saved
        depth = savedDepth
        do {
            let open = advance()
            let inner = try parseOr()
            try expectClosing(")", opener: open)
            return inner
        } catch {
            throw error.column >= comparisonError.column ? error : comparisonError
        }
    }

    private enum Operand { case scalar(Expr), tuple([Expr]) }

    private mutating func parseOperand() throws(ExpressionSyntaxError) -> Operand {
        if looksLikeTuple() { return .tuple(try parseTuple()) }
        return .scalar(try parseSum())
    }

    private mutating func parseComparison() throws(ExpressionSyntaxError) -> Condition {
        let leftToken = current
        let lhs = try parseOperand()
        let opToken = current
        guard case .symbol(let s) = opToken.kind, let op = Comparison(rawValue: s) else {
            throw error("expected a comparison ('==', '!=', '<', '<=', '>', '>=') (found \(opToken.quoted))", at: opToken)
        }
        _ = advance()
        let rhs = try parseOperand()
        if case .symbol(let s2) = current.kind, Comparison(rawValue: s2) != nil {
            throw error("comparisons do not chain; join them with 'and'", at: current)
        }
        switch (lhs, rhs) {
        case (.scalar(let a), .scalar(let b)):
            return .compare(a, op, b)
        case (.tuple(let a), .tuple(let b)):
            guard a.count == b.count else {
                throw error("cannot compare a point with \(a.count) coordinates to one with \(b.count)", at: opToken)
            }
            guard op == .equal || op == .notEqual else {
                throw error("points compare only with '==' or '!='", at: opToken)
            }
            return .pointCompare(a, op, b)
        case (.tuple, .scalar), (.scalar, .tuple):
            throw error("cannot compare a point with a number", at: leftToken)
        }
    }

    // MARK: Arithmetic

    private mutating func parseSum() throws(ExpressionSyntaxError) -> Expr {
        var terms: [Expr] = [try parseTerm()]
        while current.isSymbol("+") || current.isSymbol("-") {
            let negate = advance().isSymbol("-")
            let t = try parseTerm()
            terms.append(negate ? -t : t)
        }
        return terms.count == 1 ? terms[0] : Expr.sum(terms)
    }

    private func startsImplicitFactor() -> Bool {
        switch current.kind {
        case .identifier(let name): return !Self.isKeyword(name)
        case .symbol(let s): return s == "("
        case .number, .end: return false
        }
    }

    private mutating func parseTerm() throws(ExpressionSyntaxError) -> Expr {
        // A leading minus negates the whole term: `-a b/c` is -(a b/c), as printed.
        var negative = false
        var signs = 0
        while current.isSymbol("-") || current.isSymbol("+") {
            if advance().isSymbol("-") { negative.toggle() }
            signs += 1
            if depth + signs > Self.maximumDepth {
                throw error("expression nested too deeply (more than \(Self.maximumDepth) levels)", at: current)
            }
        }
        var factors: [Expr] = [try parseUnary()]
        if negative { factors.insert(.minusOne, at: 0) }
        while true {
            if current.isSymbol("*") {
                _ = advance()
                factors.append(try parseUnary())
            } else if current.isSymbol("/") {
                let slash = advance()
                let d = try parseUnary()
                if d == .zero {
                    throw ExpressionSyntaxError("division by zero", column: slash.column, length: spanEnd - slash.column)
                }
                factors.append(Expr.power(d, .num(-1)))
            } else if startsImplicitFactor() {
                if looksLikeTuple() {
                    throw error("a vector cannot be multiplied inside an expression", at: current)
                }
                factors.append(try parsePower())
            } else if case .number = current.kind {
                throw error("expected an operator before \(current.quoted)", at: current)
            } else {
                break
            }
        }
        return factors.count == 1 ? factors[0] : Expr.product(factors)
    }

    private mutating func parseUnary() throws(ExpressionSyntaxError) -> Expr {
        try enter()
        defer { leave() }
        if current.isSymbol("-") {
            _ = advance()
            return -(try parseUnary())
        }
        if current.isSymbol("+") {
            _ = advance()
            return try parseUnary()
        }
        return try parsePower()
    }

    private mutating func parsePower() throws(ExpressionSyntaxError) -> Expr {
        // `xy^2` is x·y^2: the exponent belongs to the last letter of a split name.
        if case .identifier(let name) = current.kind, let parts = splitCandidate(name) {
            _ = advance()
            var factors = parts.map { Expr.symbol($0) }
            if current.isSymbol("^") {
                _ = advance()
                if isAtEnd { throw error("expected an exponent after '^'", at: current) }
                factors[factors.count - 1] = Expr.power(factors[factors.count - 1], try parseUnary())
            }
            return Expr.product(factors)
        }
        let base = try parsePrimary()
        guard current.isSymbol("^") else { return base }
        _ = advance()
        if isAtEnd { throw error("expected an exponent after '^'", at: current) }
        let exponent = try parseUnary()
        return Expr.power(base, exponent)
    }

    // MARK: Primaries

    private mutating func parsePrimary() throws(ExpressionSyntaxError) -> Expr {
        let t = current
        switch t.kind {
        case .number(let text):
            _ = advance()
            guard let r = Rational(exactDecimal: text) else { throw error("malformed number \(t.quoted)", at: t) }
            return .number(r)
        case .identifier(let name):
            if Self.isKeyword(name) {
                throw error("expected an expression before '\(name)'", at: t)
            }
            _ = advance()
            return try resolve(name, token: t)
        case .symbol(let s):
            if s == "(" {
                if looksLikeTuple() {
                    throw error("a vector is not allowed inside an expression", at: t)
                }
                _ = advance()
                try enter()
                defer { leave() }
                if current.isSymbol(")") { throw error("expected an expression inside '()'", at: current) }
                let inner = try parsePiecewise()
                try expectClosing(")", opener: t)
                return inner
            }
            if s == "[" { throw error("a matrix or vector is not allowed inside an expression", at: t) }
            if s == ")" { throw error("expected an expression before ')'", at: t) }
            throw error("expected an expression, found '\(s)'", at: t)
        case .end:
            throw error("expected an expression, found end of input", at: t)
        }
    }

    private mutating func resolve(_ name: String, token: ExpressionToken) throws(ExpressionSyntaxError) -> Expr {
        if context.isVariable(name) { return .symbol(name) }
        if let value = context.constants[name] { return value }
        if let definition = context.functions[name] {
            return try callDefined(definition, token: token)
        }
        if let builtin = Self.builtins[name] {
            return try callBuiltin(name, builtin, token: token)
        }
        if name == "pi" { return .constant(.pi) }
        if name == "e" { return .constant(.e) }
        if let split = splitIntoVariables(name) { return Expr.product(split.map { .symbol($0) }) }
        if context.allowsUndeclaredNames && !current.isSymbol("(") { return .symbol(name) }
        if current.isSymbol("(") {
            let known = Array(Self.builtins.keys) + Array(context.functions.keys)
            throw error("unknown function '\(name)'\(suggestion(for: name, among: known))", at: token)
        }
        let known = context.variables + Array(context.constants.keys) + ["pi", "e"]
        throw error("unknown name '\(name)'\(suggestion(for: name, among: known))", at: token)
    }

    /// The parts of a name the `xy` rule splits, when no other meaning comes first.
    private func splitCandidate(_ name: String) -> [String]? {
        // A one-letter name is never split (the common case: no lookups).
        if name.utf8.count == 1 { return nil }
        if context.isVariable(name) || context.constants[name] != nil || context.functions[name] != nil
            || Self.builtins[name] != nil || name == "pi" || name == "e" || Self.isKeyword(name) {
            return nil
        }
        return splitIntoVariables(name)
    }

    /// The `xy` rule: a multi-letter name that is not declared but consists of declared
    /// one-letter variables is their product.
    private func splitIntoVariables(_ name: String) -> [String]? {
        guard name.count > 1 else { return nil }
        var parts: [String] = []
        for c in name {
            let s = String(c)
            guard c.isLetter, context.isVariable(s) else { return nil }
            parts.append(s)
        }
        return parts
    }

    private mutating func parseArguments(of name: String, token: ExpressionToken) throws(ExpressionSyntaxError) -> [Expr] {
        guard current.isSymbol("(") else {
            throw error("expected '(' after '\(name)'", at: current)
        }
        let open = advance()
        try enter()
        defer { leave() }
        if current.isSymbol(")") { throw error("expected an argument for '\(name)'", at: current) }
        var args: [Expr] = [try parsePiecewise()]
        while current.isSymbol(",") {
            _ = advance()
            args.append(try parsePiecewise())
        }
        try expectClosing(")", opener: open)
        return args
    }

    private mutating func callBuiltin(_ name: String, _ function: Function?, token: ExpressionToken) throws(ExpressionSyntaxError) -> Expr {
        // `sin^2(x)` is sin(x)^2.
        var exponent: Expr? = nil
        if current.isSymbol("^") {
            _ = advance()
            let e = try parsePowerOfFunctionExponent()
            if e == .num(-1) {
                throw ExpressionSyntaxError(
                    "'\(name)^-1' is ambiguous: write a\(name)(x) for the inverse or 1/\(name)(x) for the reciprocal",
                    column: token.column, length: spanEnd - token.column)
            }
            exponent = e
        }
        let args = try parseArguments(of: name, token: token)
        guard args.count == 1 else {
            throw error("'\(name)' takes one argument, found \(args.count)", at: token)
        }
        let value = function.map { Expr.apply($0, args[0]) } ?? Expr.sqrt(args[0])
        return exponent.map { Expr.power(value, $0) } ?? value
    }

    /// The exponent in `sin^2(x)`: a number, a name, or a parenthesized expression, with an
    /// optional sign, but never a call (its `(` belongs to the function).
    private mutating func parsePowerOfFunctionExponent() throws(ExpressionSyntaxError) -> Expr {
        var negative = false
        if current.isSymbol("-") { _ = advance(); negative = true }
        let t = current
        let e: Expr
        switch t.kind {
        case .number(let text):
            _ = advance()
            guard let r = Rational(exactDecimal: text) else { throw error("malformed number \(t.quoted)", at: t) }
            e = .number(r)
        case .identifier, .symbol, .end:
            throw error("expected a number after '^' in a power of a function, as in sin^2(x)", at: t)
        }
        return negative ? -e : e
    }

    private mutating func callDefined(_ definition: FunctionDefinition, token: ExpressionToken) throws(ExpressionSyntaxError) -> Expr {
        let name = definition.name
        guard current.isSymbol("(") else {
            throw error("function '\(name)' needs its arguments: \(name)(\(definition.parameters.joined(separator: ", ")))", at: token)
        }
        let args = try parseArguments(of: name, token: token)
        guard args.count == definition.parameters.count else {
            let plural = definition.parameters.count == 1 ? "argument" : "arguments"
            throw error("'\(name)' takes \(definition.parameters.count) \(plural) (\(definition.parameters.joined(separator: ", "))), found \(args.count)", at: token)
        }
        guard case .scalar(let body) = definition.body else {
            throw error("'\(name)' is vector- or matrix-valued and cannot be used inside an expression", at: token)
        }
        var bindings: [String: Expr] = [:]
        for (p, a) in zip(definition.parameters, args) { bindings[p] = a }
        return body.substituting(bindings)
    }

    private func suggestion(for name: String, among candidates: [String]) -> String {
        let limit = name.count <= 3 ? 1 : 2
        var best: (name: String, distance: Int)? = nil
        for candidate in candidates.sorted() {
            let d = Self.editDistance(name, candidate)
            guard d <= limit, d < name.count else { continue }
            if best == nil || d < best!.distance { best = (candidate, d) }
        }
        return best.map { " (did you mean '\($0.name)'?)" } ?? ""
    }

    /// Levenshtein distance, for "did you mean" suggestions.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var row = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                let substitution: Int = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                let deletion: Int = previous[j] + 1
                let insertion: Int = row[j - 1] + 1
                row[j] = Swift.min(substitution, deletion, insertion)
            }
            previous = row
        }
        return previous[b.count]
    }
}
