import Foundation

extension CompiledExpression {
    /// Runs the compiled program over dual numbers: f and ∂f/∂xᵢ (i = `seed`) at a point.
    ///
    /// The program is the expression flattened, not differentiated, and every operation
    /// uses `Dual`'s own arithmetic, so this stays independent of the symbolic rules while
    /// avoiding a tree walk and dictionary lookups per point.
    public func evaluateDual(_ point: [Double], seed: Int) -> Dual {
        guard point.count >= variables.count else { return Dual(.nan, .nan) }
        return point.withUnsafeBufferPointer { evaluateDual($0, seed: seed) }
    }

    /// The same at a point given as a buffer, which must hold at least
    /// `variables.count` values.
    public func evaluateDual(_ point: UnsafeBufferPointer<Double>, seed: Int) -> Dual {
        withUnsafeTemporaryAllocation(of: Dual.self, capacity: stackSize) { stack in
            code.withUnsafeBufferPointer { program in
                var sp = 0
                var pc = 0
                while pc < program.count {
                    switch program[pc] {
                    case .constant(let c):
                        stack[sp] = Dual(c); sp += 1
                    case .variable(let i):
                        stack[sp] = Dual(point[i], i == seed ? 1 : 0); sp += 1
                    case .add(let n):
                        var s = stack[sp - n]
                        for k in (sp - n + 1)..<sp { s = s + stack[k] }
                        sp -= n - 1; stack[sp - 1] = s
                    case .multiply(let n):
                        var p = stack[sp - n]
                        for k in (sp - n + 1)..<sp { p = p * stack[k] }
                        sp -= n - 1; stack[sp - 1] = p
                    case .power:
                        sp -= 1; stack[sp - 1] = Dual.pow(stack[sp - 1], stack[sp])
                    case .integerPower(let n):
                        let a = stack[sp - 1]
                        // d(aⁿ) = n aⁿ⁻¹ da, with the powers by repeated squaring.
                        let derivative = a.derivative == 0 ? 0 : Double(n) * Self.integerPower(a.value, n - 1) * a.derivative
                        stack[sp - 1] = Dual(Self.integerPower(a.value, n), derivative)
                    case .squareRoot:
                        let a = stack[sp - 1]
                        let r = a.value.squareRoot()
                        stack[sp - 1] = Dual(r, a.derivative == 0 ? 0 : a.derivative / (2 * r))
                    case .reciprocal:
                        stack[sp - 1] = Dual(1) / stack[sp - 1]
                    case .call(let f):
                        stack[sp - 1] = Dual.apply(f, stack[sp - 1])
                    case .compare(let op):
                        sp -= 1
                        stack[sp - 1] = Dual(DualEvaluator.compare(stack[sp - 1].value, op, stack[sp].value) ? 1 : 0)
                    case .and:
                        sp -= 1; stack[sp - 1] = Dual((stack[sp - 1].value != 0 && stack[sp].value != 0) ? 1 : 0)
                    case .or:
                        sp -= 1; stack[sp - 1] = Dual((stack[sp - 1].value != 0 || stack[sp].value != 0) ? 1 : 0)
                    case .jumpIfFalse(let target):
                        sp -= 1
                        if stack[sp].value == 0 { pc = target; continue }
                    case .jump(let target):
                        pc = target; continue
                    }
                    pc += 1
                }
                return stack[0]
            }
        }
    }
}
