import Testing
@testable import Courseware
import MarkdownSyntax

@Suite struct NumberingTests {
    typealias F = TreeFixtures

    /// Lesson 3: a definition, two theorems (the second inside a list), a proof, a note,
    /// two display equations of which one is labelled, and sections.
    var lessonThree: Lesson {
        F.lesson(3, "gradient", lines: [
            "## Basics {#sec-basics}",                 // 1
            "> [!definition] Gradient {#def-grad}",   // 2
            "> text",                                  // 3
            "> [!theorem] First {#thm-first}",         // 4
            "> text",                                  // 5
            "> [!proof]",                              // 6
            "> text",                                  // 7
            "$$x$$",                                   // 8
            "$$y$$ {#eq-y}",                           // 9
            "### Detail",                              // 10
            "- > [!theorem] Second {#thm-second}",     // 11
            "  > text",                                // 12
            "> [!note]",                               // 13
            "> text",                                  // 14
            "## More",                                 // 15
            "See @thm-second and @eq-y and @def-grad and @sec-basics and @thm-first.", // 16
        ], blocks: [
            .heading(level: 2, [.text("Basics")], label: "sec-basics", F.at(1)),
            F.callout(.definition, label: "def-grad", line: 2),
            F.callout(.theorem, label: "thm-first", line: 4),
            F.callout(.proof, line: 6),
            .displayMath(tex: "x", label: nil, F.at(8)),
            .displayMath(tex: "y", label: "eq-y", F.at(9)),
            .heading(level: 3, [.text("Detail")], label: nil, F.at(10)),
            .list(ListBlock(ordered: false, start: 1, parenDelimiter: false, tight: true,
                            items: [[F.callout(.theorem, label: "thm-second", line: 11)]], range: F.at(11, to: 12))),
            F.callout(.note, line: 13),
            .heading(level: 2, [.text("More")], label: nil, F.at(15)),
            F.paragraph([F.reference("thm-second", line: 16, column: 5), .text(" and "),
                          F.reference("eq-y", line: 16, column: 21), .text(" and "),
                          F.reference("def-grad", line: 16, column: 31), .text(" and "),
                          F.reference("sec-basics", line: 16, column: 45), .text(" and "),
                          F.reference("thm-first", line: 16, column: 61)], line: 16),
        ])
    }

    @Test func numbersPerLessonAndPerKind() {
        let numbering = CourseNumbering(lessons: [lessonThree])
        #expect(numbering.diagnostics.isEmpty)
        let numbers = numbering.lessons[0]
        #expect(numbers.callouts[SourceLocation(line: 2, column: 1)] == "3.1")   // Definition 3.1
        #expect(numbers.callouts[SourceLocation(line: 4, column: 1)] == "3.1")   // Theorem 3.1
        #expect(numbers.callouts[SourceLocation(line: 11, column: 1)] == "3.2")  // Theorem 3.2, inside a list
        #expect(numbers.callouts[SourceLocation(line: 6, column: 1)] == nil)     // proofs are unnumbered
        #expect(numbers.callouts[SourceLocation(line: 13, column: 1)] == nil)    // notes too
        #expect(numbers.equations[SourceLocation(line: 8, column: 1)] == nil)    // unlabelled equation
        #expect(numbers.equations[SourceLocation(line: 9, column: 1)] == "3.1")
        #expect(numbers.sections[SourceLocation(line: 1, column: 1)] == "3.1")
        #expect(numbers.sections[SourceLocation(line: 10, column: 1)] == "3.1.1")
        #expect(numbers.sections[SourceLocation(line: 15, column: 1)] == "3.2")
    }

    @Test(arguments: [
        ("thm-second", "Theorem 3.2", "gradient.html#thm-second"),
        ("thm-first", "Theorem 3.1", "gradient.html#thm-first"),
        ("def-grad", "Definition 3.1", "gradient.html#def-grad"),
        ("eq-y", "Equation (3.1)", "gradient.html#eq-y"),
        ("sec-basics", "Section 3.1", "gradient.html#sec-basics"),
    ])
    func labelsResolveToTextAndLink(label: String, text: String, href: String) {
        let numbering = CourseNumbering(lessons: [lessonThree])
        #expect(numbering.labels[label]?.referenceText == text)
        #expect(numbering.labels[label]?.href == href)
    }

    @Test func labelPositionIsWhereTheLabelIsWritten() {
        let numbering = CourseNumbering(lessons: [lessonThree])
        #expect(numbering.labels["def-grad"]?.location == SourceLocation(line: 2, column: 26))
        #expect(numbering.labels["eq-y"]?.location == SourceLocation(line: 9, column: 7))
        #expect(numbering.labels["thm-second"]?.location == SourceLocation(line: 11, column: 23))
    }

    @Test func referencesAcrossLessons() {
        let first = F.lesson(1, "limits", lines: ["> [!theorem] Squeeze {#thm-squeeze}", "> x"],
                             blocks: [F.callout(.theorem, label: "thm-squeeze", line: 1)])
        let second = F.lesson(2, "continuity", lines: ["By @thm-squeeze."],
                              blocks: [F.paragraph([.text("By "), F.reference("thm-squeeze", line: 1, column: 4)], line: 1)])
        let numbering = CourseNumbering(lessons: [first, second])
        #expect(numbering.diagnostics.isEmpty)
        #expect(numbering.labels["thm-squeeze"]?.lesson == Slug("limits"))
        #expect(numbering.labels["thm-squeeze"]?.referenceText == "Theorem 1.1")
    }

    @Test func duplicateLabelIsAnErrorAtBothPlaces() {
        let first = F.lesson(1, "limits", lines: ["> [!theorem] A {#thm-a}", "> x"],
                             blocks: [F.callout(.theorem, label: "thm-a", line: 1)])
        let second = F.lesson(2, "continuity", lines: ["", "> [!theorem] B {#thm-a}", "> x", "See @thm-a."],
                              blocks: [F.callout(.theorem, label: "thm-a", line: 2),
                                       F.paragraph([F.reference("thm-a", line: 4, column: 5)], line: 4)])
        let errors = CourseNumbering(lessons: [first, second]).diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 2)
        #expect(errors.map(\.file).sorted() == ["Content/01-limits.md", "Content/02-continuity.md"])
        let inFirst = errors.first { $0.file == "Content/01-limits.md" }
        #expect(inFirst?.location == SourceLocation(line: 1, column: 16))
        #expect(inFirst?.message == "duplicate label 'thm-a' (also defined at Content/02-continuity.md:2:16)")
        #expect(inFirst?.sourceLine == "> [!theorem] A {#thm-a}")
    }

    @Test func unknownReferenceIsAnErrorWithASuggestion() {
        var lesson = lessonThree
        lesson.document.blocks.append(F.paragraph([F.reference("thm-secnod", line: 16, column: 5)], line: 16))
        let errors = CourseNumbering(lessons: [lesson]).diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 1)
        #expect(errors[0].message == "unknown reference '@thm-secnod' (did you mean '@thm-second'?)")
        #expect(errors[0].location == SourceLocation(line: 16, column: 5))
        #expect(errors[0].length == "@thm-secnod".utf8.count)
    }

    @Test func unknownReferenceWithoutNearLabel() {
        let lesson = F.lesson(1, "a", lines: ["@fig-nothing"],
                              blocks: [F.paragraph([F.reference("fig-nothing", line: 1, column: 1)], line: 1)])
        let diagnostics = CourseNumbering(lessons: [lesson]).diagnostics
        #expect(diagnostics.map(\.message) == ["unknown reference '@fig-nothing'"])
    }

    @Test func unusedLabelIsAWarning() {
        let lesson = F.lesson(1, "a", lines: ["> [!lemma] L {#lem-unused}", "> x"],
                              blocks: [F.callout(.lemma, label: "lem-unused", line: 1)])
        let diagnostics = CourseNumbering(lessons: [lesson]).diagnostics
        #expect(diagnostics.count == 1)
        #expect(diagnostics[0].severity == .warning)
        #expect(diagnostics[0].message == "label 'lem-unused' is never referenced")
        #expect(diagnostics[0].location == SourceLocation(line: 1, column: 14))
    }

    @Test func labelWithTheWrongPrefixIsAnError() {
        let lesson = F.lesson(1, "a", lines: ["> [!theorem] T {#lem-x}", "> x"],
                              blocks: [F.callout(.theorem, label: "lem-x", line: 1)])
        let numbering = CourseNumbering(lessons: [lesson])
        #expect(numbering.diagnostics.map(\.message) == ["the label of a theorem must start with 'thm-' (found 'lem-x')"])
        #expect(numbering.labels.isEmpty)
    }

    @Test func labelOnAProofOrADeepHeadingIsAnError() {
        let lesson = F.lesson(1, "a", lines: ["> [!proof] {#thm-p}", "> x", "#### Deep {#sec-deep}"],
                              blocks: [F.callout(.proof, label: "thm-p", line: 1),
                                       .heading(level: 4, [.text("Deep")], label: "sec-deep", F.at(3))])
        let messages = CourseNumbering(lessons: [lesson]).diagnostics.map(\.message)
        #expect(messages == ["a proof is not numbered, so it cannot carry a label",
                             "only ## and ### headings are numbered sections, so only they can carry a label"])
    }

    @Test func editDistance() {
        #expect(CourseNumbering.editDistance("", "abc") == 3)
        #expect(CourseNumbering.editDistance("abc", "abc") == 0)
        #expect(CourseNumbering.editDistance("thm-secnod", "thm-second") == 2)
        #expect(CourseNumbering.closest(to: "xyz", among: ["thm-a"]) == nil)
        #expect(CourseNumbering.closest(to: "a", among: ["c"]) == nil)
        #expect(CourseNumbering.closest(to: "onee", among: ["one", "two"]) == "one")
    }
}
