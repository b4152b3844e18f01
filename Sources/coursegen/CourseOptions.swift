import ArgumentParser

/// The folders every subcommand that reads a course shares.
struct CourseOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The folder holding course.yml and the lessons.", valueName: "dir"))
    var content: String = "Content"

    @Option(help: ArgumentHelp("The folder holding html/*.mustache and assets/.", valueName: "dir"))
    var templates: String = "Templates"

    @Option(help: ArgumentHelp("The folder the build replaces (the site goes to <dir>/site).", valueName: "dir"))
    var output: String = "Output"

    func validate() throws {
        for (name, value) in [("--content", content), ("--templates", templates), ("--output", output)] where value.isEmpty {
            throw ValidationError("\(name) needs a folder")
        }
    }
}
