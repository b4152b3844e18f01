/// The non-ASCII characters a LaTeX document of the course can print with pdflatex.
///
/// Latin-1 (U+00A0 to U+00FF) and the punctuation below are known to LaTeX's UTF-8
/// input already; the symbols in `definitions` are taught to it in the preamble with
/// `\DeclareUnicodeCharacter`, so they also work inside math and code blocks.
public enum LaTeXUnicode {
    /// Punctuation LaTeX's UTF-8 input maps by itself (T1 and TS1 encodings).
    static let kernel: Set<UInt32> = [
        0x2013, 0x2014, 0x2018, 0x2019, 0x201A, 0x201C, 0x201D, 0x201E, 0x2020, 0x2021,
        0x2022, 0x2026, 0x2030, 0x2039, 0x203A, 0x20AC, 0x2122, 0x0152, 0x0153, 0x0160,
        0x0161, 0x0178, 0x017D, 0x017E, 0x0141, 0x0142, 0x0131,
    ]

    /// Characters and the LaTeX that prints them, sorted by code point so the preamble is
    /// the same on every run.
    public static let definitions: [(Character, String)] = {
        let greek: [(UInt32, String)] = [
            (0x0391, "\\mathrm{A}"), (0x0392, "\\mathrm{B}"), (0x0393, "\\Gamma"), (0x0394, "\\Delta"),
            (0x0395, "\\mathrm{E}"), (0x0396, "\\mathrm{Z}"), (0x0397, "\\mathrm{H}"), (0x0398, "\\Theta"),
            (0x0399, "\\mathrm{I}"), (0x039A, "\\mathrm{K}"), (0x039B, "\\Lambda"), (0x039C, "\\mathrm{M}"),
            (0x039D, "\\mathrm{N}"), (0x039E, "\\Xi"), (0x039F, "\\mathrm{O}"), (0x03A0, "\\Pi"),
            (0x03A1, "\\mathrm{P}"), (0x03A3, "\\Sigma"), (0x03A4, "\\mathrm{T}"), (0x03A5, "\\Upsilon"),
            (0x03A6, "\\Phi"), (0x03A7, "\\mathrm{X}"), (0x03A8, "\\Psi"), (0x03A9, "\\Omega"),
            (0x03B1, "\\alpha"), (0x03B2, "\\beta"), (0x03B3, "\\gamma"), (0x03B4, "\\delta"),
            (0x03B5, "\\varepsilon"), (0x03B6, "\\zeta"), (0x03B7, "\\eta"), (0x03B8, "\\theta"),
            (0x03B9, "\\iota"), (0x03BA, "\\kappa"), (0x03BB, "\\lambda"), (0x03BC, "\\mu"),
            (0x03BD, "\\nu"), (0x03BE, "\\xi"), (0x03BF, "o"), (0x03C0, "\\pi"),
            (0x03C1, "\\rho"), (0x03C2, "\\varsigma"), (0x03C3, "\\sigma"), (0x03C4, "\\tau"),
            (0x03C5, "\\upsilon"), (0x03C6, "\\varphi"), (0x03C7, "\\chi"), (0x03C8, "\\psi"),
            (0x03C9, "\\omega"), (0x03D1, "\\vartheta"), (0x03D5, "\\phi"), (0x03F5, "\\epsilon"),
        ]
        let symbols: [(UInt32, String)] = [
            (0x2016, "\\Vert"), (0x2032, "\\prime"), (0x2190, "\\leftarrow"), (0x2191, "\\uparrow"),
            (0x2192, "\\rightarrow"), (0x2193, "\\downarrow"), (0x2194, "\\leftrightarrow"),
            (0x21A6, "\\mapsto"), (0x21D2, "\\Rightarrow"), (0x21D4, "\\Leftrightarrow"),
            (0x2200, "\\forall"), (0x2202, "\\partial"), (0x2203, "\\exists"), (0x2205, "\\emptyset"),
            (0x2207, "\\nabla"), (0x2208, "\\in"), (0x2209, "\\notin"), (0x2211, "\\sum"),
            (0x2212, "-"), (0x2218, "\\circ"), (0x221A, "\\surd"), (0x221E, "\\infty"),
            (0x2227, "\\wedge"), (0x2228, "\\vee"), (0x2229, "\\cap"), (0x222A, "\\cup"),
            (0x222B, "\\int"), (0x2248, "\\approx"), (0x2260, "\\neq"), (0x2261, "\\equiv"),
            (0x2264, "\\leq"), (0x2265, "\\geq"), (0x2282, "\\subset"), (0x2286, "\\subseteq"),
            (0x2297, "\\otimes"), (0x22C5, "\\cdot"), (0x27E8, "\\langle"), (0x27E9, "\\rangle"),
            (0x211D, "\\mathbb{R}"), (0x2115, "\\mathbb{N}"), (0x2124, "\\mathbb{Z}"), (0x211A, "\\mathbb{Q}"),
            (0x2102, "\\mathbb{C}"),
        ]
        return (greek + symbols).sorted { $0.0 < $1.0 }.map { (Character(Unicode.Scalar($0.0)!), $0.1) }
    }()

    static let defined: Set<UInt32> = Set(definitions.map { $0.0.unicodeScalars.first!.value })

    /// Whether the preamble can print `scalar`.
    public static func isKnown(_ scalar: Unicode.Scalar) -> Bool {
        (0xA0...0xFF).contains(scalar.value) || kernel.contains(scalar.value) || defined.contains(scalar.value)
    }

    /// The `\DeclareUnicodeCharacter` lines of the preamble (which, unlike
    /// `\newunicodechar`, redefine the arrows LaTeX knows in text only without a warning).
    /// Made once: every document has the same lines.
    public static let preamble: String = definitions.map {
        "\\DeclareUnicodeCharacter{" + LaTeXEscaping.hex($0.0.unicodeScalars.first!.value)
            + "}{\\ensuremath{" + $0.1 + "}} % " + String($0.0) + "\n"
    }.joined()
}
