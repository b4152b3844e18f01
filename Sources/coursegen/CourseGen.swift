import ArgumentParser

/// The `coursegen` command: a thin layer over the Courseware library.
@main
struct CourseGen: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coursegen",
        abstract: "Turns Markdown lessons with math into verified courseware.",
        subcommands: [Build.self, Calc.self, Check.self])
}
