import Testing
@testable import Courseware

@Suite struct SlugTests {
    @Test(arguments: [
        ("03-directional-derivatives.md", "directional-derivatives"),
        ("1-intro.md", "intro"),
        ("intro.md", "intro"),
        ("007-a.md", "a"),
        ("2024.md", "2024"),
        ("12-3d-plots.md", "3d-plots"),
        ("01_intro.md", "01_intro"),
        ("03-Directional.md", "Directional"),
    ])
    func candidateDropsPrefixAndExtension(file: String, expected: String) {
        #expect(Slug.candidate(fromFileName: file) == expected)
    }

    @Test(arguments: ["a", "level-sets", "3d-plots", "a-b-c-1"])
    func validSlugs(text: String) {
        #expect(Slug(text)?.rawValue == text)
    }

    @Test(arguments: ["", "Level-sets", "level sets", "..", "a/b", "a.b", "ü", "a_b", "../x", "a\\b"])
    func invalidSlugs(text: String) {
        #expect(Slug(text) == nil)
    }
}
