import ArgumentParser

/// The folders every subcommand that reads a course shares.
struct CourseOptions: ParsableArguments {
    @Option(help: "The folder holding course.yml and the lessons.")
    var content: String = "Content"

    @Option(help: "The folder holding html/*.mustache and assets/.")
    var templates: String = "Templates"

    @Option(help: "The folder the build replaces (the site goes to <output>/site).")
    var output: String = "Output"

    func validate() throws {
        for (name, value) in [("--content", content), ("--templates", templates), ("--output", output)] where value.isEmpty {
            throw ValidationError("\(name) needs a folder")
        }
    }
}
