/// What a calc block has declared so far: the names an expression may use.
///
/// The parser resolves a name in this order: declared variable, named constant
/// (`a = 3`), defined function (when called), built-in function, `pi` / `e`, the `xy`
/// splitting rule, else an error naming it.
public struct CalcContext: Sendable, Hashable {
    /// Declared variables, in declaration order (`f(x, y)` declares x and y).
    public var variables: [String]
    /// Functions defined earlier in the block, by name.
    public var functions: [String: FunctionDefinition]
    /// Named constants (`a = 3`): the name stands for the value.
    public var constants: [String: Expr]
    /// When true, an unknown name becomes a new variable instead of an error
    /// (used for free-standing expressions in tests and tools).
    public var allowsUndeclaredNames: Bool

    public init(
        variables: [String] = [],
        functions: [String: FunctionDefinition] = [:],
        constants: [String: Expr] = [:],
        allowsUndeclaredNames: Bool = false
    ) {
        self.variables = variables
        self.functions = functions
        self.constants = constants
        self.allowsUndeclaredNames = allowsUndeclaredNames
    }

    /// A context in which every name is a variable (no `xy` splitting, no errors for names).
    public static let free = CalcContext(allowsUndeclaredNames: true)

    /// Declares a variable (keeps declaration order, ignores repeats).
    public mutating func declare(variable name: String) {
        if !variables.contains(name) { variables.append(name) }
    }

    /// Defines (or redefines) a function.
    public mutating func define(_ definition: FunctionDefinition) {
        functions[definition.name] = definition
    }

    func isVariable(_ name: String) -> Bool { variables.contains(name) }
}

/// A function defined in a calc block: `f(x, y) = x^2 y + sin(y)`.
public struct FunctionDefinition: Sendable, Hashable {
    public var name: String
    public var parameters: [String]
    /// A scalar for a scalar field, a vector for a vector field.
    public var body: Value

    public init(name: String, parameters: [String], body: Value) {
        self.name = name
        self.parameters = parameters
        self.body = body
    }
}
