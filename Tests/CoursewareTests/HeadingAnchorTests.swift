import Testing
@testable import Courseware
import MarkdownSyntax

@Suite struct HeadingAnchorTests {
    @Test(arguments: [
        ("Level sets", "level-sets"),
        ("  The Gradient!  ", "the-gradient"),
        ("f(x, y) = x^2", "f-x-y-x-2"),
        ("Ableitung über alles", "ableitung-ber-alles"),
        ("∇f", "f"),
        ("∎", "section"),
        ("3D plots", "3d-plots"),
    ])
    func slugify(text: String, expected: String) {
        #expect(HeadingAnchors.slugify(text) == expected)
    }

    @Test func idsAreUniqueAndAvoidLabels() {
        let F = TreeFixtures.self
        let anchors = HeadingAnchors(blocks: [
            .heading(level: 2, [.text("Examples")], label: nil, F.at(1)),
            .heading(level: 2, [.text("Examples")], label: nil, F.at(2)),
            .heading(level: 2, [.text("Main")], label: nil, F.at(3)),
            .heading(level: 2, [.text("Thm"), .text(" x")], label: nil, F.at(4)),
            F.callout(.theorem, label: "thm-x", line: 5),
            .heading(level: 3, [.text("Labelled")], label: "sec-l", F.at(7)),
        ])
        #expect(anchors.headings.map(\.id) == ["examples", "examples-2", "main-2", "thm-x-2", "sec-l"])
    }
}
