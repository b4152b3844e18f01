/// Whether two expressions are the same function, the test applied to authors' answers.
///
/// First exactly (structurally equal once canonical and simplified, or their difference
/// simplifies to 0); otherwise numerically at seeded random points inside the domain, the
/// way WeBWorK compares answers: points where either side is undefined are skipped.
public enum Equivalence {
    /// Values must agree to |a − b| ≤ 1e-9 · max(1, |a|, |b|).
    public static let relativeTolerance = 1e-9

    /// How the comparison was decided.
    public enum Method: Sendable, Equatable {
        case exact
        case numeric(points: Int)
    }

    /// The outcome, with a counterexample when they differ.
    public struct Outcome: Sendable {
        public var equivalent: Bool
        public var method: Method
        /// The first point (variables in order) where the values differ, if any.
        public var counterexample: [Double]?
        /// The values of the two sides at the counterexample.
        public var values: (Double, Double)?
        /// Points skipped because a side was undefined there.
        public var skipped: Int
    }

    /// Compares `a` and `b` as functions of `variables` (symbols used by either side but
    /// not listed are added, sorted).
    public static func areEquivalent(
        _ a: Expr, _ b: Expr, variables: [String] = [], points: Int = 10, seed: UInt64 = 0xA11CE
    ) -> Outcome {
        // Cheapest first: canonical forms, then the canonical difference, then display forms.
        let difference = a - b
        if a == b || difference == .zero || DerivativeDisplay.simplify(difference) == .zero
            || DerivativeDisplay.simplify(a) == DerivativeDisplay.simplify(b) {
            return Outcome(equivalent: true, method: .exact, counterexample: nil, values: nil, skipped: 0)
        }
        var vars = variables
        for s in Substitution.symbols(in: a) + Substitution.symbols(in: b) where !vars.contains(s) {
            vars.append(s)
        }
        guard let ca = try? CompiledExpression(a, variables: vars),
              let cb = try? CompiledExpression(b, variables: vars)
        else { return Outcome(equivalent: false, method: .numeric(points: 0), counterexample: nil, values: nil, skipped: 0) }
        var rng = SplitMix64(seed: seed)
        var checked = 0, skipped = 0, attempts = 0
        while checked < points && attempts < 20 * points * Verification.sampleRadii.count {
            let r = Verification.radius(draw: attempts, count: points)
            attempts += 1
            let p = vars.map { _ in rng.uniform(-r, r) }
            let va = ca(p), vb = cb(p)
            guard va.isFinite, vb.isFinite else { skipped += 1; continue }
            checked += 1
            if abs(va - vb) > relativeTolerance * max(1, abs(va), abs(vb)) {
                return Outcome(equivalent: false, method: .numeric(points: checked), counterexample: p,
                               values: (va, vb), skipped: skipped)
            }
        }
        return Outcome(equivalent: checked > 0, method: .numeric(points: checked), counterexample: nil,
                       values: nil, skipped: skipped)
    }
}
