import Testing
@testable import Courseware
import MarkdownSyntax

@Suite struct CourseConfigTests {
    func read(_ text: String) -> (CourseConfig, [Diagnostic]) {
        CourseConfig.read(SourceFile(displayPath: "Content/course.yml", text: text))
    }

    @Test func emptyFileGivesDefaults() {
        let (config, diagnostics) = read("")
        #expect(diagnostics.isEmpty)
        #expect(config == CourseConfig())
        #expect(config.title == "Untitled course")
        #expect(config.allowHTML == false)
        #expect(config.lessonOrder == nil)
    }

    @Test func readsEveryKey() {
        let (config, diagnostics) = read("""
            title: Vector Calculus
            author: A. Author
            allow_html: true
            language: de
            lessons:
              - limits
              - gradient
            """)
        #expect(diagnostics.isEmpty)
        #expect(config.title == "Vector Calculus")
        #expect(config.author == "A. Author")
        #expect(config.allowHTML)
        #expect(config.language == "de")
        #expect(config.lessonOrder?.map(\.slug) == ["limits", "gradient"])
        #expect(config.lessonOrder?.map(\.location) == [SourceLocation(line: 6, column: 5), SourceLocation(line: 7, column: 5)])
    }

    @Test func unknownKeyIsAWarningAtTheKey() {
        let (_, diagnostics) = read("title: T\ntitel: U\n")
        #expect(diagnostics.count == 1)
        #expect(diagnostics[0].severity == .warning)
        #expect(diagnostics[0].location == SourceLocation(line: 2, column: 1))
        #expect(diagnostics[0].message.contains("unknown key 'titel'"))
    }

    @Test func wrongTypeIsAnErrorAtTheValue() {
        let (config, diagnostics) = read("allow_html: sometimes\n")
        #expect(config.allowHTML == false)
        #expect(diagnostics.map(\.severity) == [.error])
        #expect(diagnostics[0].location == SourceLocation(line: 1, column: 13))
        #expect(diagnostics[0].length == "sometimes".count)
    }

    @Test func syntaxErrorIsReportedAtItsLine() {
        let (_, diagnostics) = read("title: T\nlessons: [a, b\nauthor: x\n")
        #expect(diagnostics.count == 1)
        #expect(diagnostics[0].severity == .error)
        #expect(diagnostics[0].message.hasPrefix("invalid YAML"))
        #expect(diagnostics[0].location == SourceLocation(line: 3, column: 7))
        #expect(diagnostics[0].file == "Content/course.yml")
    }

    @Test func notAMappingIsAnError() {
        let (_, diagnostics) = read("- a\n- b\n")
        #expect(diagnostics.map(\.message) == ["expected a mapping of 'key: value' lines"])
    }

    @Test func duplicateKeyIsAnError() {
        let (_, diagnostics) = read("title: A\ntitle: B\n")
        #expect(diagnostics.count == 1)
        #expect(diagnostics[0].message.contains("duplicate key"))
        #expect(diagnostics[0].location == SourceLocation(line: 2, column: 1))
    }
}
