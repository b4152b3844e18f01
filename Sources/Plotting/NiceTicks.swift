/// Tick values at nice round steps (1, 2 or 5 times a power of ten) inside an interval.
public enum NiceTicks {
    /// The step for about `target` ticks across `span`.
    public static func step(span: Double, target: Int) -> Double {
        guard span > 0, span.isFinite, target > 0 else { return 1 }
        let raw = span / Double(target)
        var power = 1.0
        while power * 10 <= raw { power *= 10 }
        while power > raw { power /= 10 }
        for m in [1.0, 2.0, 5.0, 10.0] where m * power >= raw * 0.999 {
            return m * power
        }
        return 10 * power
    }

    /// Multiples of `step` inside [low, high] (with a little slack for rounding).
    public static func values(low: Double, high: Double, step: Double) -> [Double] {
        guard step > 0, low <= high else { return [] }
        let eps = step * 1e-9
        var k = (low / step).rounded(.up)
        var out: [Double] = []
        while k * step <= high + eps && out.count < 1000 {
            let v = k * step
            if v >= low - eps { out.append(abs(v) < eps ? 0 : v) }
            k += 1
        }
        return out
    }

    /// The step and values for about `target` ticks on [low, high], refined until there
    /// are at least two (a short axis with one tick cannot be read).
    public static func ticks(low: Double, high: Double, target: Int) -> (step: Double, values: [Double]) {
        var t = max(1, target)
        var step = NiceTicks.step(span: high - low, target: t)
        var v = values(low: low, high: high, step: step)
        while v.count < 2 && t < 20 {
            t += 1
            step = NiceTicks.step(span: high - low, target: t)
            v = values(low: low, high: high, step: step)
        }
        return (step, v)
    }

    /// Decimals needed to print multiples of `step` exactly.
    public static func decimals(for step: Double) -> Int {
        var d = 0
        var s = step
        while d < 6 && abs(s - s.rounded()) > 1e-9 * max(1, abs(s)) { s *= 10; d += 1 }
        return d
    }
}
