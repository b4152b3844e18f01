import Foundation
import Testing
@testable import Plotting

/// Byte-for-byte golden files for the SVG and TikZ of each fixture.
///
/// `COURSEGEN_RECORD=1 swift test --filter SceneGolden` rewrites them and fails with
/// "recorded, review it", so a person looks at the change before committing it.
@Suite struct SceneGoldenTests {
    @Test(arguments: SceneFixture.all)
    func svgMatchesGolden(_ fixture: SceneFixture) throws {
        let svg = SVGWriter().write(try fixture.scene())
        try compareGolden(svg, file: "\(fixture.name).svg")
    }

    @Test(arguments: SceneFixture.all)
    func tikzMatchesGolden(_ fixture: SceneFixture) throws {
        let tikz = TikZWriter().write(try fixture.scene())
        try compareGolden(tikz, file: "\(fixture.name).tikz")
    }

    private func compareGolden(_ actual: String, file: String) throws {
        let url = PackagePaths.golden.appendingPathComponent(file)
        if ProcessInfo.processInfo.environment["COURSEGEN_RECORD"] == "1" {
            try FileManager.default.createDirectory(at: PackagePaths.golden, withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url)
            Issue.record("recorded \(file), review it")
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("missing golden file \(file); run with COURSEGEN_RECORD=1 to record it")
            return
        }
        if expected != actual {
            let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let b = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let line = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
            Issue.record("\(file) differs from its golden file at line \(line + 1)")
        }
    }
}
