/// A problem in the text of an expression: what was wrong, and where.
///
/// `column` is 1-based and counts characters (Unicode scalars) of the parsed text;
/// `length` is how many characters the offending text spans (at least 1).
/// Callers that parse part of a line add their own offset.
public struct ExpressionSyntaxError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    public var column: Int
    public var length: Int

    public init(_ message: String, column: Int, length: Int = 1) {
        self.message = message
        self.column = column
        self.length = max(1, length)
    }

    public var description: String { "\(column): \(message)" }
}
