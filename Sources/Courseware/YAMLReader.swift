import MarkdownSyntax
import Yams

/// Reads a YAML mapping (course.yml or a lesson's front matter) into typed values, turning
/// every problem into a diagnostic at its place in the file.
struct YAMLReader {
    let source: SourceFile
    /// File line of the first line of the YAML text.
    let firstLine: Int
    private(set) var diagnostics: [Diagnostic] = []

    init(source: SourceFile, firstLine: Int) {
        self.source = source; self.firstLine = firstLine
    }

    /// Parses `yaml` into its key/value pairs in written order; nil (with a diagnostic)
    /// when it is not valid YAML or not a mapping. Empty YAML is an empty mapping.
    mutating func mapping(_ yaml: String) -> [(key: String, keyNode: Node, value: Node)]? {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            diagnostics.append(diagnostic(for: error, yaml: yaml))
            return nil
        } catch {
            diagnostics.append(self.error(at: Node?.none, "cannot read YAML: \(error)"))
            return nil
        }
        guard let root else { return [] }
        guard case .mapping(let map) = root else {
            diagnostics.append(self.error(at: root, "expected a mapping of 'key: value' lines"))
            return nil
        }
        var pairs: [(key: String, keyNode: Node, value: Node)] = []
        var seen: Set<String> = []
        for (key, value) in map {
            guard case .scalar(let scalar) = key else {
                diagnostics.append(error(at: key, "a key must be a plain name"))
                continue
            }
            if !seen.insert(scalar.string).inserted {
                diagnostics.append(error(at: key, "duplicate key '\(scalar.string)'"))
                continue
            }
            pairs.append((scalar.string, key, value))
        }
        return pairs
    }

    /// A scalar's text; a diagnostic when the node is a list or mapping.
    mutating func string(_ node: Node, key: String) -> String? {
        guard case .scalar(let scalar) = node else {
            diagnostics.append(error(at: node, "'\(key)' must be text"))
            return nil
        }
        return scalar.string
    }

    /// A boolean (`true`/`false`, `yes`/`no`).
    mutating func bool(_ node: Node, key: String) -> Bool? {
        guard let value = node.bool, case .scalar = node else {
            diagnostics.append(error(at: node, "'\(key)' must be true or false"))
            return nil
        }
        return value
    }

    /// A list of texts, each with its file position; a single text counts as a list of one.
    mutating func strings(_ node: Node, key: String) -> [(String, SourceLocation)]? {
        switch node {
        case .scalar(let scalar):
            return [(scalar.string, location(of: node))]
        case .sequence(let sequence):
            var items: [(String, SourceLocation)] = []
            for item in sequence {
                guard case .scalar(let scalar) = item else {
                    diagnostics.append(error(at: item, "every entry of '\(key)' must be text"))
                    continue
                }
                items.append((scalar.string, location(of: item)))
            }
            return items
        case .mapping, .alias:
            diagnostics.append(error(at: node, "'\(key)' must be a list"))
            return nil
        }
    }

    /// The file position of a node (the first YAML line when the node has none).
    func location(of node: Node?) -> SourceLocation {
        guard let mark = node?.mark else { return SourceLocation(line: firstLine, column: 1) }
        return location(of: mark)
    }

    func location(of mark: Mark) -> SourceLocation {
        let line = firstLine + max(mark.line, 1) - 1
        return SourceLocation(line: line, column: source.byteColumn(line: line, scalarColumn: max(mark.column, 1)))
    }

    func error(at node: Node?, _ message: String) -> Diagnostic {
        let length: Int
        if case .scalar(let scalar)? = node, !scalar.string.isEmpty { length = scalar.string.utf8.count } else { length = 1 }
        return source.diagnostic(.error, at: location(of: node), length: length, message)
    }

    mutating func warning(at node: Node?, _ message: String) {
        diagnostics.append(source.diagnostic(.warning, at: location(of: node), message))
    }

    mutating func report(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }

    private func diagnostic(for error: YamlError, yaml: String) -> Diagnostic {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            var message = "invalid YAML: \(problem)"
            if let context {
                // libyaml's context says what was open ("while scanning a quoted scalar") and where.
                message += " \(context.text) that starts at line \(location(of: context.mark).line)"
            }
            return source.diagnostic(.error, at: location(of: mark), message)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let message = "duplicate key '\(duplicates.joined(separator: "', '"))'"
            // libyaml marks the whole mapping; the second `key:` line is what to show.
            if let key = duplicates.first, let line = YAMLReader.secondLine(startingWith: key, in: yaml) {
                let fileLine = firstLine + line - 1
                let indent = source.line(fileLine).utf8.prefix { $0 == UInt8(ascii: " ") }.count
                return source.diagnostic(.error, at: SourceLocation(line: fileLine, column: indent + 1),
                                         length: key.utf8.count, message)
            }
            return source.diagnostic(.error, at: location(of: context.mark), message)
        case .reader(let problem, _, _, _):
            return source.diagnostic(.error, at: SourceLocation(line: firstLine, column: 1), "invalid YAML: \(problem)")
        case .no, .memory, .writer, .emitter, .representer, .dataCouldNotBeDecoded:
            return source.diagnostic(.error, at: SourceLocation(line: firstLine, column: 1), "invalid YAML: \(error)")
        }
    }

    /// The 1-based line of the second `key:` line of a YAML text.
    static func secondLine(startingWith key: String, in yaml: String) -> Int? {
        var seen = 0
        for (index, line) in yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.drop { $0 == " " }
            guard trimmed.hasPrefix(key) else { continue }
            let rest = trimmed.dropFirst(key.count).drop { $0 == " " }
            if rest.hasPrefix(":") {
                seen += 1
                if seen == 2 { return index + 1 }
            }
        }
        return nil
    }
}
