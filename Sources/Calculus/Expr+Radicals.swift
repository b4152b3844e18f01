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
        guard let top = integerRadical(b.numerator, r), let bottom = integerRadical(b.denominator, -r) else { return nil }
        return product([top, bottom])
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
