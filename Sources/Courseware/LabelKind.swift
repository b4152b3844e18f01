import MarkdownSyntax

/// What a label names. Each kind has the one prefix its labels must start with
/// (CALC.md section 1) and the word its references print.
public enum LabelKind: String, Hashable, Sendable, CaseIterable {
    case definition, theorem, lemma, proposition, corollary, example, remark, caution
    case equation, section, figure, exercise

    /// The label prefix before the first `-`.
    public var prefix: String {
        switch self {
        case .definition: "def"
        case .theorem: "thm"
        case .lemma: "lem"
        case .proposition: "prop"
        case .corollary: "cor"
        case .example: "exm"
        case .remark: "rem"
        // CALC.md names no prefix for cautions; `cau` follows the pattern of the others.
        case .caution: "cau"
        case .equation: "eq"
        case .section: "sec"
        case .figure: "fig"
        case .exercise: "ex"
        }
    }

    /// The capitalised word printed before the number ("Theorem 3.2").
    public var displayName: String {
        switch self {
        case .definition: "Definition"
        case .theorem: "Theorem"
        case .lemma: "Lemma"
        case .proposition: "Proposition"
        case .corollary: "Corollary"
        case .example: "Example"
        case .remark: "Remark"
        case .caution: "Caution"
        case .equation: "Equation"
        case .section: "Section"
        case .figure: "Figure"
        case .exercise: "Exercise"
        }
    }

    /// The label kind of a numbered callout; nil for the unnumbered proof and note.
    public init?(_ callout: CalloutKind) {
        switch callout {
        case .definition: self = .definition
        case .theorem: self = .theorem
        case .lemma: self = .lemma
        case .proposition: self = .proposition
        case .corollary: self = .corollary
        case .example: self = .example
        case .remark: self = .remark
        case .caution: self = .caution
        case .proof, .note: return nil
        }
    }

    /// The kind whose prefix starts `label`, if any.
    public static func forLabel(_ label: String) -> LabelKind? {
        guard let dash = label.firstIndex(of: "-") else { return nil }
        let prefix = label[..<dash]
        return allCases.first { $0.prefix == prefix }
    }
}

extension LabelKind {
    /// Whether a label of this kind that nothing refers to is worth a warning. Sections,
    /// figures and exercises are labelled to be linked to from outside the course (an
    /// assignment, a slide, a syllabus), so their labels need no reference inside it.
    var warnsWhenUnused: Bool {
        switch self {
        case .section, .figure, .exercise: false
        case .definition, .theorem, .lemma, .proposition, .corollary, .example, .remark, .caution, .equation: true
        }
    }
}
