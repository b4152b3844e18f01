import ArgumentParser
import Courseware
import Foundation

/// `coursegen calc`: try one block from standard input (CALC.md 2.6).
struct Calc: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Evaluate one calc block read from standard input and print its results.")

    @Option(help: "Output format: text, latex or json.")
    var format: String = "text"

    func validate() throws {
        guard CalcSession.Format(rawValue: format) != nil else {
            throw ValidationError("unknown format '\(format)': use text, latex or json")
        }
    }

    func run() throws {
        let data = FileHandle.standardInput.readDataToEndOfFile()
        let outcome = CalcSession.run(String(decoding: data, as: UTF8.self), format: CalcSession.Format(rawValue: format)!)
        FileHandle.standardOutput.write(Data(outcome.output.utf8))
        Diagnostics.report(outcome.diagnostics)
        if !outcome.succeeded { throw ExitCode(1) }
    }
}
