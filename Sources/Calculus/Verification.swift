/// Checks a symbolic partial derivative against two independent numeric derivatives
/// (forward-mode dual numbers and central finite differences) at seeded random points.
public enum Verification {
    /// Dual numbers compute the derivative to rounding error, so the symbolic value must
    /// agree with them to |s − d| ≤ 1e-9 · max(1, |d|).
    public static let dualTolerance = 1e-9
    /// A central difference with step ∛ε·max(1,|x|) is accurate to about 1e-10 relative for
    /// smooth functions; the check allows |s − fd| ≤ 1e-6 · max(1, |s|, |f|) (the |f| term
    /// covers rounding in f(x+h) − f(x−h)). A point that misses is re-estimated once by
    /// Richardson extrapolation from steps h and h/2 before it counts as a failure.
    public static let finiteDifferenceTolerance = 1e-6
    /// Coordinates are drawn uniformly from [−r, r], r = 2 for the first 20·count draws,
    /// then 10, then 50, so a domain away from the origin (log(x − 3)) is still found.
    public static let sampleRadii: [Double] = [2, 10, 50]

    /// The radius for the n-th draw (0-based) of a check that needs `count` points.
    static func radius(draw: Int, count: Int) -> Double {
        sampleRadii[min(sampleRadii.count - 1, draw / max(1, 20 * count))]
    }

    /// One sampled point where the symbolic derivative was compared.
    public struct Sample: Sendable, Equatable {
        /// Coordinates, in the order of `variables`.
        public var point: [Double]
        public var symbolic: Double
        public var dual: Double
        public var finiteDifference: Double
        /// The finite-difference step used in the checked coordinate.
        public var step: Double
        /// |symbolic − dual| / max(1, |dual|).
        public var dualDiscrepancy: Double
        /// |symbolic − fd| / max(1, |symbolic|, |f|).
        public var finiteDifferenceDiscrepancy: Double
    }

    /// The outcome of `checkPartial`.
    public struct PartialCheck: Sendable {
        public var variable: String
        public var variables: [String]
        /// Every accepted sample, in the order drawn.
        public var samples: [Sample]
        /// Points drawn but skipped because f or a derivative was undefined there.
        public var skipped: Int
        /// The sample with the largest discrepancy (relative to its tolerance).
        public var worst: Sample?
        /// True when enough points were checked and every one agreed.
        public var passed: Bool
        /// A one-line summary naming the worst point.
        public var summary: String {
            get { summaryText ?? summaryParts.text }
            set { summaryText = newValue }
        }
        /// What the summary says, captured when the check ends; it is written out only
        /// when read (most checks pass and nobody reads it, and formatting the numbers
        /// costs as much as the check itself).
        var summaryParts: SummaryParts
        var summaryText: String? = nil

        init(variable: String, variables: [String], samples: [Sample], skipped: Int, worst: Sample?,
             passed: Bool, summaryParts: SummaryParts) {
            self.variable = variable
            self.variables = variables
            self.samples = samples
            self.skipped = skipped
            self.worst = worst
            self.passed = passed
            self.summaryParts = summaryParts
        }
    }

    /// The facts a check's one-line summary reports.
    struct SummaryParts: Sendable {
        enum Outcome: Sendable {
            /// Some points were checked.
            case checked(worst: Sample, samples: Int, skipped: Int, passed: Bool)
            /// No point of the domain was found in `draws` draws.
            case noPoint(draws: Int)
            /// The expression uses a symbol that is not a variable.
            case unusable
        }
        var variable: String
        var variables: [String]
        var outcome: Outcome

        var text: String {
            switch outcome {
            case .checked(let w, let count, let skipped, let passed):
                let at = zip(variables, w.point).map { "\($0)=\(format($1))" }.joined(separator: ", ")
                return "\(passed ? "verified" : "FAILED") ∂/∂\(variable) at \(count) points (\(skipped) skipped); "
                    + "worst at (\(at)): symbolic \(format(w.symbolic)), dual \(format(w.dual)), "
                    + "finite difference \(format(w.finiteDifference)) (h = \(format(w.step)))"
            case .noPoint(let draws):
                return "FAILED ∂/∂\(variable): no point of the domain found in \(draws) draws"
            case .unusable:
                return "FAILED ∂/∂\(variable): uses a symbol that is not a variable"
            }
        }
    }

    /// Checks that `derivative` is ∂f/∂`variable` at `count` random points of the domain.
    ///
    /// Points where f, the derivative, or the dual number are not finite are skipped (they
    /// lie outside the domain); at most `20·count` points are drawn per radius of `sampleRadii`. The check fails when
    /// no point of the domain was found.
    public static func checkPartial(
        _ f: Expr, wrt variable: String, derivative: Expr, variables: [String],
        count: Int = 5, seed: UInt64 = 0x5EED
    ) -> PartialCheck {
        let vars = variables.contains(variable) ? variables : variables + [variable]
        guard let fc = try? CompiledExpression(f, variables: vars) else {
            return unusable(variable, vars)
        }
        return checkPartial(fc, wrt: variable, derivative: derivative, count: count, seed: seed)
    }

    /// The same check with f compiled once by the caller (a gradient checks one f against
    /// several partials). The variables are the compiled expression's.
    public static func checkPartial(
        _ fc: CompiledExpression, wrt variable: String, derivative: Expr, count: Int = 5, seed: UInt64 = 0x5EED
    ) -> PartialCheck {
        guard let dc = try? CompiledExpression(derivative, variables: fc.variables) else {
            return unusable(variable, fc.variables)
        }
        return checkPartial(fc, wrt: variable, compiledDerivative: dc, count: count, seed: seed)
    }

    /// The same check with the derivative compiled too (over the same variables), for a
    /// caller that also evaluates it elsewhere: a gradient entry is the derivative checked
    /// against f and the function its Hessian row is checked against.
    public static func checkPartial(
        _ fc: CompiledExpression, wrt variable: String, compiledDerivative dc: CompiledExpression,
        count: Int = 5, seed: UInt64 = 0x5EED
    ) -> PartialCheck {
        let vars = fc.variables
        guard dc.variables == vars, let index = vars.firstIndex(of: variable) else { return unusable(variable, vars) }
        var samples: [Sample] = []
        var worst: Sample?
        var worstRatio = -1.0
        var passed = true
        samples.reserveCapacity(count)
        let (skipped, attempts) = compare(fc, index, dc, count: count, seed: seed) { point, c in
            let sample = Sample(
                point: Array(point), symbolic: c.symbolic, dual: c.dual, finiteDifference: c.finiteDifference,
                step: c.step, dualDiscrepancy: c.dualDiscrepancy, finiteDifferenceDiscrepancy: c.finiteDifferenceDiscrepancy)
            samples.append(sample)
            if !(c.ratio <= 1) { passed = false }
            if c.ratio > worstRatio || worst == nil { worst = sample; worstRatio = c.ratio }
            return true
        }
        if samples.isEmpty { passed = false }
        let outcome: SummaryParts.Outcome
        if let w = worst {
            outcome = .checked(worst: w, samples: samples.count, skipped: skipped, passed: passed)
        } else {
            outcome = .noPoint(draws: attempts)
        }
        return PartialCheck(variable: variable, variables: vars, samples: samples, skipped: skipped,
                            worst: worst, passed: passed,
                            summaryParts: SummaryParts(variable: variable, variables: vars, outcome: outcome))
    }

    /// Whether `checkPartial(fc, wrt: variable, compiledDerivative: dc, count:, seed:)`
    /// passes: the same points, values and tolerances, decided without recording the
    /// samples (no allocation per point), and stopping at the first point that disagrees.
    /// For a caller that needs the report only when a check fails (then it runs
    /// `checkPartial` for it).
    public static func passes(
        _ fc: CompiledExpression, wrt variable: String, compiledDerivative dc: CompiledExpression,
        count: Int = 5, seed: UInt64 = 0x5EED
    ) -> Bool {
        let vars = fc.variables
        guard dc.variables == vars, let index = vars.firstIndex(of: variable) else { return false }
        var accepted = 0
        var disagrees = false
        _ = compare(fc, index, dc, count: count, seed: seed) { _, c in
            if !(c.ratio <= 1) { disagrees = true; return false }
            accepted += 1
            return true
        }
        return !disagrees && accepted > 0
    }

    /// The three derivatives at one point of the domain, and how far apart they are.
    struct Comparison {
        var symbolic: Double
        var dual: Double
        var finiteDifference: Double
        var step: Double
        var dualDiscrepancy: Double
        var finiteDifferenceDiscrepancy: Double
        /// The larger discrepancy relative to its tolerance (at most 1 when the point agrees).
        var ratio: Double { max(dualDiscrepancy / dualTolerance, finiteDifferenceDiscrepancy / finiteDifferenceTolerance) }
    }

    /// The sampling of a check: draws points (seeded, `sampleRadii`), skips those where f,
    /// the derivative, the dual number or the central difference is not finite, and hands
    /// each other point and its comparison to `visit` until `count` were accepted, the
    /// draws run out, or `visit` returns false. The points live in a buffer reused for
    /// every draw. Returns the points skipped and the draws made.
    static func compare(
        _ fc: CompiledExpression, _ index: Int, _ dc: CompiledExpression, count: Int, seed: UInt64,
        visit: (UnsafeBufferPointer<Double>, Comparison) -> Bool
    ) -> (skipped: Int, attempts: Int) {
        let n = fc.variables.count
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: 2 * max(n, 1)) { buffer in
            let point = UnsafeMutableBufferPointer(rebasing: buffer[0..<n])
            let shifted = UnsafeMutableBufferPointer(rebasing: buffer[n..<(2 * n)])
            let at = UnsafeBufferPointer(point)
            var rng = SplitMix64(seed: seed)
            var accepted = 0, skipped = 0, attempts = 0
            while accepted < count && attempts < 20 * count * sampleRadii.count {
                let r = radius(draw: attempts, count: count)
                attempts += 1
                for k in 0..<n { point[k] = rng.uniform(-r, r) }
                let dual = fc.evaluateDual(at, seed: index)
                let fx = dual.value
                let sym = dc.evaluate(at)
                guard fx.isFinite, sym.isFinite, dual.isFinite else { skipped += 1; continue }
                // The central difference, the shifted points in the second half of the buffer.
                let h = FiniteDifference.step(at: point[index])
                for k in 0..<n { shifted[k] = point[k] }
                shifted[index] = point[index] + h
                let plus = fc.evaluate(UnsafeBufferPointer(shifted))
                shifted[index] = point[index] - h
                let minus = fc.evaluate(UnsafeBufferPointer(shifted))
                var fd = FiniteDifference.Estimate(value: (plus - minus) / (2 * h), step: h)
                guard fd.value.isFinite else { skipped += 1; continue }
                let fdScale = max(1, abs(sym), abs(fx))
                if abs(sym - fd.value) > finiteDifferenceTolerance * fdScale {
                    fd = richardson({ fc($0) }, at: Array(at), index: index)
                }
                accepted += 1
                let comparison = Comparison(
                    symbolic: sym, dual: dual.derivative, finiteDifference: fd.value, step: fd.step,
                    dualDiscrepancy: abs(sym - dual.derivative) / max(1, abs(dual.derivative)),
                    finiteDifferenceDiscrepancy: abs(sym - fd.value) / fdScale)
                if !visit(at, comparison) { break }
            }
            return (skipped, attempts)
        }
    }

    static func unusable(_ variable: String, _ vars: [String]) -> PartialCheck {
        PartialCheck(variable: variable, variables: vars, samples: [], skipped: 0, worst: nil, passed: false,
                     summaryParts: SummaryParts(variable: variable, variables: vars, outcome: .unusable))
    }

    /// Checks `derivative` (e.g. a simplified form) against ∂f/∂v computed here.
    public static func checkPartial(_ f: Expr, wrt variable: String, variables: [String]) -> PartialCheck {
        checkPartial(f, wrt: variable, derivative: Derivative.partial(f, wrt: variable), variables: variables)
    }

    /// (4 D(h/2) − D(h)) / 3: cancels the h² error term of the central difference.
    static func richardson(_ f: ([Double]) -> Double, at point: [Double], index: Int) -> FiniteDifference.Estimate {
        let h = FiniteDifference.step(at: point[index])
        func d(_ h: Double) -> Double {
            var p = point, m = point
            p[index] += h; m[index] -= h
            return (f(p) - f(m)) / ((p[index] - point[index]) + (point[index] - m[index]))
        }
        return FiniteDifference.Estimate(value: (4 * d(h / 2) - d(h)) / 3, step: h)
    }

    /// Fixed scientific formatting so summaries are byte-identical across runs.
    static func format(_ x: Double) -> String {
        guard x.isFinite else { return "\(x)" }
        return String(describing: (x * 1e12).rounded() / 1e12)
    }
}
