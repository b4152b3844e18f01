@testable import Courseware
import MarkdownSyntax
import Testing

/// Text, code and URLs to LaTeX: every special character and the Unicode the preamble knows.
@Suite struct LaTeXEscapingTests {
    @Test(arguments: [
        ("plain words", "plain words"),
        ("# $ % & _", "\\# \\$ \\% \\& \\_"),
        ("{x}", "\\{x\\}"),
        ("a~b^c", "a\\textasciitilde{}b\\textasciicircum{}c"),
        ("C:\\path", "C:\\textbackslash{}path"),
        ("\\\\", "\\textbackslash{}\\textbackslash{}"),
        ("<a|b>", "\\textless{}a\\textbar{}b\\textgreater{}"),
        ("\"it's\" `x`", "\\textquotedbl{}it\\textquotesingle{}s\\textquotedbl{} \\textasciigrave{}x\\textasciigrave{}"),
        ("[1]", "{[}1{]}"),
        ("a--b---c", "a-{}-b-{}-{}-c"),
        (",,!`?`", ",{},!{}\\textasciigrave{}?{}\\textasciigrave{}"),
        ("“quoted” – — …", "“quoted” – — …"),
        ("α∇‖", "α∇‖"),
        ("café ½", "café ½"),
        ("\u{1F600}", "[U+1F600]"),
        ("\u{4E2D}", "[U+4E2D]"),
        ("tab\tnew\nline", "tab new line"),
        ("a\u{7}b\u{7F}c", "abc"),
        ("end-", "end-"),
        ("ü--é\u{1F600}½", "ü-{}-é[U+1F600]½"),
    ])
    func text(_ input: String, _ expected: String) {
        #expect(LaTeXEscaping.text(input) == expected)
    }

    @Test(arguments: [
        ("https://example.com/a%20b?q=1#frag", "https://example.com/a\\%20b?q=1\\#frag"),
        ("https://x.org/{a}\\b", "https://x.org/\\%7Ba\\%7D\\%5Cb"),
        ("https://x.org/~me/a b", "https://x.org/\\string~me/a\\%20b"),
        ("https://x.org/é", "https://x.org/\\%C3\\%A9"),
    ])
    func url(_ input: String, _ expected: String) {
        #expect(LaTeXEscaping.url(input) == expected)
    }

    @Test func verbatimKeepsEverythingButUnknownCharacters() {
        #expect(LaTeXEscaping.verbatimLine("\\end{x} % # α\t\u{1F600}") == "\\end{x} % # α    [U+1F600]")
    }

    @Test func everyDefinedCharacterIsKnownAndDefinedOnce() {
        let scalars = LaTeXUnicode.definitions.map { $0.0.unicodeScalars.first!.value }
        #expect(scalars == scalars.sorted())
        #expect(Set(scalars).count == scalars.count)
        for (character, _) in LaTeXUnicode.definitions {
            #expect(LaTeXUnicode.isKnown(character.unicodeScalars.first!))
        }
        #expect(LaTeXUnicode.preamble.contains("\\DeclareUnicodeCharacter{2207}{\\ensuremath{\\nabla}} % ∇\n"))
    }
}
