/// A perceptually uniform, colour-blind-safe colormap (viridis), sampled at 17 evenly
/// spaced points and interpolated linearly in sRGB between them.
///
/// Lightness rises steadily from dark purple to yellow, so low and high levels stay
/// distinguishable in greyscale and for the common colour-vision deficiencies.
public enum Colormap {
    /// viridis at t = 0, 1/16, ..., 1.
    static let viridis: [UInt32] = [
        0x440154, 0x48186A, 0x472D7B, 0x424086, 0x3B528B, 0x33638D, 0x2C728E, 0x26828E,
        0x21918C, 0x1FA088, 0x28AE80, 0x3FBC73, 0x5EC962, 0x84D44B, 0xADDC30, 0xD8E219,
        0xFDE725,
    ]

    /// The part of the map used for level lines: the palest yellows are cut off because
    /// thin yellow lines vanish on a white page.
    public static let usableRange: ClosedRange<Double> = 0...0.85

    /// The colour at `t` in [0, 1] as 0xRRGGBB.
    public static func color(at t: Double) -> UInt32 {
        let clamped = min(1, max(0, t.isFinite ? t : 0))
        let position = clamped * Double(viridis.count - 1)
        let i = min(viridis.count - 2, Int(position))
        let f = position - Double(i)
        let a = viridis[i], b = viridis[i + 1]
        func channel(_ shift: UInt32) -> UInt32 {
            let ca = Double((a >> shift) & 0xFF), cb = Double((b >> shift) & 0xFF)
            return UInt32((ca + (cb - ca) * f).rounded()) << shift
        }
        return channel(16) | channel(8) | channel(0)
    }

    /// Colours for `count` level lines, lowest first, spread over `usableRange`.
    public static func levelColors(count: Int) -> [UInt32] {
        guard count > 0 else { return [] }
        if count == 1 { return [color(at: (usableRange.lowerBound + usableRange.upperBound) / 2)] }
        let span = usableRange.upperBound - usableRange.lowerBound
        return (0..<count).map { color(at: usableRange.lowerBound + span * Double($0) / Double(count - 1)) }
    }

    /// `#rrggbb`.
    public static func hex(_ color: UInt32) -> String {
        let digits = Array("0123456789abcdef")
        var s = "#"
        for shift in stride(from: 20, through: 0, by: -4) {
            s.append(digits[Int((color >> UInt32(shift)) & 0xF)])
        }
        return s
    }
}
