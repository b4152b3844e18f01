import Courseware
import Foundation
import MarkdownSyntax

/// Writes diagnostics to standard error, as CALC.md section 4 shows them.
enum Diagnostics {
    static func report(_ diagnostics: [Diagnostic]) {
        guard !diagnostics.isEmpty else { return }
        printError(DiagnosticFormatter.format(diagnostics), terminator: "")
    }

    static func printError(_ text: String, terminator: String = "\n") {
        FileHandle.standardError.write(Data((text + terminator).utf8))
    }
}
