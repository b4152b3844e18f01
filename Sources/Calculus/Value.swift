/// A result of the calc language: a scalar expression, a vector, or a matrix.
public enum Value: Hashable, Sendable {
    case scalar(Expr)
    /// A vector or a point: `(1, 0)`.
    case vector([Expr])
    /// A matrix given by rows: `[[2, 0], [0, 4]]`.
    case matrix([[Expr]])

    /// The scalar expression, or nil for a vector or matrix.
    public var scalar: Expr? {
        switch self {
        case .scalar(let e): return e
        case .vector, .matrix: return nil
        }
    }

    /// Applies `transform` to every entry, keeping the shape.
    public func map(_ transform: (Expr) throws -> Expr) rethrows -> Value {
        switch self {
        case .scalar(let e): return .scalar(try transform(e))
        case .vector(let v): return .vector(try v.map(transform))
        case .matrix(let m): return .matrix(try m.map { try $0.map(transform) })
        }
    }
}
