import Foundation

/// The sample course of `Content/` built once into a temporary folder by the built binary,
/// shared by the browser and validator tests.
enum SampleSite {
    struct Built: Sendable {
        let output: URL
        var site: URL { output.appendingPathComponent("site") }

        /// Every HTML page of the site, sorted.
        var pages: [URL] {
            ((try? FileManager.default.contentsOfDirectory(atPath: site.path)) ?? [])
                .filter { $0.hasSuffix(".html") }.sorted().map { site.appendingPathComponent($0) }
        }
    }

    static func build() throws -> Built {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("coursegen-sample-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let package = CourseGenProcess.packageRoot
        let outcome = try CourseGenProcess.run(
            ["build", "--content", package.appendingPathComponent("Content").path,
             "--templates", package.appendingPathComponent("Templates").path,
             "--output", root.appendingPathComponent("Output").path], in: root)
        guard outcome.status == 0 else {
            throw BuildError(message: "building the sample course failed:\n\(outcome.stderr)")
        }
        return Built(output: root.appendingPathComponent("Output"))
    }

    struct BuildError: Error, CustomStringConvertible { var message: String; var description: String { message } }

    /// Where test artifacts of this suite go (git-ignored).
    static var artifacts: URL {
        let folder = CourseGenProcess.packageRoot.appendingPathComponent("TestArtifacts/site")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }
}
