import ArgumentParser
import Courseware
import Foundation

/// `coursegen check`: parse, evaluate and verify the whole course without writing anything.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Parse, evaluate and verify every lesson without writing output.")

    @Option(help: "The folder holding course.yml and the lessons.")
    var content: String = "Content"

    func run() throws {
        let summary = CourseCheck.run(content: content)
        Diagnostics.report(summary.diagnostics)
        if summary.failed {
            let errors = summary.diagnostics.filter { $0.severity == .error }.count
            Diagnostics.printError("check failed with \(errors) error\(errors == 1 ? "" : "s")")
            throw ExitCode(1)
        }
        print(summary.line)
    }
}
