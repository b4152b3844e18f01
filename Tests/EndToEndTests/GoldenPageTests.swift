import Foundation
import Testing

/// The pages of the fixture course, byte for byte. `COURSEGEN_RECORD=1` rewrites the golden
/// files and fails, so that a person reviews the difference before committing it.
@Suite struct GoldenPageTests {
    static let goldenFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    @Test(arguments: ["index.html", "limits.html", "gradient.html"])
    func pageMatchesGolden(page: String) throws {
        let fixture = try Fixture(Fixture.goodCourse)
        defer { fixture.remove() }
        let outcome = try CourseGenProcess.build(in: fixture.root)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let actual = try Data(contentsOf: fixture.root.appendingPathComponent("Output/site/" + page))
        let golden = Self.goldenFolder.appendingPathComponent(page)
        if ProcessInfo.processInfo.environment["COURSEGEN_RECORD"] == "1" {
            try FileManager.default.createDirectory(at: Self.goldenFolder, withIntermediateDirectories: true)
            try actual.write(to: golden)
            Issue.record("recorded \(golden.path), review it")
            return
        }
        let expected = try Data(contentsOf: golden)
        #expect(actual == expected, "\(page) differs from \(golden.path); COURSEGEN_RECORD=1 re-records it")
    }
}
