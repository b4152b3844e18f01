import BigInt

/// An exact rational number, always reduced, with a positive denominator.
///
/// Arbitrary precision (BigInt) so that nothing a course computes can overflow, with a
/// fast path: while numerator and denominator fit in a machine word the arithmetic runs
/// on `Int` with overflow detection (`addingReportingOverflow` and friends) and falls
/// back to BigInt only when a result would overflow. The representation is unique
/// (small whenever both parts fit and neither is `Int.min`), so synthesized equality and
/// hashing are exact.
public struct Rational: Hashable, Comparable, Sendable, CustomStringConvertible {
    @usableFromInline
    enum Storage: Hashable, Sendable {
        /// Reduced, denominator > 0, neither part equal to Int.min (so negation is safe).
        case small(Int, Int)
        /// Reduced, denominator > 0, and not representable as `.small`. Boxed, so that
        /// a Rational is two words and copying the common small case is cheap.
        case big(BigParts)
    }

    /// Numerator and denominator of a rational beyond machine words.
    @usableFromInline
    final class BigParts: Hashable, Sendable {
        let n: BigInt
        let d: BigInt
        init(_ n: BigInt, _ d: BigInt) { self.n = n; self.d = d }
        @usableFromInline static func == (a: BigParts, b: BigParts) -> Bool { a.n == b.n && a.d == b.d }
        @usableFromInline func hash(into hasher: inout Hasher) { hasher.combine(n); hasher.combine(d) }
    }

    @usableFromInline let storage: Storage

    public var numerator: BigInt {
        switch storage {
        case .small(let n, _): return BigInt(n)
        case .big(let b): return b.n
        }
    }
    public var denominator: BigInt {
        switch storage {
        case .small(_, let d): return BigInt(d)
        case .big(let b): return b.d
        }
    }

    @inlinable init(reducedSmall n: Int, _ d: Int) { storage = .small(n, d) }

    /// Stores an already reduced pair with a positive denominator in its unique form.
    init(reducedBig n: BigInt, _ d: BigInt) {
        if let sn = Int(exactly: n), let sd = Int(exactly: d), sn != .min, sd != .min {
            storage = .small(sn, sd)
        } else {
            storage = .big(BigParts(n, d))
        }
    }

    public init(_ n: Int) {
        storage = n == .min ? .big(BigParts(BigInt(n), 1)) : .small(n, 1)
    }
    public init(_ n: BigInt) { self.init(reducedBig: n, 1) }

    /// Reduces on construction; `den` must not be zero.
    public init(_ num: BigInt, _ den: BigInt) {
        precondition(den != 0, "Rational with zero denominator")
        let g = num.greatestCommonDivisor(with: den)
        var n = num / (g == 0 ? 1 : g)
        var d = den / (g == 0 ? 1 : g)
        if d < 0 { n = -n; d = -d }
        self.init(reducedBig: n, d)
    }

    /// Reduces on construction; `den` must not be zero.
    public init(_ num: Int, _ den: Int) {
        precondition(den != 0, "Rational with zero denominator")
        if num != .min, den != .min {
            let g = Rational.gcd(num, den)
            var n = num / g, d = den / g
            if d < 0 { n = -n; d = -d }
            self.init(reducedSmall: n, d)
        } else {
            self.init(BigInt(num), BigInt(den))
        }
    }

    public static let zero = Rational(0)
    public static let one = Rational(1)

    public var isInteger: Bool {
        switch storage {
        case .small(_, let d): return d == 1
        case .big(let b): return b.d == 1
        }
    }
    public var isZero: Bool {
        if case .small(let n, _) = storage { return n == 0 }
        return false
    }
    public var isOne: Bool { storage == .small(1, 1) }
    public var isMinusOne: Bool { storage == .small(-1, 1) }
    public var isNegative: Bool {
        switch storage {
        case .small(let n, _): return n < 0
        case .big(let b): return b.n < 0
        }
    }
    public var isPositive: Bool { !isNegative && !isZero }
    public var doubleValue: Double {
        switch storage {
        case .small(let n, let d): return Double(n) / Double(d)
        case .big(let b):
            let (n, d) = (b.n, b.d)
            // Scale so that huge parts do not turn into inf/inf.
            let shift = max(0, max(n.magnitude.bitWidth, d.bitWidth) - 1000)
            return Double(n >> shift) / Double(d >> shift)
        }
    }
    public var description: String {
        switch storage {
        case .small(let n, let d): return d == 1 ? String(n) : "\(n)/\(d)"
        case .big(let b): return b.d == 1 ? b.n.description : "\(b.n)/\(b.d)"
        }
    }

    /// Whether the numerator is odd.
    public var hasOddNumerator: Bool {
        switch storage {
        case .small(let n, _): return n & 1 != 0
        case .big(let b): return b.n % 2 != 0
        }
    }

    /// Whether the denominator is odd.
    public var hasOddDenominator: Bool {
        switch storage {
        case .small(_, let d): return d & 1 != 0
        case .big(let b): return b.d % 2 != 0
        }
    }

    /// The numerator as a Rational (cheap on the machine-word path).
    public var numeratorPart: Rational {
        switch storage {
        case .small(let n, _): return Rational(reducedSmall: n, 1)
        case .big(let b): return Rational(reducedBig: b.n, 1)
        }
    }

    /// The denominator as a Rational.
    public var denominatorPart: Rational {
        switch storage {
        case .small(_, let d): return Rational(reducedSmall: d, 1)
        case .big(let b): return Rational(reducedBig: b.d, 1)
        }
    }

    /// The value as an `Int` when it is an integer that fits.
    public var intValue: Int? {
        if case .small(let n, 1) = storage { return n }
        return nil
    }

    public var magnitude: Rational { isNegative ? -self : self }
    public var reciprocal: Rational { Rational.one / self }

    // MARK: Arithmetic

    @usableFromInline static func gcd(_ a: Int, _ b: Int) -> Int {
        var x = a.magnitude, y = b.magnitude
        while y != 0 { (x, y) = (y, x % y) }
        return x == 0 ? 1 : Int(x)
    }

    public static func + (a: Rational, b: Rational) -> Rational {
        if case .small(let an, let ad) = a.storage, case .small(let bn, let bd) = b.storage {
            if ad == 1 && bd == 1 {
                let (s, o) = an.addingReportingOverflow(bn)
                if !o { return Rational(s) }
            } else {
                let (x, o1) = an.multipliedReportingOverflow(by: bd)
                let (y, o2) = bn.multipliedReportingOverflow(by: ad)
                let (d, o3) = ad.multipliedReportingOverflow(by: bd)
                if !o1 && !o2 && !o3 {
                    let (s, o4) = x.addingReportingOverflow(y)
                    if !o4 && s != .min && d != .min { return Rational(s, d) }
                }
            }
        }
        return Rational(a.numerator * b.denominator + b.numerator * a.denominator, a.denominator * b.denominator)
    }
    public static func - (a: Rational, b: Rational) -> Rational { a + (-b) }
    public static prefix func - (a: Rational) -> Rational {
        switch a.storage {
        case .small(let n, let d): return Rational(reducedSmall: -n, d)
        case .big(let b): return Rational(reducedBig: -b.n, b.d)
        }
    }
    public static func * (a: Rational, b: Rational) -> Rational {
        if case .small(let an, let ad) = a.storage, case .small(let bn, let bd) = b.storage {
            // Cross-reduce first so the products stay small and the result is reduced.
            let g1 = gcd(an, bd), g2 = gcd(bn, ad)
            let (n, o1) = (an / g1).multipliedReportingOverflow(by: bn / g2)
            let (d, o2) = (ad / g2).multipliedReportingOverflow(by: bd / g1)
            if !o1 && !o2 && n != .min && d != .min { return Rational(reducedSmall: n, d) }
        }
        return Rational(a.numerator * b.numerator, a.denominator * b.denominator)
    }
    /// Division; `b` must not be zero (callers report division by zero before calling).
    public static func / (a: Rational, b: Rational) -> Rational {
        switch b.storage {
        case .small(let n, let d):
            precondition(n != 0, "Rational division by zero")
            return a * (n < 0 ? Rational(reducedSmall: -d, -n) : Rational(reducedSmall: d, n))
        case .big(let parts):
            let (n, d) = (parts.n, parts.d)
            return a * (n < 0 ? Rational(reducedBig: -d, -n) : Rational(reducedBig: d, n))
        }
    }
    public static func < (a: Rational, b: Rational) -> Bool {
        if case .small(let an, let ad) = a.storage, case .small(let bn, let bd) = b.storage {
            let (x, o1) = an.multipliedReportingOverflow(by: bd)
            let (y, o2) = bn.multipliedReportingOverflow(by: ad)
            if !o1 && !o2 { return x < y }
        }
        return a.numerator * b.denominator < b.numerator * a.denominator
    }

    public static func += (a: inout Rational, b: Rational) { a = a + b }
    public static func *= (a: inout Rational, b: Rational) { a = a * b }

    /// Bits needed by numerator and denominator together: a size guard for powers.
    public var bitSize: Int {
        switch storage {
        case .small(let n, let d): return (Int.bitWidth - n.magnitude.leadingZeroBitCount) + (Int.bitWidth - d.leadingZeroBitCount)
        case .big(let b): return b.n.magnitude.bitWidth + b.d.bitWidth
        }
    }

    /// `self^exponent` exactly; nil for `0^negative` or when the result would exceed
    /// `maximumBits` (a guard against `2^(10^9)`-style input, never a trap).
    public func power(_ exponent: Int, maximumBits: Int = 200_000) -> Rational? {
        if exponent == 0 { return .one }
        if isZero { return exponent > 0 ? .zero : nil }
        if self == .one { return .one }
        if self == Rational(-1) { return exponent % 2 == 0 ? .one : self }
        let e = exponent.magnitude
        let (estimate, o) = Int(clamping: e).multipliedReportingOverflow(by: max(1, bitSize))
        if o || estimate > maximumBits { return nil }
        var result = Rational.one
        var base = self
        var k = e
        while k > 0 {
            if k & 1 == 1 { result = result * base }
            k >>= 1
            if k > 0 { base = base * base }
        }
        return exponent < 0 ? result.reciprocal : result
    }

    /// The largest integer not greater than the value.
    public var floor: BigInt {
        let (q, r) = numerator.quotientAndRemainder(dividingBy: denominator)
        return r < 0 ? q - 1 : q
    }

    /// A literal of at most 18 ASCII digits with at most one decimal point inside
    /// (`2`, `0.25`, the lexer's number tokens), read from its bytes; nil for anything
    /// else, which the general reader handles.
    static func shortDecimal(_ text: String) -> Rational? {
        let utf8 = text.utf8
        guard !utf8.isEmpty, utf8.count <= 18 else { return nil }
        var n = 0, scale = 1, sawPoint = false, digitsAfterPoint = 0
        for b in utf8 {
            if b == UInt8(ascii: ".") {
                if sawPoint { return nil }
                sawPoint = true
                continue
            }
            guard b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9") else { return nil }
            n = n * 10 + Int(b - UInt8(ascii: "0"))
            if sawPoint { scale *= 10; digitsAfterPoint += 1 }
        }
        // "." alone, or a point with nothing after it or before it, goes to the general
        // reader, which decides what those mean.
        if sawPoint && (digitsAfterPoint == 0 || utf8.first == UInt8(ascii: ".")) { return nil }
        return Rational(n, scale)
    }

    /// Parses `12`, `-3`, `0.25` (exactly 1/4), `1/3`, `-2.5/3`; nil for anything else.
    public init?(exactDecimal text: String) {
        if let fast = Rational.shortDecimal(text) {
            self = fast
            return
        }
        let trimmed = text.trimmingSpaces
        if let slash = trimmed.firstIndex(of: "/") {
            guard let a = Rational(exactDecimal: String(trimmed[..<slash])),
                  let b = Rational(exactDecimal: String(trimmed[trimmed.index(after: slash)...])),
                  !b.isZero, !String(trimmed[trimmed.index(after: slash)...]).contains("/")
            else { return nil }
            self = a / b
            return
        }
        var s = Substring(trimmed)
        var negative = false
        if s.first == "-" { negative = true; s = s.dropFirst() } else if s.first == "+" { s = s.dropFirst() }
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 1 || parts.count == 2 else { return nil }
        let whole = parts[0], fraction = parts.count == 2 ? parts[1] : ""
        guard !(whole.isEmpty && fraction.isEmpty),
              whole.allSatisfy({ $0.isASCII && $0.isNumber }),
              fraction.allSatisfy({ $0.isASCII && $0.isNumber }),
              parts.count == 1 || !fraction.isEmpty
        else { return nil }
        let digits = String(whole) + String(fraction)
        // Machine-word path for the usual short literals.
        if digits.utf8.count <= 18, fraction.utf8.count <= 18, let n = Int(digits) {
            var d = 1
            for _ in 0..<fraction.utf8.count { d *= 10 }
            self.init(negative ? -n : n, d)
            return
        }
        guard let n = BigInt(digits, radix: 10) else { return nil }
        let d = BigInt(10).power(fraction.count)
        self.init(negative ? -n : n, d)
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return String(s)
    }
}
