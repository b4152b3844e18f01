import Foundation

/// An expression compiled once into a flat stack program over `Double`, for plots and
/// sampling: evaluating a point runs the instruction array, with no tree walking.
///
/// Undefined points give NaN or ±infinity (IEEE semantics); use `ExactEvaluator` when a
/// domain error must be reported.
public struct CompiledExpression: Sendable {
    /// The variables, in the order the point's coordinates are given.
    public let variables: [String]
    let code: [Instruction]
    let stackSize: Int

    /// Why an expression could not be compiled.
    public enum CompileError: Error, Equatable, Sendable {
        /// The expression uses a symbol that is not among the variables.
        case unknownSymbol(String)
        /// A starting point with the wrong number of coordinates.
        case pointDimension(expected: Int, got: Int)
    }

    enum Instruction: Sendable {
        case constant(Double)
        case variable(Int)
        case add(Int)
        case multiply(Int)
        case power
        case integerPower(Int)
        case squareRoot
        case reciprocal
        case call(Function)
        case compare(Comparison)
        case and, or
        /// Pops a condition; jumps to the target when it is false.
        case jumpIfFalse(Int)
        case jump(Int)
    }

    /// Compiles `e` over the given variables (in order).
    public init(_ e: Expr, variables: [String]) throws(CompileError) {
        var compiler = Compiler(variables: variables)
        try compiler.emit(e)
        self.variables = variables
        self.code = compiler.code
        self.stackSize = max(1, compiler.maxDepth)
    }

    /// The value at a point (coordinates in `variables` order).
    /// Too few coordinates give NaN (never a read past the end).
    public func callAsFunction(_ point: [Double]) -> Double {
        guard point.count >= variables.count else { return .nan }
        return point.withUnsafeBufferPointer { evaluate($0) }
    }

    /// The value at a point given as a buffer (coordinates in `variables` order); the
    /// buffer must hold at least `variables.count` values.
    public func evaluate(_ point: UnsafeBufferPointer<Double>) -> Double {
        withUnsafeTemporaryAllocation(of: Double.self, capacity: stackSize) { stack in
            code.withUnsafeBufferPointer { program in
                var sp = 0
                var pc = 0
                while pc < program.count {
                    switch program[pc] {
                    case .constant(let c):
                        stack[sp] = c; sp += 1
                    case .variable(let i):
                        stack[sp] = point[i]; sp += 1
                    case .add(let n):
                        var s = stack[sp - n]
                        for k in (sp - n + 1)..<sp { s += stack[k] }
                        sp -= n - 1; stack[sp - 1] = s
                    case .multiply(let n):
                        var p = stack[sp - n]
                        for k in (sp - n + 1)..<sp { p *= stack[k] }
                        sp -= n - 1; stack[sp - 1] = p
                    case .power:
                        sp -= 1; stack[sp - 1] = Foundation.pow(stack[sp - 1], stack[sp])
                    case .integerPower(let n):
                        stack[sp - 1] = Self.integerPower(stack[sp - 1], n)
                    case .squareRoot:
                        stack[sp - 1] = stack[sp - 1].squareRoot()
                    case .reciprocal:
                        stack[sp - 1] = 1 / stack[sp - 1]
                    case .call(let f):
                        stack[sp - 1] = Self.apply(f, stack[sp - 1])
                    case .compare(let op):
                        sp -= 1
                        stack[sp - 1] = DualEvaluator.compare(stack[sp - 1], op, stack[sp]) ? 1 : 0
                    case .and:
                        sp -= 1; stack[sp - 1] = (stack[sp - 1] != 0 && stack[sp] != 0) ? 1 : 0
                    case .or:
                        sp -= 1; stack[sp - 1] = (stack[sp - 1] != 0 || stack[sp] != 0) ? 1 : 0
                    case .jumpIfFalse(let target):
                        sp -= 1
                        if stack[sp] == 0 { pc = target; continue }
                    case .jump(let target):
                        pc = target; continue
                    }
                    pc += 1
                }
                return stack[0]
            }
        }
    }

    /// A closure of two variables for plots: `f(x, y)`.
    public var function2: @Sendable (Double, Double) -> Double {
        let compiled = self
        // Variables past the first two (if any) are NaN, so the value is NaN rather than
        // a read of uninitialised memory.
        let capacity = max(2, variables.count)
        return { x, y in
            withUnsafeTemporaryAllocation(of: Double.self, capacity: capacity) { p in
                p.initialize(repeating: .nan)
                p[0] = x; p[1] = y
                return compiled.evaluate(UnsafeBufferPointer(p))
            }
        }
    }

    static func integerPower(_ x: Double, _ n: Int) -> Double {
        var base = n < 0 ? 1 / x : x
        var e = n.magnitude
        var result = 1.0
        while e > 0 {
            if e & 1 == 1 { result *= base }
            base *= base
            e >>= 1
        }
        return result
    }

    static func apply(_ f: Function, _ x: Double) -> Double {
        switch f {
        case .sin: return Foundation.sin(x)
        case .cos: return Foundation.cos(x)
        case .tan: return Foundation.tan(x)
        case .sec: return 1 / Foundation.cos(x)
        case .csc: return 1 / Foundation.sin(x)
        case .cot: return Foundation.cos(x) / Foundation.sin(x)
        case .asin: return Foundation.asin(x)
        case .acos: return Foundation.acos(x)
        case .atan: return Foundation.atan(x)
        case .sinh: return Foundation.sinh(x)
        case .cosh: return Foundation.cosh(x)
        case .tanh: return Foundation.tanh(x)
        case .exp: return Foundation.exp(x)
        case .log: return x > 0 ? Foundation.log(x) : (x == 0 ? -.infinity : .nan)
        case .abs: return Swift.abs(x)
        case .sigmoid: return 1 / (1 + Foundation.exp(-x))
        }
    }

    /// Turns the tree into instructions, tracking the stack depth the program needs.
    private struct Compiler {
        /// The variables in order; looked up by linear search, which for the few
        /// variables of an expression is cheaper than building a dictionary per compile.
        let variables: [String]
        var code: [Instruction] = []
        var depth = 0
        var maxDepth = 0

        init(variables: [String]) {
            self.variables = variables
            // Room for a typical expression's program, so that appending seldom regrows.
            code.reserveCapacity(64)
        }

        static let half = Rational(1, 2)
        static let minusHalf = Rational(-1, 2)

        mutating func push(_ i: Instruction) {
            code.append(i)
            depth += 1
            maxDepth = max(maxDepth, depth)
        }

        mutating func emit(_ e: Expr) throws(CompileError) {
            switch e {
            case .number(let r): push(.constant(r.doubleValue))
            case .constant(let c): push(.constant(c == .pi ? Double.pi : M_E))
            case .symbol(let s):
                guard let i = variables.firstIndex(of: s) else { throw .unknownSymbol(s) }
                push(.variable(i))
            case .add(let terms):
                for t in terms { try emit(t) }
                if terms.count > 1 { code.append(.add(terms.count)); depth -= terms.count - 1 }
                if terms.isEmpty { push(.constant(0)) }
            case .mul(let factors):
                for f in factors { try emit(f) }
                if factors.count > 1 { code.append(.multiply(factors.count)); depth -= factors.count - 1 }
                if factors.isEmpty { push(.constant(1)) }
            case .pow(let base, let exponent):
                try emit(base)
                if case .number(let r) = exponent {
                    if let n = r.intValue, abs(n) <= 64 {
                        code.append(n == -1 ? .reciprocal : .integerPower(n))
                        return
                    }
                    if r == Self.half { code.append(.squareRoot); return }
                    if r == Self.minusHalf { code.append(.squareRoot); code.append(.reciprocal); return }
                }
                try emit(exponent)
                code.append(.power); depth -= 1
            case .function(let f, let u):
                try emit(u)
                code.append(.call(f))
            case .piecewise(let pieces, let otherwise):
                let start = depth
                var exits: [Int] = []
                for piece in pieces {
                    try emit(piece.condition)
                    let branch = code.count
                    code.append(.jumpIfFalse(-1)); depth -= 1
                    try emit(piece.value)
                    exits.append(code.count)
                    code.append(.jump(-1))
                    code[branch] = .jumpIfFalse(code.count)
                    depth = start
                }
                try emit(otherwise)
                for exit in exits { code[exit] = .jump(code.count) }
            }
        }

        mutating func emit(_ c: Condition) throws(CompileError) {
            switch c {
            case .compare(let a, let op, let b):
                try emit(a); try emit(b)
                code.append(.compare(op)); depth -= 1
            case .pointCompare(let a, let op, let b):
                // == holds when every pair is equal; != when some pair differs; an order
                // comparison must hold for every pair.
                let pairOp: Comparison = op
                let combine: Instruction
                switch op {
                case .notEqual: combine = .or
                case .equal, .less, .lessEqual, .greater, .greaterEqual: combine = .and
                }
                guard a.count == b.count, !a.isEmpty else {
                    push(.constant(op == .notEqual ? 1 : 0)); return
                }
                for (k, (x, y)) in zip(a, b).enumerated() {
                    try emit(x); try emit(y)
                    code.append(.compare(pairOp)); depth -= 1
                    if k > 0 { code.append(combine); depth -= 1 }
                }
            case .and(let p, let q):
                try emit(p); try emit(q); code.append(.and); depth -= 1
            case .or(let p, let q):
                try emit(p); try emit(q); code.append(.or); depth -= 1
            }
        }
    }
}
