import Foundation
import MarkdownSyntax

/// What `coursegen check` counted.
public struct CourseCheckSummary: Sendable, Equatable {
    public var lessons = 0
    public var examples = 0
    public var exercises = 0
    public var figures = 0
    /// Request results whose derivatives all verified.
    public var resultsVerified = 0
    /// Author answers that agreed with the computed result.
    public var answersChecked = 0
    public var diagnostics: [Diagnostic] = []

    public var failed: Bool { diagnostics.contains { $0.severity == .error } }

    /// `Checked 3 lessons: 4 examples, 2 exercises, 1 figure; 9 results verified, 2 answers checked.`
    public var line: String {
        func count(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        return "Checked \(count(lessons, "lesson")): \(count(examples, "example")), \(count(exercises, "exercise")), "
            + "\(count(figures, "figure")); \(count(resultsVerified, "result")) verified, \(count(answersChecked, "answer")) checked"
    }
}

/// `coursegen check`: load, parse, number, evaluate and verify every lesson, writing nothing.
public enum CourseCheck {
    public static func run(content: String) -> CourseCheckSummary {
        var summary = CourseCheckSummary()
        let options = BuildOptions(content: content)
        let course = Course.read(folder: options.content, displayPath: options.contentDisplay)
        summary.diagnostics += course.diagnostics
        if course.failedStep == .load { return summary }
        let lessons = course.lessons
        let files = course.files
        let evaluations = lessons.parallelMap { CalcLessonEvaluation($0) }
        summary.lessons = lessons.count
        for evaluation in evaluations {
            summary.diagnostics += evaluation.diagnostics
            for block in evaluation.evaluated {
                switch block.block.kind {
                case .example: summary.examples += 1
                case .exercise: summary.exercises += 1
                case .plot: if block.figure != nil { summary.figures += 1 }
                }
                summary.resultsVerified += block.results.filter(\.verified).count
                summary.answersChecked += block.answersChecked
            }
        }
        summary.diagnostics = CourseBuild.sorted(summary.diagnostics, files)
        return summary
    }
}
