/// The order in which printers lay out terms and factors: the textbook's, not the
/// canonical one.
///
/// Factors of one category keep a stable order: variables by name, functions by the
/// first variable of their argument.
///
/// Terms: descending total degree in the variables, then by exponents of the
/// alphabetically first variable (x^2 before x y before y^2), then by text; terms
/// without variables come last. Factors: numbers and radicals, constants, variables and
/// their numeric powers alphabetically, function calls and variables to variable powers,
/// `e^{..}`, other powers, sums.
enum DisplayOrder {
    static func terms(_ terms: [Expr]) -> [Expr] {
        if terms.count < 2 { return terms }
        let keyed = terms.map { (term: $0, key: TermKey(term: $0)) }
        return keyed.sorted { $0.key.precedes($1.key) }.map(\.term)
    }

    struct TermKey {
        var isConstant: Bool
        var degree: Rational
        var exponents: [(String, Rational)]   // sorted by name
        /// The term, whose rest (the term without its numeric coefficient) breaks full ties.
        var term: Expr

        init(term: Expr) {
            // The variables' exponents in a short list (a term has few variables), read
            // from the term in place: its numeric coefficient adds nothing.
            var found: [(String, Rational)] = []
            var others = false
            func add(_ s: String, _ r: Rational) {
                if let k = found.firstIndex(where: { $0.0 == s }) { found[k].1 += r } else { found.append((s, r)) }
            }
            func visit(_ f: Expr) {
                switch f {
                case .symbol(let s): add(s, .one)
                case .pow(.symbol(let s), .number(let r)): add(s, r)
                case .mul(let fs): for g in fs { visit(g) }
                case .number, .constant: break
                case .pow, .add, .function, .piecewise: others = true
                }
            }
            visit(term)
            if found.count > 1 { found.sort { $0.0 < $1.0 } }
            exponents = found
            degree = exponents.reduce(Rational.zero) { $0 + $1.1 }
            isConstant = exponents.isEmpty && (!others || !term.hasSymbols)
            self.term = term
        }

        func precedes(_ other: TermKey) -> Bool {
            if isConstant != other.isConstant { return !isConstant }
            if degree != other.degree { return other.degree < degree }
            var i = 0
            while i < exponents.count && i < other.exponents.count {
                let (a, ea) = exponents[i], (b, eb) = other.exponents[i]
                if a != b { return a < b }          // the term with the earlier variable first
                if ea != eb { return eb < ea }
                i += 1
            }
            if exponents.count != other.exponents.count { return exponents.count > other.exponents.count }
            // Rare full tie (e.g. sin(x) against cos(y)): the printed text decides.
            return term.coefficientAndRest.rest.plainText < other.term.coefficientAndRest.rest.plainText
        }
    }

    static func factors(_ factors: [Expr]) -> [Expr] {
        if factors.count < 2 { return factors }
        // Each factor's category (and, for functions, the first variable of the argument)
        // worked out once, not at every comparison of the sort.
        let keyed = factors.enumerated().map { k, f -> (offset: Int, element: Expr, category: Int, first: String) in
            let c = category(f)
            return (k, f, c, c == 7 ? (f.firstSymbol ?? "") : "")
        }
        return keyed.sorted { a, b in
            let ca = a.category, cb = b.category
            if ca != cb { return ca < cb }
            if ca == 2 {
                let na = symbolName(a.element), nb = symbolName(b.element)
                if na != nb { return na < nb }
            }
            if ca == 7 {
                // cos(x) sin(y): functions by the first variable of their argument.
                if a.first != b.first { return a.first < b.first }
            }
            let c = Expr.compare(a.element, b.element)
            return c != 0 ? c < 0 : a.offset < b.offset
        }.map(\.element)
    }

    /// The rank of a factor: numbers, constants, variables and their powers, then `e^…`,
    /// then other powers and sums, and functions last, because `\sin y` is printed without
    /// parentheses and anything after it would read as part of its argument (`\sin y e^{x}`
    /// reads as sin(y e^x); `e^{x} \sin y` cannot be misread).
    static func category(_ f: Expr) -> Int {
        switch f {
        case .number: return 0
        case .pow(.number, _): return 0
        case .constant: return 1
        case .symbol, .pow(.symbol, .number): return 2
        case .pow(.symbol, _): return 3   // y x^(y - 1): a variable exponent after plain powers
        case .function(.exp, _): return 4
        case .pow(.constant, _): return 1
        case .pow(.function(let g, _), _) where g != .exp: return 7
        case .pow, .mul, .piecewise: return 5
        case .add: return 6
        case .function: return 7
        }
    }

    static func symbolName(_ f: Expr) -> String {
        switch f {
        case .symbol(let s), .pow(.symbol(let s), _): return s
        default: return ""
        }
    }
}
