import BigInt
import Testing
@testable import Calculus

@Suite struct CoreRationalTests {
    @Test func reducesAndNormalizesSign() {
        let r = Rational(6, -8)
        #expect(r.numerator == -3)
        #expect(r.denominator == 4)
        #expect(Rational(BigInt(10), BigInt(-4)) == Rational(-5, 2))
        #expect(Rational(0, -7) == .zero)
    }

    @Test(arguments: [
        ("1/2", "1/3", "5/6", "1/6", "1/6", "3/2"),
        ("-3/4", "5/6", "1/12", "-5/8", "-19/12", "-9/10"),
        ("7", "-7", "0", "-49", "14", "-1"),
    ])
    func arithmetic(_ a: String, _ b: String, _ sum: String, _ product: String, _ difference: String, _ quotient: String) throws {
        let x = try #require(Rational(exactDecimal: a)), y = try #require(Rational(exactDecimal: b))
        #expect((x + y).description == sum)
        #expect((x * y).description == product)
        #expect((x - y).description == difference)
        #expect((x / y).description == quotient)
    }

    @Test func overflowFallsBackToBigInt() {
        let big = Rational(Int.max)
        let sum = big + big
        #expect(sum.numerator == BigInt(Int.max) * 2)
        let product = Rational(Int.max, 3) * Rational(Int.max - 1, 5)
        #expect(product == Rational(BigInt(Int.max) * BigInt(Int.max - 1), 15))
        // Coming back into range returns to the small representation, so equality is exact.
        let back = sum - big
        #expect(back == big)
        #expect(back.hashValue == big.hashValue)
        #expect(Rational(Int.min) + .one == Rational(BigInt(Int.min) + 1))
        #expect(-Rational(Int.min) == Rational(-BigInt(Int.min)))
        #expect(Rational(1, Int.max) < Rational(1, Int.max - 1))
        #expect(Rational(Int.max, 2) * Rational(2, Int.max) == .one)
    }

    @Test func exactPowers() throws {
        #expect(Rational(2).power(10) == Rational(1024))
        #expect(Rational(2, 3).power(-2) == Rational(9, 4))
        #expect(Rational(-2).power(3) == Rational(-8))
        #expect(Rational(0).power(-1) == nil)
        #expect(Rational(7).power(0) == .one)
        #expect(Rational(10).power(40)?.numerator == BigInt(10).power(40))
        #expect(Rational(2).power(100_000_000) == nil, "a result of 10^8 bits is refused, not computed")
        #expect(Rational(-1).power(Int.max) == Rational(-1))
    }

    @Test(arguments: [
        ("0.25", "1/4"), ("1.5", "3/2"), ("-0.125", "-1/8"), ("3", "3"), ("0.1", "1/10"),
        ("1/3", "1/3"), ("2.5/3", "5/6"), ("00012.50", "25/2"),
        ("123456789012345678901234567890", "123456789012345678901234567890"),
        ("0.000000000000000000001", "1/1000000000000000000000"),
    ])
    func exactDecimals(_ text: String, _ expected: String) throws {
        let r = try #require(Rational(exactDecimal: text))
        #expect(r.description == expected)
    }

    @Test(arguments: ["", ".", "1.", "1.2.3", "abc", "1/0", "1//2", "--1", "1e5", "0x10"])
    func rejectsMalformedDecimals(_ text: String) {
        #expect(Rational(exactDecimal: text) == nil)
    }

    @Test func doubleValueOfHugeParts() {
        let r = Rational(BigInt(10).power(400) + 1, BigInt(10).power(399))
        #expect(abs(r.doubleValue - 10) < 1e-12)
        #expect(Rational(1, 3).doubleValue == 1.0 / 3.0)
    }

    @Test func orderIsConsistentAcrossRepresentations() {
        let values = [Rational(-5, 2), Rational(BigInt(-10).power(30)), .zero, Rational(1, 3), Rational(BigInt(10).power(30), 7), Rational(Int.max)]
        for (i, a) in values.enumerated() {
            for (j, b) in values.enumerated() {
                #expect((a < b) == (a.doubleValue < b.doubleValue), "\(a) < \(b)")
                #expect((a == b) == (i == j))
            }
        }
    }
}
