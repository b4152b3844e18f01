extension Equivalence {
    /// Compares two values of the same shape entry by entry (a vector answer against a
    /// computed gradient, a matrix against a Hessian); different shapes are not equivalent.
    public static func areEquivalent(_ a: Value, _ b: Value, variables: [String] = []) -> Bool {
        switch (a, b) {
        case (.scalar(let x), .scalar(let y)):
            return areEquivalent(x, y, variables: variables).equivalent
        case (.vector(let xs), .vector(let ys)):
            return xs.count == ys.count && zip(xs, ys).allSatisfy { areEquivalent($0, $1, variables: variables).equivalent }
        case (.matrix(let xs), .matrix(let ys)):
            return xs.count == ys.count && zip(xs, ys).allSatisfy { r, s in
                r.count == s.count && zip(r, s).allSatisfy { areEquivalent($0, $1, variables: variables).equivalent }
            }
        case (.scalar, _), (.vector, _), (.matrix, _):
            return false
        }
    }
}
