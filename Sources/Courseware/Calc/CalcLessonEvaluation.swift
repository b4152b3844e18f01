import MarkdownSyntax

/// Every calc block of one lesson, evaluated, found again by where its fence starts.
public struct CalcLessonEvaluation: Sendable {
    public var blocks: [SourceLocation: EvaluatedCalcBlock] = [:]
    /// Fence positions in document order.
    public var order: [SourceLocation] = []
    public var diagnostics: [Diagnostic] = []
    /// The lesson file, as diagnostics name it.
    public var file = ""
    /// HTML of blocks found in the cache (not evaluated this time), by fence position.
    var cachedHTML: [SourceLocation: String] = [:]
    /// Keys of cache entries found and used this time, carried into the new output as
    /// they are.
    var reusedKeys: [String] = []
    /// Set when the lesson's page was taken from the previous output, so its blocks were
    /// neither read nor evaluated (`ReusePlan`).
    var skipped = false
    /// Cache keys of the blocks evaluated this time, to store their HTML after the build.
    var freshKeys: [SourceLocation: String] = [:]
    /// Where rendering leaves the HTML of freshly evaluated blocks.
    let sink = CalcFragmentSink()
    /// Every exercise of the lesson in order (evaluated or cached): fence position and label.
    var exercises: [CalcExerciseEntry] = []

    public init() {}

    /// Parses and evaluates the lesson's calc blocks (inside callouts and lists too). A
    /// block with parse errors is not evaluated, so one mistake gives one message.
    public init(_ lesson: Lesson) {
        self.init(lesson, cache: nil, numbers: CourseNumbering.LessonNumbers(), context: "")
    }

    /// Like `init(_:)`, but a block whose HTML is in `cache` is not evaluated again.
    /// `context` is what else the HTML depends on (the course's labels, raw HTML setting).
    init(_ lesson: Lesson, cache: CalcCache?, numbers: CourseNumbering.LessonNumbers, context: String) {
        file = lesson.displayPath
        var all: [CodeBlock] = []
        TreeWalk(visitBlock: { block in
            if case .code(let code) = block, CalcInfo.read(code.info) != nil { all.append(code) }
        }).walk(lesson.document.blocks)
        var codes: [CodeBlock] = []
        for code in all {
            if let (kind, label, problem) = CalcInfo.read(code.info), problem == nil, kind == .exercise {
                exercises.append(CalcExerciseEntry(start: code.range.start, label: label))
            }
            guard let cache else { codes.append(code); continue }
            let key = CalcCache.key(code, file: file, number: numbers.calcBlocks[code.range.start], context: context)
            if let html = cache.read(key) {
                cachedHTML[code.range.start] = html
                reusedKeys.append(key)
            } else {
                freshKeys[code.range.start] = key
                codes.append(code)
            }
        }
        // Blocks are independent of each other: evaluate them on all cores, keep their order.
        let file = lesson.displayPath
        let outcomes = codes.parallelMap { code -> (CodeBlock, EvaluatedCalcBlock?, [Diagnostic]) in
            let (parsed, parseDiagnostics) = CalcBlockParser.parse(code, file: file)
            guard let block = parsed, !parseDiagnostics.contains(where: { $0.severity == .error }) else {
                return (code, nil, parseDiagnostics)
            }
            let (evaluated, evalDiagnostics) = CalcEvaluator.evaluate(block, file: file)
            return (code, evaluated, parseDiagnostics + evalDiagnostics)
        }
        for (code, evaluated, found) in outcomes {
            diagnostics += found
            guard let evaluated else { continue }
            blocks[code.range.start] = evaluated
            order.append(code.range.start)
        }
    }

    /// The HTML of a calc block: from the cache, or rendered now (and kept for the cache).
    func html(for code: CodeBlock, number: String?, context: HTMLRenderContext) -> String? {
        if let cached = cachedHTML[code.range.start] { return cached }
        guard let evaluated = blocks[code.range.start] else { return nil }
        let html = CalcHTMLRenderer(number: number, file: file).render(evaluated, context: context)
        if let key = freshKeys[code.range.start] { sink.store(html, key: key) }
        return html
    }

    /// The cache entries of blocks evaluated now (key -> HTML); the reused ones are `reusedKeys`.
    var cacheEntries: [String: String] { sink.all }

    /// A lesson whose page is reused: nothing is read or evaluated; `keys` are its blocks'
    /// cache keys (from the manifest), whose entries are carried over.
    init(skipping lesson: Lesson, keys: [String]) {
        file = lesson.displayPath
        skipped = true
        reusedKeys = keys
    }

    /// Every block's cache key: the ones evaluated now and the ones reused.
    var allKeys: [String] { reusedKeys + freshKeys.values }

    /// Worked examples, exercises and figures, in document order.
    public var evaluated: [EvaluatedCalcBlock] { order.compactMap { blocks[$0] } }
}

/// An exercise of a lesson, for the list that ends the lesson.
struct CalcExerciseEntry: Sendable {
    var start: SourceLocation
    var label: String?
}
