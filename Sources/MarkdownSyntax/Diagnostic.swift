/// One problem found in a lesson, reported as `file:line:col: error: message`, then the
/// offending line and a caret under the offending text (CALC.md section 4).
public struct Diagnostic: Hashable, Sendable, Error {
    public enum Severity: String, Hashable, Sendable { case error, warning }
    public var severity: Severity
    /// The file as the user named it (e.g. `Content/03-directional-derivatives.md`).
    public var file: String
    public var location: SourceLocation
    /// How many bytes of the line the caret underlines (at least 1).
    public var length: Int
    public var message: String
    /// The full text of the offending source line, without its newline.
    public var sourceLine: String

    public init(_ severity: Severity, file: String, location: SourceLocation, length: Int = 1,
                message: String, sourceLine: String) {
        self.severity = severity; self.file = file; self.location = location
        self.length = max(1, length); self.message = message; self.sourceLine = sourceLine
    }
}
