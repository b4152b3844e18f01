#if canImport(Glibc)
import Glibc  // links libm, which rounded() needs
#endif

/// A step of the form m × 10^e with m in {1, 2, 2.5, 5}: the spacing of round levels.
///
/// Kept as an integer mantissa and a power of ten (2.5 × 10^e is 25 × 10^(e-1)), so the
/// k-th multiple is computed as one integer product and one exact power of ten, and comes
/// out as the double nearest the decimal number (0.3, not 0.30000000000000004).
struct NiceStep: Hashable, Sendable {
    /// 1, 2, 25 or 5.
    var mantissa: Int
    var exponent: Int

    /// The step as a number.
    var value: Double { NiceStep.scaled(Double(mantissa), exponent) }

    /// The k-th multiple of the step, for an integral k.
    func multiple(_ k: Double) -> Double { NiceStep.scaled(k * Double(mantissa), exponent) }

    /// The multiple of the step nearest `x`.
    func nearestMultiple(_ x: Double) -> Double { multiple((x / value).rounded()) }

    /// The next larger nice step.
    var next: NiceStep {
        switch mantissa {
        case 1: return NiceStep(mantissa: 2, exponent: exponent)
        case 2: return NiceStep(mantissa: 25, exponent: exponent - 1)
        case 25: return NiceStep(mantissa: 5, exponent: exponent + 1)
        default: return NiceStep(mantissa: 1, exponent: exponent + 1)
        }
    }

    /// The next smaller nice step.
    var previous: NiceStep {
        switch mantissa {
        case 1: return NiceStep(mantissa: 5, exponent: exponent - 1)
        case 2: return NiceStep(mantissa: 1, exponent: exponent)
        case 25: return NiceStep(mantissa: 2, exponent: exponent + 1)
        default: return NiceStep(mantissa: 25, exponent: exponent - 1)
        }
    }

    /// The largest nice step not above `x` (the smallest one, 10^-300, for tiny or
    /// invalid `x`).
    static func atMost(_ x: Double) -> NiceStep {
        guard x.isFinite, x > 1e-300 else { return NiceStep(mantissa: 1, exponent: -300) }
        var e = 0
        var v = x
        while v >= 10 { v /= 10; e += 1 }
        while v < 1 { v *= 10; e -= 1 }
        // Now x ≈ v × 10^e with 1 <= v < 10; rounding in the loop can leave v a hair off.
        var step = NiceStep(mantissa: 1, exponent: e)
        while step.next.value <= x { step = step.next }
        while step.value > x { step = step.previous }
        return step
    }

    /// 10^n, exactly for n <= 22.
    static func powerOfTen(_ n: Int) -> Double {
        var result = 1.0
        for _ in 0..<n { result *= 10 }
        return result
    }

    /// m × 10^e, dividing by an exact power of ten for negative e so decimals round once.
    static func scaled(_ m: Double, _ e: Int) -> Double {
        e >= 0 ? m * powerOfTen(e) : m / powerOfTen(-e)
    }
}
