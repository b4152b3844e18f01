import MarkdownSyntax

/// The number step: numbers every callout, labelled equation and section of each lesson,
/// collects the labels of the whole course, and checks every `@reference` against them.
///
/// Numbers are per lesson and per kind: the second theorem of lesson 3 is Theorem 3.2,
/// the first labelled equation of lesson 3 is (3.1), the first `##` section of lesson 2
/// is 2.1 and its first `###` is 2.1.1. Items are found again by where they start, so the
/// renderer needs no traversal order of its own.
public struct CourseNumbering: Sendable {
    /// Per lesson, in course order.
    public var lessons: [LessonNumbers]
    /// Every label of the course.
    public var labels: [String: LabelTarget]
    /// Errors (duplicate or misplaced labels, unknown references) and warnings (unused labels).
    public var diagnostics: [Diagnostic]

    /// The numbers of one lesson's items, keyed by where each item starts.
    public struct LessonNumbers: Sendable {
        public var callouts: [SourceLocation: String] = [:]
        public var equations: [SourceLocation: String] = [:]
        public var sections: [SourceLocation: String] = [:]
        /// Exercises and figures from calc blocks, by where their fence starts.
        public var calcBlocks: [SourceLocation: String] = [:]
    }

    /// What one lesson contributes, found in one walk of its tree (lessons are walked in
    /// parallel): its numbers, its labels, the problems with them, and its references.
    struct LessonScan: Sendable {
        var numbers = LessonNumbers()
        var targets: [LabelTarget] = []
        var diagnostics: [Diagnostic] = []
        var references: [(label: String, location: SourceLocation)] = []
    }

    public init(lessons: [Lesson]) {
        let scans = lessons.parallelMap(CourseNumbering.scan)
        let numbers = scans.map(\.numbers)
        var occurrences: [String: [LabelTarget]] = [:]
        var diagnostics: [Diagnostic] = []
        for scan in scans {
            for target in scan.targets { occurrences[target.label, default: []].append(target) }
            diagnostics += scan.diagnostics
        }

        var labels: [String: LabelTarget] = [:]
        for (label, places) in occurrences.sorted(by: { $0.key < $1.key }) {
            labels[label] = places[0]
            guard places.count > 1 else { continue }
            for (index, place) in places.enumerated() {
                let others = places.enumerated().filter { $0.offset != index }
                    .map { "\($0.element.file):\($0.element.location)" }.joined(separator: ", ")
                diagnostics.append(Diagnostic(.error, file: place.file, location: place.location,
                    length: label.utf8.count + 3,
                    message: "duplicate label '\(label)' (also defined at \(others))",
                    sourceLine: lessons.first { $0.slug == place.lesson }?.source.line(place.location.line) ?? ""))
            }
        }

        var used: Set<String> = []
        for (lesson, scan) in zip(lessons, scans) {
            for (label, location) in scan.references {
                if labels[label] != nil {
                    used.insert(label)
                } else {
                    var message = "unknown reference '@\(label)'"
                    if let suggestion = CourseNumbering.closest(to: label, among: labels.keys) {
                        message += " (did you mean '@\(suggestion)'?)"
                    }
                    diagnostics.append(lesson.source.diagnostic(.error, at: location,
                        length: label.utf8.count + 1, message))
                }
            }
        }
        for target in labels.values.sorted(by: { ($0.file, $0.location) < ($1.file, $1.location) })
        where !used.contains(target.label) && target.kind.warnsWhenUnused {
            diagnostics.append(Diagnostic(.warning, file: target.file, location: target.location,
                length: target.label.utf8.count + 3,
                message: "label '\(target.label)' is never referenced",
                sourceLine: lessons.first { $0.slug == target.lesson }?.source.line(target.location.line) ?? ""))
        }

        self.lessons = numbers
        self.labels = labels
        self.diagnostics = diagnostics
    }

    /// Errors unless the label's prefix is the one for `kind`.
    private static func checkPrefix(_ label: String, kind: LabelKind, at location: SourceLocation,
                                    source: SourceFile, into diagnostics: inout [Diagnostic]) -> Bool {
        if label.hasPrefix(kind.prefix + "-"), label.utf8.count > kind.prefix.utf8.count + 1 { return true }
        diagnostics.append(source.diagnostic(.error, at: location, length: label.utf8.count + 3,
            "the label of a \(kind.rawValue) must start with '\(kind.prefix)-' (found '\(label)')"))
        return false
    }

    /// Where `{#label}` is written inside `range` (the caret goes on its `{`); the start of
    /// the range when it cannot be found.
    static func labelLocation(_ label: String, in range: SourceRange, source: SourceFile) -> SourceLocation {
        let needle = Array("{#\(label)".utf8)
        for line in range.start.line...max(range.start.line, range.end.line) {
            let bytes = Array(source.line(line).utf8)
            guard bytes.count >= needle.count else { continue }
            for start in 0...(bytes.count - needle.count) where bytes[start..<(start + needle.count)].elementsEqual(needle) {
                let after = start + needle.count
                if after == bytes.count || bytes[after] == UInt8(ascii: "}") {
                    return SourceLocation(line: line, column: start + 1)
                }
            }
        }
        return range.start
    }

    /// The known label nearest to a misspelt one, when it is close enough to be a typo.
    static func closest(to label: String, among candidates: some Sequence<String>) -> String? {
        let limit = max(1, label.count / 3)
        var best: (distance: Int, label: String)?
        for candidate in candidates {
            let distance = editDistance(label, candidate)
            // A suggestion must keep most of what was written ('a' is no typo of 'c').
            guard distance <= limit, distance < max(label.count, candidate.count) else { continue }
            if best == nil || (distance, candidate) < (best!.distance, best!.label) { best = (distance, candidate) }
        }
        return best?.label
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.utf8), b = Array(b.utf8)
        if a.isEmpty { return b.count }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// Numbers one lesson's items and collects its labels and references.
    static func scan(_ lesson: Lesson) -> LessonScan {
        var scan = LessonScan()
        var counters: [LabelKind: Int] = [:]
        var section = 0, subsection = 0
        func next(_ kind: LabelKind) -> String {
            counters[kind, default: 0] += 1
            return "\(lesson.number).\(counters[kind]!)"
        }
        func record(_ label: String, _ kind: LabelKind, _ number: String, _ range: SourceRange) {
            let location = CourseNumbering.labelLocation(label, in: range, source: lesson.source)
            guard CourseNumbering.checkPrefix(label, kind: kind, at: location, source: lesson.source, into: &scan.diagnostics) else { return }
            scan.targets.append(LabelTarget(label: label, kind: kind, number: number, lesson: lesson.slug,
                                            file: lesson.displayPath, location: location))
        }
        TreeWalk(visitBlock: { block in
            switch block {
            case .callout(let callout):
                if let kind = LabelKind(callout.kind) {
                    let number = next(kind)
                    scan.numbers.callouts[callout.range.start] = number
                    if let label = callout.label { record(label, kind, number, callout.range) }
                } else if let label = callout.label {
                    let location = CourseNumbering.labelLocation(label, in: callout.range, source: lesson.source)
                    scan.diagnostics.append(lesson.source.diagnostic(.error, at: location, length: label.utf8.count + 3,
                        "a \(callout.kind.rawValue) is not numbered, so it cannot carry a label"))
                }
            case .displayMath(_, let label, let range):
                if let label {
                    let number = next(.equation)
                    scan.numbers.equations[range.start] = number
                    record(label, .equation, number, range)
                }
            case .heading(let level, _, let label, let range):
                var number: String?
                if level == 2 {
                    section += 1; subsection = 0
                    number = "\(lesson.number).\(section)"
                } else if level == 3 {
                    subsection += 1
                    number = "\(lesson.number).\(section).\(subsection)"
                }
                if let number { scan.numbers.sections[range.start] = number }
                if let label {
                    if let number {
                        record(label, .section, number, range)
                    } else {
                        let location = CourseNumbering.labelLocation(label, in: range, source: lesson.source)
                        scan.diagnostics.append(lesson.source.diagnostic(.error, at: location, length: label.utf8.count + 3,
                            "only ## and ### headings are numbered sections, so only they can carry a label"))
                    }
                }
            case .code(let code):
                // Calc exercises and figures are numbered like callouts (CALC.md 2).
                if let (kind, label) = CalcInfo.numbered(code.info) {
                    let number = next(kind)
                    scan.numbers.calcBlocks[code.range.start] = number
                    if let label { record(label, kind, number, code.range) }
                }
                // Captions and hints of calc blocks are Markdown too, with references.
                if CalcInfo.read(code.info) != nil {
                    for (label, location) in CourseNumbering.calcTextReferences(code, file: lesson.displayPath) {
                        scan.references.append((label, location))
                    }
                }
            case .paragraph, .blockQuote, .list, .html, .thematicBreak:
                break
            }
        }, visitInline: { inline in
            guard case .reference(let label, let range) = inline else { return }
            scan.references.append((label, range.start))
        }).walk(lesson.document.blocks)
        return scan
    }

    /// The references in a calc block's Markdown lines (`caption`, `hint`), with their
    /// positions in the lesson file.
    static func calcTextReferences(_ code: CodeBlock, file: String) -> [(String, SourceLocation)] {
        var found: [(String, SourceLocation)] = []
        for line in code.lines where line.text.utf8.contains(UInt8(ascii: "@")) {
            let span = CalcBlockParser.withoutComment(CalcSpan(text: line.text, offset: 0)).trimmed
            let (word, rest) = CalcBlockParser.firstWord(span)
            guard word.text == "caption" || word.text == "hint", !rest.text.isEmpty else { continue }
            let byteOffset = String(String.UnicodeScalarView(line.text.unicodeScalars.prefix(rest.offset))).utf8.count
            TreeWalk(visitInline: { inline in
                guard case .reference(let label, let range) = inline, range.start.line == 1 else { return }
                found.append((label, SourceLocation(line: line.line, column: line.column + byteOffset + range.start.column - 1)))
            }).walk(MarkdownParser.parse(rest.text, file: file).blocks)
        }
        return found
    }
}
