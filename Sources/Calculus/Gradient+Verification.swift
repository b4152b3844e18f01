extension Gradient {
    /// Checks every component against dual numbers and finite differences
    /// (`Verification.checkPartial`), in variable order.
    public func verification(count: Int = 5, seed: UInt64 = 0x5EED) -> [Verification.PartialCheck] {
        guard let compiled = try? CompiledExpression(function, variables: variables) else {
            return variables.map { Verification.unusable($0, variables) }
        }
        return zip(variables, components).map { v, d in
            Verification.checkPartial(compiled, wrt: v, derivative: d, count: count, seed: seed)
        }
    }
}

extension Hessian {
    /// Checks every entry f_{xᵢxⱼ} as the xⱼ-partial of f_{xᵢ}, row by row.
    public func verification(count: Int = 5, seed: UInt64 = 0x5EED) -> [[Verification.PartialCheck]] {
        variables.indices.map { i in
            let fi = Derivative.partial(function, wrt: variables[i])
            // Each row's function compiled once for the checks of its entries.
            guard let compiled = try? CompiledExpression(fi, variables: variables) else {
                return variables.indices.map { j in
                    Verification.checkPartial(fi, wrt: variables[j], derivative: entries[i][j], variables: variables,
                                              count: count, seed: seed)
                }
            }
            return variables.indices.map { j in
                Verification.checkPartial(compiled, wrt: variables[j], derivative: entries[i][j], count: count, seed: seed)
            }
        }
    }
}
