import Foundation
import Testing

/// The sample course in `Content/` passes `coursegen check`: every worked example, answer
/// and figure evaluates and verifies, with no warning.
struct SampleCourseCheckTests {
    @Test func sampleCoursePassesCheckWithoutWarnings() throws {
        let root = CourseGenProcess.packageRoot
        let outcome = try CourseGenProcess.run(["check", "--content", root.appendingPathComponent("Content").path], in: root)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(!outcome.stderr.contains("warning:"), "\(outcome.stderr)")
        let lessons = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("Content").path)
            .filter { $0.hasSuffix(".md") }
        #expect(lessons.count == 10)
        #expect(outcome.stdout.contains("Checked \(lessons.count) lessons"), "\(outcome.stdout)")
        // Issue 7's floor: at least 60 exercises in the course.
        let exercises = try #require(outcome.stdout.firstMatch(of: /(\d+) exercises/)).1
        #expect(Int(exercises)! >= 60, "\(outcome.stdout)")
    }
}
