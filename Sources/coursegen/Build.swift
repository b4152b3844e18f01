import ArgumentParser
import Courseware
import Foundation

/// `coursegen build`: the whole course to a static site in `<output>/site`.
struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the course into a static HTML site.")

    @OptionGroup var course: CourseOptions

    func run() throws {
        let options = BuildOptions(content: course.content, templates: course.templates, output: course.output)
        do {
            let summary = try CourseBuild.build(options)
            Diagnostics.report(summary.warnings)
            let warnings = summary.warnings.count
            print("Built \(summary.lessonCount) lesson\(summary.lessonCount == 1 ? "" : "s") into \(summary.siteDisplayPath)"
                  + (warnings == 0 ? "" : " (\(warnings) warning\(warnings == 1 ? "" : "s"))"))
        } catch {
            Diagnostics.report(error.diagnostics)
            let errors = error.diagnostics.filter { $0.severity == .error }.count
            Diagnostics.printError("build failed with \(errors) error\(errors == 1 ? "" : "s"); \(course.output) was not changed")
            throw ExitCode(1)
        }
    }
}
