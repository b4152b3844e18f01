import BigInt

/// Exact numeric powers with rational exponents: `4^(1/2) = 2`, `8^(1/2) = 2·2^(1/2)`,
/// `(1/2)^(1/2) = 2^(1/2)/2`.
///
/// The canonical form of a positive rational to a non-integer rational power is
/// `c · b1^(s1/d) · b2^(s2/d)...` with `c` rational, each radicand `b` an integer > 1
/// free of d-th powers (as far as trial division by small primes can tell), and each
/// exponent strictly between 0 and 1. So a radical never stands in a denominator.
extension Expr {
    /// Primes used to pull perfect powers out of radicands. Radicands with larger prime
    /// factors keep them inside the radical, which is still exact, only less reduced.
    static let smallPrimes: [Int] = {
        var primes: [Int] = []
        var n = 2
        while n < 1000 {
            if primes.allSatisfy({ n % $0 != 0 }) { primes.append(n) }
            n += 1
        }
        return primes
    }()

    /// `b^r` for rational `b` and non-integer rational `r`; nil when it stays as written
    /// (a negative base under an even root, or numbers too large to handle).
    static func numericRadical(_ b: Rational, _ r: Rational) -> Expr? {
        if b.isZero { return r.isPositive ? .zero : nil }
        if b.isNegative {
            // Odd roots of negative numbers are real: (-8)^(1/3) = -2.
            guard r.denominator % 2 == 1 else { return nil }
            guard let inner = numericRadical(-b, r) else { return nil }
            return r.numerator % 2 == 0 ? inner : product([.minusOne, inner])
        }
        if b.bitSize > 4096 || r.bitSize > 64 { return nil }
        // Machine words when both parts of the base and of the exponent fit (the usual
        // case); the same result as the BigInt path.
        if case .small(let n, let d) = b.storage, case .small(let rn, let rd) = r.storage {
            guard let top = integerRadical(small: n, rn, rd), let bottom = integerRadical(small: d, -rn, rd) else { return nil }
            return product([top, bottom])
        }
        guard let top = integerRadical(b.numerator, r), let bottom = integerRadical(b.denominator, -r) else { return nil }
        return product([top, bottom])
    }

    /// `integerRadical` for `n > 0` and the exponent `rn/rd` (reduced, rd > 0) on machine
    /// words: trial division by the same primes, the same canonical result.
    static func integerRadical(small n: Int, _ rn: Int, _ rd: Int) -> Expr? {
        if n == 1 { return .one }
        let d = rd
        guard d > 1, d <= 64 else { return nil }
        // floor(rn/rd) and the fractional part s/d in (0, 1).
        var k = rn / d
        if rn % d != 0 && rn < 0 { k -= 1 }
        let s = rn - k * d
        let fractional = Rational(reducedSmall: s, d)
        guard let whole = Rational(n).power(k) else { return nil }
        // n = m^d · f with f free of d-th powers of small primes.
        var m = 1
        var f = 1
        var rest = n
        for p in smallPrimes {
            if p * p > rest { break }
            var count = 0
            while rest % p == 0 { rest /= p; count += 1 }
            if count > 0 {
                m *= intPower(p, count / d)
                f *= intPower(p, count % d)
            }
        }
        if rest > 1 {
            let root = integerSquareRoot(rest)
            if d == 2 && root * root == rest { m *= root } else { f *= rest }
        }
        guard let mPower = Rational(m).power(s) else { return nil }
        let coefficient = whole * mPower
        if f == 1 { return .number(coefficient) }
        return product([.number(coefficient), .pow(.number(Rational(f)), .number(fractional))])
    }

    /// p^k for factors of a machine-word integer (cannot overflow: the result divides it).
    private static func intPower(_ p: Int, _ k: Int) -> Int {
        var result = 1
        for _ in 0..<k { result *= p }
        return result
    }

    /// The largest r with r·r <= n, for n > 0.
    private static func integerSquareRoot(_ n: Int) -> Int {
        var r = Int(Double(n).squareRoot())
        while true {
            let (sq, o) = r.multipliedReportingOverflow(by: r)
            if o || sq > n { r -= 1 } else { break }
        }
        while true {
            let (sq, o) = (r + 1).multipliedReportingOverflow(by: r + 1)
            if !o && sq <= n { r += 1 } else { break }
        }
        return r
    }

    /// `n^r` for a positive integer `n` and a non-integer rational `r` in canonical form.
    static func integerRadical(_ n: BigInt, _ r: Rational) -> Expr? {
        if n == 1 { return .one }
        guard let d = Int(exactly: r.denominator), d > 1, d <= 64 else { return nil }
        let k = r.floor
        guard let kInt = Int(exactly: k) else { return nil }
        let fractional = r - Rational(k)           // in (0, 1): s/d
        guard let s = Int(exactly: fractional.numerator) else { return nil }
        guard let whole = Rational(n).power(kInt) else { return nil }
        // n = m^d · f with f free of d-th powers of small primes.
        var m = BigInt(1)
        var f = BigInt(1)
        var rest = n
        for p in smallPrimes {
            let bp = BigInt(p)
            if bp * bp > rest { break }
            var count = 0
            while rest % bp == 0 { rest /= bp; count += 1 }
            if count > 0 {
                m *= bp.power(count / d)
                f *= bp.power(count % d)
            }
        }
        // What is left is 1, a prime, or a product of primes above the table; a square
        // of a large prime is still recognised.
        if rest > 1 {
            let root = rest.squareRoot()
            if d == 2 && root * root == rest { m *= root } else { f *= rest }
        }
        guard let mPower = Rational(m).power(s) else { return nil }
        let coefficient = whole * mPower
        if f == 1 { return .number(coefficient) }
        return product([.number(coefficient), .pow(.number(Rational(f)), .number(fractional))])
    }
}
