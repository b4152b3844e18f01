/// Fixed-precision number text for the writers, so output is byte-stable.
///
/// Rounds through integers rather than `String(format:)` so that the text never depends on
/// the C locale, trailing zeros are dropped (`12.5`, `3`), and negative zero prints as `0`.
enum PageNumber {
    /// `value` rounded to `decimals` places (0...6), shortest form.
    static func fixed(_ value: Double, decimals: Int = 2) -> String {
        guard value.isFinite else { return "0" }
        var scale: Int64 = 1
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (value * Double(scale)).rounded()
        // Beyond Int64 (a diverging descent path, say): a mantissa and a power of ten.
        guard abs(scaled) < 9e17 else { return scientific(value) }
        return fromScaled(Int64(scaled), decimals: decimals)
    }

    /// `value` as `1.235e30`: four significant digits and the power of ten, for magnitudes
    /// too large to print digit by digit.
    static func scientific(_ value: Double) -> String {
        guard value.isFinite, value != 0 else { return fixed(value) }
        var exponent = Int(abs(value).log10Floor)
        var mantissa = abs(value)
        for _ in 0..<abs(exponent) { mantissa = exponent > 0 ? mantissa / 10 : mantissa * 10 }
        // Rounding may carry 9.9996 up to 10.
        if (mantissa * 1000).rounded() >= 10_000 { mantissa /= 10; exponent += 1 }
        return (value < 0 ? "-" : "") + fixed(mantissa, decimals: 3) + "e" + String(exponent)
    }

    /// Formats `scaled / 10^decimals`, dropping trailing zeros. Digits are written into
    /// a small buffer from the right: writers format hundreds of thousands of coordinates.
    static func fromScaled(_ scaled: Int64, decimals: Int) -> String {
        if scaled == 0 { return "0" }
        var magnitude = scaled.magnitude
        // Fractional digits, dropping trailing zeros.
        var fraction = decimals
        while fraction > 0, magnitude % 10 == 0 { magnitude /= 10; fraction -= 1 }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 48) { buffer in
            var end = 48
            func put(_ byte: UInt8) { end -= 1; buffer[end] = byte }
            var written = 0
            while written < fraction {
                put(UInt8(ascii: "0") + UInt8(magnitude % 10)); magnitude /= 10; written += 1
            }
            if fraction > 0 { put(UInt8(ascii: ".")) }
            if magnitude == 0 { put(UInt8(ascii: "0")) }
            while magnitude > 0 { put(UInt8(ascii: "0") + UInt8(magnitude % 10)); magnitude /= 10 }
            if scaled < 0 { put(UInt8(ascii: "-")) }
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[end..<48]), as: UTF8.self)
        }
    }

    /// A value for people to read: at most `significant` significant digits, shortest form,
    /// with up to 6 decimals; zero for values within 1e-12 of it.
    static func readable(_ value: Double, significant: Int = 4) -> String {
        guard value.isFinite else { return value.isNaN ? "undefined" : (value > 0 ? "∞" : "−∞") }
        if abs(value) < 1e-12 { return "0" }
        if abs(value) >= 1e15 { return scientific(value) }
        let magnitude = Int((abs(value)).log10Floor)
        let decimals = max(0, min(6, significant - 1 - magnitude))
        return fixed(value, decimals: decimals)
    }

    /// `readable`, with a Unicode minus sign for display text.
    static func display(_ value: Double, significant: Int = 4) -> String {
        let s = readable(value, significant: significant)
        return s.hasPrefix("-") ? "\u{2212}" + s.dropFirst() : s
    }
}

extension Double {
    /// floor(log10(self)) for positive finite values, without Foundation.
    var log10Floor: Double {
        var e = 0.0
        var v = self
        while v >= 10 { v /= 10; e += 1 }
        while v < 1 { v *= 10; e -= 1 }
        return e
    }
}
