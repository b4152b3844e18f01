#if canImport(Glibc)
import Glibc  // links libm, which rounded() needs
#endif

/// Chooses the values at which level lines are drawn (`levels ...` in a plot request).
///
/// Every function returns the levels in increasing order, without duplicates, and is
/// deterministic: the same input gives the same values, bit for bit.
public enum ContourLevels {
    /// What went wrong with a requested list or range of levels.
    public enum Problem: Error, Hashable, Sendable {
        /// A level, bound or step is NaN or infinite.
        case notFinite
        /// `levels A to B step S` with S <= 0.
        case nonPositiveStep
        /// `levels A to B step S` with B < A.
        case reversedRange
        /// The request would give more levels than `maximumCount`.
        case tooMany(count: Int)
    }

    /// More levels than this are refused: they would make an unreadable picture.
    public static let maximumCount = 200

    /// `levels N` for a sampled function: up to `count` (at most `maximumCount`) nice round
    /// values strictly inside the range of the grid's finite values.
    ///
    /// For a bowl (one interior minimum, values rising to the border) the levels follow a
    /// square-root spacing from the minimum, rounded to nice values, so the rings around
    /// the minimum are about evenly spaced instead of all crowding the rim; a dome gets
    /// the mirror image. Any other shape gets evenly spaced nice values (`evenlySpaced`).
    public static func nice(count: Int, for grid: SampledGrid) -> [Double] {
        guard let (low, high) = finiteRange(grid.values) else { return [] }
        switch ValueShape(of: grid) {
        case .bowl: return rounded(count: count, from: low, toward: high)
        case .dome: return rounded(count: count, from: high, toward: low)
        case .other: return evenlySpaced(count: count, low: low, high: high)
        }
    }

    /// Up to `count` multiples of one nice step (1, 2, 2.5 or 5 times a power of ten)
    /// strictly between `low` and `high`: the finest such step that gives at most `count`.
    public static func evenlySpaced(count requested: Int, low: Double, high: Double) -> [Double] {
        let count = min(requested, maximumCount)
        guard count > 0, low.isFinite, high.isFinite, low < high else { return [] }
        var step = NiceStep.atMost((high - low) / Double(count + 1))
        // The first guess can be a notch too fine or too coarse; walk to the finest
        // step that fits.
        while (multiples(of: step, low: low, high: high)?.count ?? .max) > count { step = step.next }
        while let finer = multiples(of: step.previous, low: low, high: high), finer.count <= count {
            step = step.previous
        }
        return multiples(of: step, low: low, high: high) ?? []
    }

    /// `levels R, R, R`: the given values, sorted, duplicates removed.
    public static func explicit(_ values: [Double]) throws -> [Double] {
        guard values.allSatisfy(\.isFinite) else { throw Problem.notFinite }
        guard values.count <= maximumCount else { throw Problem.tooMany(count: values.count) }
        var sorted = values.sorted()
        var k = 1
        while k < sorted.count {
            if sorted[k] == sorted[k - 1] { sorted.remove(at: k) } else { k += 1 }
        }
        return sorted
    }

    /// `levels A to B step S`: A, A + S, A + 2S, ... up to B (included when it is reached
    /// to within rounding).
    ///
    /// When A and S are short decimals, each value is rounded to their number of decimal
    /// places, so `0.1 to 0.5 step 0.1` gives 0.3 and not 0.30000000000000004.
    public static func range(from start: Double, to end: Double, step: Double) throws -> [Double] {
        guard start.isFinite, end.isFinite, step.isFinite else { throw Problem.notFinite }
        guard step > 0 else { throw Problem.nonPositiveStep }
        guard start <= end else { throw Problem.reversedRange }
        let steps = ((end - start) / step * (1 + 1e-12) + 1e-9).rounded(.down)
        guard steps < Double(maximumCount) else { throw Problem.tooMany(count: Int(min(steps, 1e9)) + 1) }
        let n = Int(steps) + 1
        let places: Int? = {
            guard let a = decimalPlaces(start), let b = decimalPlaces(step) else { return nil }
            return max(a, b)
        }()
        return (0..<n).map { k in
            let value = start + Double(k) * step
            guard let places, places > 0 else { return value }
            let scale = NiceStep.powerOfTen(places)
            return (value * scale).rounded() / scale
        }
    }

    /// The smallest and largest finite values, or nil when there are none or all are equal.
    static func finiteRange(_ values: [Double]) -> (Double, Double)? {
        var low = Double.infinity, high = -Double.infinity
        for v in values where v.isFinite {
            if v < low { low = v }
            if v > high { high = v }
        }
        return low < high ? (low, high) : nil
    }

    /// Levels spaced like the square of their index away from `extreme`, each rounded to a
    /// nice value on the scale of its gap to the previous one.
    static func rounded(count requested: Int, from extreme: Double, toward other: Double) -> [Double] {
        let count = min(requested, maximumCount)
        guard count > 0 else { return [] }
        let span = other - extreme
        let n = Double(count + 1)
        var levels: [Double] = []
        var previous = extreme
        for k in 1...count {
            let s = Double(k) / n
            let target = extreme + span * s * s
            let gap = abs(target - previous)
            previous = target
            let step = NiceStep.atMost(gap / 2)
            let value = step.nearestMultiple(target)
            let inside = span > 0 ? (value > extreme && value < other) : (value < extreme && value > other)
            if inside { levels.append(value) }
        }
        levels.sort()
        var unique: [Double] = []
        for v in levels where unique.last != v { unique.append(v) }
        return unique
    }

    /// The multiples of `step` strictly between `low` and `high`, or nil when there would
    /// be far more than any request may have.
    static func multiples(of step: NiceStep, low: Double, high: Double) -> [Double]? {
        let size = step.value
        let first = (low / size).rounded(.down) - 1
        let last = (high / size).rounded(.up) + 1
        guard last - first <= Double(4 * maximumCount) else { return nil }
        var values: [Double] = []
        var k = first
        while k <= last {
            let v = step.multiple(k)
            if v > low && v < high { values.append(v) }
            k += 1
        }
        return values
    }

    /// The number of decimal places in the shortest form of `value`, or nil when that form
    /// uses an exponent or has more places than a Double can hold.
    static func decimalPlaces(_ value: Double) -> Int? {
        let text = String(describing: value)
        if text.contains("e") { return nil }
        guard let dot = text.firstIndex(of: ".") else { return 0 }
        let fraction = text[text.index(after: dot)...]
        if fraction == "0" { return 0 }
        return fraction.count <= 15 ? fraction.count : nil
    }
}
