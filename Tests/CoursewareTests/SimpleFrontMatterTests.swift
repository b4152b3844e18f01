import Testing
@testable import Courseware
import MarkdownSyntax

/// The fast front matter reading against the full YAML reading: where the fast one answers,
/// both must agree exactly (values and positions).
@Suite struct SimpleFrontMatterTests {
    static let slug = Slug("level-sets")!

    static let cases: [(yaml: String, fast: Bool)] = [
        ("title: Level Sets\n", true),
        ("title: Level Sets\nsummary: Curves of equal height, and $f(x, y) = c$.\nprerequisites: [limits, partial-derivatives]\n", true),
        ("summary: The \\$ sign and \\nabla f.\n", true),
        ("prerequisites: []\n", true),
        ("prerequisites: [a]\n\ntitle: 3D plots\n", true),
        ("title: Ableitungen über Flächen\n", true),
        ("title: yes\n", true),
        ("title: 12\n", true),
        ("title: \"Quoted\"\n", true),
        ("title: \"A: b # c, [d] & *e\"\nsummary: \"Über $x$\"\n", true),
        ("title: \" padded \"\n", true),
        ("title: \"\"\n", false),
        ("title: \"Say \\\"hi\\\"\"\n", false),
        ("title: \"Tab\\there\"\n", false),
        ("title: \"Trailing\" x\n", false),
        ("title: 'Single'\n", false),
        ("title: Level Sets # comment\n", false),
        ("title: Level Sets  \n", false),
        ("title: a: b\n", false),
        ("prerequisites: [a,b]\n", false),
        ("prerequisites:\n  - a\n  - b\n", false),
        ("title: Level\n  Sets\n", false),
        ("title: ~\n", false),
        ("title: *anchor\n", false),
        ("title: -x\n", false),
        ("author: Someone\n", false),
        ("title: A\ntitle: B\n", false),
        ("title: Tab\there\n", false),
    ]

    @Test(arguments: cases.indices)
    func agreesWithYAML(index: Int) {
        let (yaml, fast) = Self.cases[index]
        let text = "---\n" + yaml + "---\n"
        let source = SourceFile(displayPath: "a.md", text: text)
        let frontMatter = FrontMatter(yaml: yaml, firstLine: 2)
        let simple = SimpleFrontMatter.read(yaml, firstLine: 2, slug: Self.slug)
        #expect((simple != nil) == fast, "fast path \(fast ? "should" : "should not") accept \(yaml.debugDescription)")
        if let simple {
            let (full, diagnostics) = LessonMetadata.readYAML(frontMatter, slug: Self.slug, source: source)
            #expect(diagnostics.isEmpty)
            #expect(simple == full)
        }
        // Either way, the public reading is the YAML one's.
        #expect(LessonMetadata.read(frontMatter, slug: Self.slug, source: source).0
                == LessonMetadata.readYAML(frontMatter, slug: Self.slug, source: source).0)
    }
}
