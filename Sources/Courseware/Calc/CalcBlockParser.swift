import Calculus
import MarkdownSyntax

/// Reads the lines of a calc block into a `CalcBlock`, reporting every problem at its
/// position in the lesson file (CALC.md 2 and 4).
///
/// Parsing resolves every name: points are exact values, variables of a request belong to
/// its function, the request fits the function (a Jacobian needs a vector field, a
/// tangent plane two variables). What needs computing (a value undefined at a point) is
/// found later by `CalcEvaluator`, still at the right position.
public struct CalcBlockParser {
    let file: String
    var block: CalcBlock
    var diagnostics: [Diagnostic] = []
    /// Constants and functions defined so far (variables are per function).
    var context = CalcContext()
    /// The line an answer may follow: the last `ask`.
    var answerAllowed = false
    /// Names whose definition had an error: requests about them are skipped silently, so
    /// one mistake gives one message.
    var brokenDefinitions: Set<String> = []
    var anyDefinitionBroken: Bool { !brokenDefinitions.isEmpty }
    /// A `contour` line was written (even if it had an error): the plot lines after it
    /// then report only their own problems, not a missing `contour` line.
    var contourWritten = false

    /// Words that start a line of each kind, for suggestions.
    static let exerciseWords = ["ask", "answer", "hint"]
    static let plotWords = ["contour", "field", "descent", "mark", "caption", "alt"]

    /// Parses a block from the Markdown tree.
    public static func parse(_ code: CodeBlock, file: String) -> (block: CalcBlock?, diagnostics: [Diagnostic]) {
        parse(info: code.info, lines: code.lines.map(CalcLine.init), start: code.range.start, file: file)
    }

    /// Parses a block given its info string and lines. The block is nil when its info
    /// string is not usable; otherwise it holds everything that parsed, next to the
    /// diagnostics for what did not.
    public static func parse(info: String, lines: [CalcLine], start: SourceLocation, file: String)
        -> (block: CalcBlock?, diagnostics: [Diagnostic])
    {
        let infoLine = CalcLine(text: info, line: start.line, column: start.column + 3)
        guard let (kind, label, infoProblem) = CalcInfo.read(info) else { return (nil, []) }
        var parser = CalcBlockParser(file: file, block: CalcBlock(kind: kind, label: label, start: start))
        if let infoProblem {
            parser.diagnostics.append(infoLine.diagnostic(file, atScalar: infoProblem.offset,
                                                          length: infoProblem.length, infoProblem.message))
            return (nil, parser.diagnostics)
        }
        for line in lines { parser.read(line) }
        parser.finish(lines: lines, start: start)
        return (parser.block, parser.diagnostics)
    }

    // MARK: Lines

    mutating func read(_ line: CalcLine) {
        let span = CalcBlockParser.withoutComment(CalcSpan(text: line.text, offset: 0)).trimmed
        if span.isEmpty { return }
        let (word, rest) = CalcBlockParser.firstWord(span)
        switch block.kind {
        case .exercise:
            switch word.text {
            case "ask":
                answerAllowed = false
                if let request = readRequest(rest, line: line, after: word) {
                    block.parts.append(CalcExercisePart(ask: request, answer: nil))
                    answerAllowed = true
                } else {
                    // Keep numbering the parts even when one could not be read.
                    answerAllowed = false
                }
                return
            case "answer":
                readAnswer(rest, word: word, line: line)
                return
            case "hint":
                answerAllowed = false
                if rest.isEmpty { error(line, word, "'hint' needs the text of the hint") }
                block.hint = rest.text
                return
            default: break
            }
        case .plot:
            if CalcBlockParser.plotWords.contains(word.text) {
                readPlotLine(word, rest, line: line)
                return
            }
        case .example: break
        }
        answerAllowed = false
        if let definition = CalcBlockParser.definitionParts(span) {
            readDefinition(definition, line: line)
            return
        }
        switch block.kind {
        case .example:
            if CalcBlockParser.plotWords.contains(word.text), word.text != "descent" {
                error(line, word, "'\(word.text)' is a plot line; it belongs in a 'calc plot' block")
                return
            }
            if let request = readRequest(span, line: line, after: nil) { block.requests.append(request) }
        case .exercise:
            if CalcRequest.names.contains(word.text) || word.text == "tangent" {
                error(line, word, "an exercise asks with 'ask': write 'ask \(span.text)'")
            } else {
                error(line, word, "unknown line '\(CalcBlockParser.quoted(word.text))' in an exercise"
                      + CalcSuggestion.hint(for: word.text, among: CalcBlockParser.exerciseWords + CalcRequest.names))
            }
        case .plot:
            error(line, word, "unknown plot line '\(CalcBlockParser.quoted(word.text))'"
                  + CalcSuggestion.hint(for: word.text, among: CalcBlockParser.plotWords))
        }
    }

    mutating func finish(lines: [CalcLine], start: SourceLocation) {
        block.constants = context.constants
        let fence = CalcLine(text: "```calc", line: start.line, column: start.column)
        if block.definitions.isEmpty && lines.allSatisfy({ CalcBlockParser.withoutComment(CalcSpan(text: $0.text, offset: 0)).isEmpty }) {
            diagnostics.append(fence.diagnostic(file, atScalar: 0, length: 7, "empty calc block: define a function and ask for something"))
            return
        }
        switch block.kind {
        case .example:
            if block.requests.isEmpty && diagnostics.isEmpty {
                diagnostics.append(fence.diagnostic(file, atScalar: 0, length: 7,
                    "this calc block has no request (for example 'gradient at (1, 2)')"))
            }
        case .exercise:
            if block.parts.isEmpty && diagnostics.isEmpty {
                diagnostics.append(fence.diagnostic(file, atScalar: 0, length: 7,
                    "this exercise has no 'ask' line"))
            }
        case .plot:
            if block.plot == nil && diagnostics.isEmpty {
                diagnostics.append(fence.diagnostic(file, atScalar: 0, length: 7,
                    "this plot has no 'contour x in [A, B], y in [C, D]' line"))
            }
        }
    }

    // MARK: Definitions

    struct DefinitionParts {
        var name: CalcSpan
        var parameters: [CalcSpan]?
        var body: CalcSpan
    }

    /// `NAME = ...` or `NAME(P, Q) = ...` (not `==`), split into its parts.
    static func definitionParts(_ span: CalcSpan) -> DefinitionParts? {
        let s = Array(span.text.unicodeScalars)
        var i = 0
        guard i < s.count, CalcClauses.isWordStart(s[i]) else { return nil }
        while i < s.count, CalcClauses.isWordPart(s[i]) { i += 1 }
        let name = span.slice(0..<i)
        var parameters: [CalcSpan]?
        var j = i
        while j < s.count, s[j] == " " || s[j] == "\t" { j += 1 }
        if j < s.count, s[j] == "(" {
            guard let close = s[j...].firstIndex(of: ")") else { return nil }
            let inside = span.slice((j + 1)..<close)
            parameters = CalcBlockParser.splitTopLevel(inside, on: ",").map(\.trimmed)
            j = close + 1
            while j < s.count, s[j] == " " || s[j] == "\t" { j += 1 }
        }
        guard j < s.count, s[j] == "=", j + 1 >= s.count || s[j + 1] != "=" else { return nil }
        return DefinitionParts(name: name, parameters: parameters, body: span.slice((j + 1)..<s.count).trimmed)
    }

    mutating func readDefinition(_ parts: DefinitionParts, line: CalcLine) {
        let name = parts.name.text
        let before = diagnostics.count
        defer { if diagnostics.count > before { brokenDefinitions.insert(name) } }
        if let earlier = block.definitions.first(where: { $0.function.name == name }) {
            error(line, parts.name, "'\(name)' is already defined on line \(earlier.line.line)")
            return
        }
        if ExpressionParserNames.reserved.contains(name) {
            error(line, parts.name, "'\(name)' is a built-in name and cannot be redefined")
            return
        }
        guard !parts.body.isEmpty else {
            error(line, parts.body.isEmpty ? parts.name : parts.body, "the definition of '\(name)' has no right-hand side")
            return
        }
        guard let parameters = parts.parameters else {
            // A constant: `a = 3`.
            guard let value = parseExpression(parts.body, line: line, context: context) else { return }
            guard value.symbols.isEmpty else {
                error(line, parts.body, "a constant must be a number; '\(name)' uses \(value.symbols.sorted().joined(separator: ", "))")
                return
            }
            if context.constants[name] != nil {
                error(line, parts.name, "'\(name)' is already defined")
                return
            }
            context.constants[name] = value
            return
        }
        var names: [String] = []
        for p in parameters {
            guard !p.text.isEmpty, p.text.unicodeScalars.allSatisfy(CalcClauses.isWordPart),
                  CalcClauses.isWordStart(p.text.unicodeScalars.first!) else {
                error(line, p.isEmpty ? parts.name : p, "a parameter of '\(name)' must be a variable name, not '\(p.text)'")
                return
            }
            guard !names.contains(p.text) else {
                error(line, p, "the variable '\(p.text)' is listed twice")
                return
            }
            names.append(p.text)
        }
        var local = context
        local.variables = names
        for n in names { local.constants[n] = nil }
        guard let body = parseValue(parts.body, line: line, context: local) else { return }
        if case .matrix = body {
            error(line, parts.body, "a function's value must be a number or a vector, not a matrix")
            return
        }
        let definition = FunctionDefinition(name: name, parameters: names, body: body)
        context.define(definition)
        block.definitions.append(CalcDefinition(function: definition, line: line))
    }

    // MARK: Requests

    /// Reads a request; `word` is the `ask` before it, if any (for positions of errors).
    mutating func readRequest(_ span: CalcSpan, line: CalcLine, after word: CalcSpan?) -> CalcRequestLine? {
        var text = span
        if text.isEmpty {
            error(line, word ?? span, "'ask' needs a request, for example 'ask gradient at (1, 2)'")
            return nil
        }
        var approx = false
        let words = text.text.split(separator: " ")
        if words.last == "approx" {
            approx = true
            text = text.slice(0..<(text.length - "approx".count)).trimmed
        }
        let (head, rest0) = CalcBlockParser.firstWord(text)
        var rest = rest0
        var name = head.text
        switch head.text {
        case "tangent", "definition":
            let (second, after) = CalcBlockParser.firstWord(rest)
            let expected = head.text == "tangent" ? "plane" : "partial"
            guard second.text == expected else {
                error(line, second.isEmpty ? head : second,
                      "expected '\(head.text) \(expected)'" + (second.isEmpty ? "" : ", not '\(head.text) \(second.text)'"))
                return nil
            }
            name = "\(head.text) \(expected)"
            rest = after
        default:
            guard CalcRequest.names.contains(head.text) else {
                var candidates = CalcRequest.names.filter { $0 != "tangent" && $0 != "definition" } + ["tangent plane"]
                if block.kind == .exercise { candidates += ["ask", "answer", "hint"] }
                let guess = CalcSuggestion.nearest(to: head.text, among: candidates + ["tangent", "definition"])
                let shown = guess == "tangent" ? "tangent plane" : guess == "definition" ? "definition partial" : guess
                error(line, head, "unknown request '\(CalcBlockParser.quoted(head.text))'" + (shown.map { " (did you mean '\($0)'?)" } ?? ""))
                return nil
            }
        }
        let keywords: [String: Bool]  // option word -> required
        switch name {
        case "value": keywords = ["at": true]
        case "partials", "partial": keywords = [:]
        case "gradient", "hessian", "clairaut", "jacobian": keywords = ["at": false]
        case "directional": keywords = ["at": true, "toward": true]
        case "steepest", "tangent plane", "linearization", "classify", "check", "definition partial": keywords = ["at": true]
        case "chain": keywords = ["wrt": true]
        case "limit": keywords = ["at": true, "along": true, "as": false]
        case "descent": keywords = ["from": true, "rate": true, "steps": true]
        default: keywords = [:]
        }
        let clauses = CalcClauses(rest, keywords: Set(keywords.keys).union(["of"]))
        var values: [String: CalcSpan] = [:]
        for clause in clauses.clauses {
            if values[clause.keyword] != nil {
                error(line, clause.keywordSpan, "'\(clause.keyword)' is given twice")
                return nil
            }
            if clause.value.isEmpty {
                error(line, clause.keywordSpan, "'\(clause.keyword)' needs a value after it")
                return nil
            }
            values[clause.keyword] = clause.value
        }
        // Misspelled option words: after a value (`(1, 0) towards (1, 1)`) or first (`gradient att (1, 0)`).
        let options = keywords.keys.sorted() + ["approx", "of"]
        // Clauses holding expressions (`along y = 2 x`, `wrt t`) may have words after numbers.
        let valueClauses = values.filter { !["along", "wrt", "as", "of"].contains($0.key) }.values
        for value in valueClauses.sorted(by: { $0.offset < $1.offset }) {
            for stray in CalcClauses.strayWords(in: value) where !isKnownName(stray.text) {
                error(line, stray, "unknown option '\(stray.text)' in '\(name)'" + CalcSuggestion.hint(for: stray.text, among: options))
                return nil
            }
        }
        let leadAllowed = ["partial", "chain", "definition partial"].contains(name)
        if !clauses.lead.isEmpty && !leadAllowed {
            let (first, _) = CalcBlockParser.firstWord(clauses.lead)
            if let near = CalcSuggestion.nearest(to: first.text, among: options) {
                error(line, first, "unknown option '\(first.text)' in '\(name)' (did you mean '\(near)'?)")
            } else if let required = keywords.filter(\.value).keys.sorted().first {
                error(line, clauses.lead, "expected '\(required)' before '\(clauses.lead.text)'")
            } else if keywords.isEmpty {
                error(line, clauses.lead, "'\(name)' takes nothing after it; unexpected '\(clauses.lead.text)'")
            } else {
                error(line, clauses.lead, "unexpected '\(clauses.lead.text)' (write '\(name) at (a, b)')")
            }
            return nil
        }
        for (keyword, required) in keywords.sorted(by: { $0.key < $1.key }) where required && values[keyword] == nil {
            let end = CalcSpan(text: "", offset: text.offset + text.length)
            error(line, text, "'\(name)' needs '\(keyword) ...'" + CalcBlockParser.usage(name).map { ": \($0)" }.orEmpty,
                  at: end.offset > text.offset ? head : end)
            return nil
        }

        // The function.
        let functionName: String
        if let of = values["of"] {
            if brokenDefinitions.contains(of.text) { return nil }
            guard block.function(named: of.text) != nil else {
                error(line, of, "unknown function '\(of.text)'"
                      + CalcSuggestion.hint(for: of.text, among: block.definitions.map(\.function.name)))
                return nil
            }
            functionName = of.text
        } else if let first = block.definitions.first {
            functionName = first.function.name
        } else {
            if anyDefinitionBroken { return nil }
            error(line, head, "no function is defined before '\(name)' (define one first, e.g. 'f(x, y) = x^2 + y^2')")
            return nil
        }
        let function = block.function(named: functionName)!
        let variables = function.parameters
        let shape = "\(functionName)(\(variables.joined(separator: ", ")))"
        let isVector: Bool
        if case .vector = function.body { isVector = true } else { isVector = false }

        // Does the request fit the function?
        if name == "jacobian" && !isVector {
            error(line, head, "'jacobian' needs a vector field, but \(shape) is a scalar field (did you mean 'gradient'?)")
            return nil
        }
        if name != "jacobian" && isVector {
            error(line, head, "'\(name)' needs a scalar field, but \(shape) is a vector field (did you mean 'jacobian'?)")
            return nil
        }
        if name == "tangent plane" && variables.count != 2 {
            error(line, head, "'tangent plane' needs a function of 2 variables, but \(shape) has \(variables.count)"
                  + " (did you mean 'linearization'?)")
            return nil
        }
        if (name == "clairaut" || name == "hessian" || name == "classify") && variables.count < 2 && name == "clairaut" {
            error(line, head, "'clairaut' needs a function of at least 2 variables, but \(shape) has \(variables.count)")
            return nil
        }

        var pointSpan: CalcSpan?
        func point(_ key: String, what: String = "point") -> [Expr]?? {
            guard let span = values[key] else { return .some(nil) }
            pointSpan = pointSpan ?? span
            guard let p = parsePoint(span, line: line, dimension: variables.count, shape: shape, what: what) else { return nil }
            return .some(p)
        }
        func variable(_ span: CalcSpan) -> String? {
            guard variables.contains(span.text) else {
                error(line, span, "'\(span.text)' is not a variable of \(shape)"
                      + CalcSuggestion.hint(for: span.text, among: variables))
                return nil
            }
            return span.text
        }

        let request: CalcRequest
        switch name {
        case "value":
            guard let p = point("at"), let p else { return nil }
            request = .value(at: p)
        case "partials":
            request = .partials
        case "partial":
            let parts = CalcBlockParser.splitTopLevel(clauses.lead, on: ",").map(\.trimmed)
            guard !clauses.lead.isEmpty, (1...2).contains(parts.count) else {
                error(line, clauses.lead.isEmpty ? head : clauses.lead,
                      "'partial' needs one variable ('partial x') or two for a mixed partial ('partial x, y')")
                return nil
            }
            var vs: [String] = []
            for part in parts {
                guard let v = variable(part) else { return nil }
                vs.append(v)
            }
            request = .partial(vs)
        case "gradient":
            guard let p = point("at") else { return nil }
            request = .gradient(at: p)
        case "hessian":
            guard let p = point("at") else { return nil }
            request = .hessian(at: p)
        case "clairaut":
            guard let p = point("at") else { return nil }
            request = .clairaut(at: p)
        case "jacobian":
            guard let p = point("at") else { return nil }
            request = .jacobian(at: p)
        case "directional":
            guard let p = point("at"), let p else { return nil }
            let saved = pointSpan
            guard let v = point("toward", what: "direction"), let v else { return nil }
            pointSpan = saved
            if v.allSatisfy({ ExactEvaluator.sign($0) == 0 }) {
                error(line, values["toward"]!, "the direction \(values["toward"]!.text) is the zero vector; it has no unit vector")
                return nil
            }
            request = .directional(at: p, toward: v)
        case "steepest":
            guard let p = point("at"), let p else { return nil }
            request = .steepest(at: p)
        case "tangent plane":
            guard let p = point("at"), let p else { return nil }
            request = .tangentPlane(at: p)
        case "linearization":
            guard let p = point("at"), let p else { return nil }
            request = .linearization(at: p)
        case "classify":
            guard let p = point("at"), let p else { return nil }
            request = .classify(at: p)
        case "check":
            guard let p = point("at"), let p else { return nil }
            request = .check(at: p)
        case "definition partial":
            guard !clauses.lead.isEmpty else {
                error(line, head, "'definition partial' needs a variable: 'definition partial x at (0, 0)'")
                return nil
            }
            guard let v = variable(clauses.lead) else { return nil }
            guard let p = point("at"), let p else { return nil }
            request = .definitionPartial(v, at: p)
        case "chain":
            guard let r = readChain(lead: clauses.lead, wrt: values["wrt"]!, line: line, variables: variables,
                                    shape: shape, head: head) else { return nil }
            request = r
        case "limit":
            guard let r = readLimit(values, line: line, variables: variables, shape: shape, pointSpan: &pointSpan)
            else { return nil }
            request = r
        case "descent":
            guard let p = point("from", what: "starting point"), let p else { return nil }
            guard let rate = parseNumber(values["rate"]!, line: line) else { return nil }
            guard ExactEvaluator.sign(rate) == 1 else {
                error(line, values["rate"]!, "the rate must be positive, not \(values["rate"]!.text)")
                return nil
            }
            guard let steps = parseCount(values["steps"]!, line: line, range: 1...100_000, what: "the number of steps")
            else { return nil }
            request = .descent(from: p, rate: rate, steps: steps)
        default:
            return nil
        }
        return CalcRequestLine(request: request, functionName: functionName, approx: approx, line: line,
                               span: text, pointSpan: pointSpan)
    }

    /// A one-line reminder of a request's form.
    static func usage(_ name: String) -> String? {
        switch name {
        case "value": return "value at (a, b)"
        case "directional": return "directional at (a, b) toward (u, v)"
        case "steepest", "tangent plane", "linearization", "classify", "check": return "\(name) at (a, b)"
        case "definition partial": return "definition partial x at (a, b)"
        case "chain": return "chain x = EXPR, y = EXPR wrt t"
        case "limit": return "limit at (a, b) along y = EXPR, or along (EXPR, EXPR) as t -> R"
        case "descent": return "descent from (a, b) rate R steps N"
        default: return nil
        }
    }

    mutating func readChain(lead: CalcSpan, wrt: CalcSpan, line: CalcLine, variables: [String], shape: String,
                            head: CalcSpan) -> CalcRequest? {
        let parameter = wrt.text
        guard parameter.unicodeScalars.allSatisfy(CalcClauses.isWordPart), let first = parameter.unicodeScalars.first,
              CalcClauses.isWordStart(first) else {
            error(line, wrt, "'wrt' needs the name of the parameter, such as 't'")
            return nil
        }
        guard !variables.contains(parameter) else {
            error(line, wrt, "the parameter '\(parameter)' is also a variable of \(shape); choose another name")
            return nil
        }
        var local = context
        local.variables = [parameter]
        var substitutions: [ChainSubstitution] = []
        for part in CalcBlockParser.splitTopLevel(lead, on: ",").map(\.trimmed) {
            guard let eq = part.text.unicodeScalars.firstIndex(of: "=") else {
                error(line, part.isEmpty ? head : part, "expected 'VARIABLE = EXPRESSION' in 'chain', such as 'x = cos(t)'")
                return nil
            }
            let k = part.text.unicodeScalars.distance(from: part.text.unicodeScalars.startIndex, to: eq)
            let nameSpan = part.slice(0..<k).trimmed
            let exprSpan = part.slice((k + 1)..<part.length).trimmed
            guard variables.contains(nameSpan.text) else {
                error(line, nameSpan, "'\(nameSpan.text)' is not a variable of \(shape)"
                      + CalcSuggestion.hint(for: nameSpan.text, among: variables))
                return nil
            }
            guard !substitutions.contains(where: { $0.variable == nameSpan.text }) else {
                error(line, nameSpan, "'\(nameSpan.text)' is substituted twice")
                return nil
            }
            guard let e = parseExpression(exprSpan, line: line, context: local) else { return nil }
            substitutions.append(ChainSubstitution(variable: nameSpan.text, expression: e))
        }
        let missing = variables.filter { v in !substitutions.contains { $0.variable == v } }
        guard missing.isEmpty else {
            error(line, lead.isEmpty ? head : lead, "'chain' must substitute every variable of \(shape); missing "
                  + missing.map { "'\($0)'" }.joined(separator: ", "))
            return nil
        }
        substitutions.sort { variables.firstIndex(of: $0.variable)! < variables.firstIndex(of: $1.variable)! }
        return .chain(substitutions, parameter: parameter)
    }

    mutating func readLimit(_ values: [String: CalcSpan], line: CalcLine, variables: [String], shape: String,
                            pointSpan: inout CalcSpan?) -> CalcRequest? {
        let atSpan = values["at"]!
        pointSpan = atSpan
        guard let p = parsePoint(atSpan, line: line, dimension: variables.count, shape: shape, what: "point") else { return nil }
        let along = values["along"]!
        if let asSpan = values["as"] {
            // along (EXPR, EXPR) as t -> R
            let arrow = asSpan.text.range(of: "->")
            guard let arrow else {
                error(line, asSpan, "expected 'as t -> R' (the parameter and the value it tends to)")
                return nil
            }
            let k = asSpan.text.unicodeScalars.distance(from: asSpan.text.unicodeScalars.startIndex,
                                                        to: arrow.lowerBound.samePosition(in: asSpan.text.unicodeScalars)!)
            let parameterSpan = asSpan.slice(0..<k).trimmed
            let valueSpan = asSpan.slice((k + 2)..<asSpan.length).trimmed
            let parameter = parameterSpan.text
            guard !parameter.isEmpty, parameter.unicodeScalars.allSatisfy(CalcClauses.isWordPart) else {
                error(line, parameterSpan.isEmpty ? asSpan : parameterSpan, "expected the path parameter before '->'")
                return nil
            }
            guard let value = parseNumber(valueSpan, line: line) else { return nil }
            var local = context
            local.variables = [parameter]
            local.allowsUndeclaredNames = true
            guard let pathValue = parseValue(along, line: line, context: local) else { return nil }
            guard case .vector(let path) = pathValue else {
                error(line, along, "the path must be a tuple such as (t, t^2), one entry per variable of \(shape)")
                return nil
            }
            guard path.count == variables.count else {
                error(line, along, "the path has \(path.count) components, but \(shape) has \(variables.count) variables")
                return nil
            }
            return .limitAlongPath(at: p, path: path, parameter: parameter, approaches: value)
        }
        guard variables.count == 2 else {
            error(line, along, "'along VARIABLE = EXPR' needs a function of 2 variables; use 'along (EXPR, ...) as t -> R'")
            return nil
        }
        guard let eq = along.text.unicodeScalars.firstIndex(of: "=") else {
            error(line, along, "expected 'along y = EXPR' or 'along (EXPR, EXPR) as t -> R'")
            return nil
        }
        let k = along.text.unicodeScalars.distance(from: along.text.unicodeScalars.startIndex, to: eq)
        let nameSpan = along.slice(0..<k).trimmed
        let curveSpan = along.slice((k + 1)..<along.length).trimmed
        guard variables.contains(nameSpan.text) else {
            error(line, nameSpan, "'\(nameSpan.text)' is not a variable of \(shape)"
                  + CalcSuggestion.hint(for: nameSpan.text, among: variables))
            return nil
        }
        var local = context
        local.variables = variables
        local.allowsUndeclaredNames = true
        guard let curve = parseExpression(curveSpan, line: line, context: local) else { return nil }
        if curve.contains(symbol: nameSpan.text) {
            error(line, curveSpan, "the curve must give \(nameSpan.text) in terms of the other variable")
            return nil
        }
        return .limitAlongCurve(at: p, variable: nameSpan.text, curve: curve)
    }

    // MARK: Answers

    mutating func readAnswer(_ rest: CalcSpan, word: CalcSpan, line: CalcLine) {
        guard answerAllowed, !block.parts.isEmpty else {
            error(line, word, "'answer' must follow the 'ask' line it answers")
            return
        }
        guard !rest.isEmpty else {
            error(line, word, "'answer' needs a value, such as 'answer 8/5' or 'answer (0, 2)'")
            return
        }
        answerAllowed = false
        block.parts[block.parts.count - 1].answer = CalcAnswerLine(text: rest.text, line: line, span: rest)
    }

    // MARK: Values

    /// A point or vector with exactly `dimension` coordinates, all constants.
    mutating func parsePoint(_ span: CalcSpan, line: CalcLine, dimension: Int, shape: String, what: String) -> [Expr]? {
        guard let value = parseValue(span, line: line, context: context) else { return nil }
        let coordinates: [Expr]
        switch value {
        case .vector(let v): coordinates = v
        case .scalar(let e): coordinates = [e]
        case .matrix:
            error(line, span, "expected a \(what) such as (1, 2), not a matrix")
            return nil
        }
        guard coordinates.count == dimension else {
            let plural = coordinates.count == 1 ? "coordinate" : "coordinates"
            error(line, span, "the \(what) \(span.text) has \(coordinates.count) \(plural), but \(shape) takes \(dimension)")
            return nil
        }
        if let free = coordinates.flatMap({ $0.symbols }).sorted().first {
            error(line, span, "a \(what) must be numbers, but it uses '\(free)'")
            return nil
        }
        return coordinates
    }

    mutating func parseNumber(_ span: CalcSpan, line: CalcLine) -> Expr? {
        guard let e = parseExpression(span, line: line, context: context) else { return nil }
        guard e.symbols.isEmpty, ExactEvaluator.approximate(e) != nil else {
            error(line, span, "expected a number, not '\(span.text)'")
            return nil
        }
        return e
    }

    mutating func parseCount(_ span: CalcSpan, line: CalcLine, range: ClosedRange<Int>, what: String) -> Int? {
        guard let n = Int(span.text), range.contains(n) else {
            error(line, span, "\(what) must be a whole number from \(range.lowerBound) to \(range.upperBound), not '\(span.text)'")
            return nil
        }
        return n
    }

    mutating func parseExpression(_ span: CalcSpan, line: CalcLine, context: CalcContext) -> Expr? {
        do {
            return try ExpressionParser.parseExpression(span.text, context: context)
        } catch {
            report(error, in: span, line: line)
            return nil
        }
    }

    mutating func parseValue(_ span: CalcSpan, line: CalcLine, context: CalcContext) -> Value? {
        do {
            return try ExpressionParser.parseValue(span.text, context: context)
        } catch {
            report(error, in: span, line: line)
            return nil
        }
    }

    /// Moves an expression error from its column in `span` to the lesson file.
    mutating func report(_ e: ExpressionSyntaxError, in span: CalcSpan, line: CalcLine) {
        diagnostics.append(line.diagnostic(file, atScalar: span.offset + max(0, e.column - 1), length: e.length, e.message))
    }

    func isKnownName(_ name: String) -> Bool {
        context.constants[name] != nil || context.functions[name] != nil || ExpressionParserNames.reserved.contains(name)
    }

    // MARK: Helpers

    mutating func error(_ line: CalcLine, _ span: CalcSpan, _ message: String, at position: CalcSpan? = nil) {
        let where_ = position ?? span
        diagnostics.append(line.diagnostic(file, atScalar: where_.offset, length: max(1, where_.length), message))
    }

    /// A word as a message quotes it: at most 40 characters, control characters as `?`,
    /// so garbage input gives a readable message.
    static func quoted(_ word: String) -> String {
        let cleaned = String(String.UnicodeScalarView(word.unicodeScalars.map {
            $0.properties.generalCategory == .control || $0.properties.generalCategory == .unassigned ? "?" : $0
        }))
        return cleaned.count > 40 ? String(cleaned.prefix(40)) + "…" : cleaned
    }

    /// The span up to a comment: a line starting with `#`, or ` # ` to the end of the line.
    static func withoutComment(_ span: CalcSpan) -> CalcSpan {
        let trimmed = span.trimmed
        if trimmed.text.hasPrefix("#") { return CalcSpan(text: "", offset: span.offset) }
        let s = Array(span.text.unicodeScalars)
        var i = 1
        while i + 1 < s.count {
            if s[i] == "#", s[i - 1].properties.isWhitespace, s[i + 1].properties.isWhitespace || i + 1 == s.count {
                return span.slice(0..<i)
            }
            i += 1
        }
        if s.count >= 2, s[s.count - 1] == "#", s[s.count - 2].properties.isWhitespace { return span.slice(0..<(s.count - 1)) }
        return span
    }

    /// The first blank-separated word and the rest (trimmed).
    static func firstWord(_ span: CalcSpan) -> (word: CalcSpan, rest: CalcSpan) {
        let s = Array(span.text.unicodeScalars)
        var i = 0
        while i < s.count, !s[i].properties.isWhitespace { i += 1 }
        return (span.slice(0..<i), span.slice(i..<s.count).trimmed)
    }

    /// Pieces separated by `separator` outside parentheses and brackets.
    static func splitTopLevel(_ span: CalcSpan, on separator: Unicode.Scalar) -> [CalcSpan] {
        let s = Array(span.text.unicodeScalars)
        var depth = 0, start = 0
        var out: [CalcSpan] = []
        for (i, c) in s.enumerated() {
            if c == "(" || c == "[" { depth += 1 }
            if c == ")" || c == "]" { depth = max(0, depth - 1) }
            if depth == 0, c == separator {
                out.append(span.slice(start..<i))
                start = i + 1
            }
        }
        out.append(span.slice(start..<s.count))
        return out
    }
}

/// Names the expression language reserves (functions and constants of CALC.md 2.1).
enum ExpressionParserNames {
    static let reserved: Set<String> = [
        "sin", "cos", "tan", "sec", "csc", "cot", "asin", "acos", "atan", "sinh", "cosh", "tanh",
        "exp", "log", "ln", "sqrt", "abs", "sigmoid", "pi", "e", "if", "else", "and", "or",
    ]
}

extension Optional where Wrapped == String {
    var orEmpty: String { self ?? "" }
}
